package org.tehai.part;

import java.util.List;

import org.tehai.part.PartResource.PartStockView.Holding;

/**
 * The parts carried in technicians' vans. Vans belong to technicians, which sit above parts, so the technician
 * package answers for them.
 */
public interface VanStocks {

    /** The vans holding at least one piece of the part, by technician code. */
    List<Holding> vansHolding(Part part);
}
