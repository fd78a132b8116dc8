package org.tehai.part;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.part.PartResource.PartRequest;
import org.tehai.part.PartResource.PartStockView;
import org.tehai.part.PartResource.PartStockView.Holding;
import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PartService {

    @Inject
    Audit audit;

    @Inject
    VanStocks vanStocks;

    public List<Part> list() {
        return Part.listAll(Sort.by("code"));
    }

    public Part get(long id) {
        return Records.require(Part.class, id, "part");
    }

    public PartStockView stock(long id) {
        Part part = get(id);
        List<Holding> depots = Depot.<Depot>listAll(Sort.by("code")).stream()
                .flatMap(d -> d.stock.stream().filter(l -> l.part.id.equals(part.id) && l.quantity > 0)
                        .map(l -> new Holding(d.id, d.code, d.name, l.quantity)))
                .toList();
        List<Holding> vans = vanStocks.vansHolding(part);
        int total = depots.stream().mapToInt(Holding::quantity).sum() + vans.stream().mapToInt(Holding::quantity).sum();
        return new PartStockView(part.code, depots, vans, total);
    }

    @Transactional
    public Part create(PartRequest request) {
        requireUniqueCode(request.code(), null);
        var part = new Part();
        part.code = request.code();
        part.name = request.name();
        part.persist();
        audit.record("PART_CREATED", "part", part.id, part.code);
        return part;
    }

    @Transactional
    public Part update(long id, PartRequest request) {
        Part part = get(id);
        part.requireVersion("part", request.version());
        requireUniqueCode(request.code(), part.id);
        part.code = request.code();
        part.name = request.name();
        part.flush();
        audit.record("PART_UPDATED", "part", part.id, part.code);
        return part;
    }

    private static void requireUniqueCode(String code, Long exceptId) {
        Part same = Part.findByCode(code);
        if (same != null && !same.id.equals(exceptId)) {
            throw ApiProblem.conflict("code", "A part with the code (" + code + ") already exists.");
        }
    }
}
