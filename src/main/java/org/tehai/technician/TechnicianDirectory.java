package org.tehai.technician;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.tehai.part.Part;
import org.tehai.part.PartResource.PartStockView.Holding;
import org.tehai.part.VanStocks;
import org.tehai.platform.security.TechnicianLogins;

/** What security and the parts catalogue ask about technicians: whose login this is, whose van holds a part. */
@ApplicationScoped
public class TechnicianDirectory implements TechnicianLogins, VanStocks {

    @Override
    public Long activeTechnicianId(String login) {
        return Technician.activeIdForLogin(login);
    }

    @Override
    public List<Holding> vansHolding(Part part) {
        return Technician.<Technician>list(
                "select distinct t from Technician t join t.vanStock s where s.part = ?1 and s.quantity > 0 order by t.code",
                part).stream()
                .flatMap(t -> t.vanStock.stream().filter(l -> l.part.id.equals(part.id))
                        .map(l -> new Holding(t.id, t.code, t.fullName(), l.quantity)))
                .toList();
    }
}
