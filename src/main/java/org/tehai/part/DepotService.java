package org.tehai.part;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.part.DepotResource.DepotRequest;
import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.RegionService;

import io.quarkus.panache.common.Sort;

/** Depots and their stock. */
@ApplicationScoped
public class DepotService {

    @Inject
    Audit audit;

    public List<Depot> list(Long regionId) {
        return regionId == null ? Depot.listAll(Sort.by("code")) : Depot.list("region.id", Sort.by("code"), regionId);
    }

    public Depot get(long id) {
        return Records.require(Depot.class, id, "depot");
    }

    /** Creates ({@code id == null}) or updates a depot with its whole stock. */
    @Transactional
    public Depot save(Long id, DepotRequest request) {
        Depot depot;
        if (id == null) {
            depot = new Depot();
        } else {
            depot = get(id);
            depot.requireVersion("depot", request.version());
        }
        Depot sameCode = Depot.find("code", request.code()).firstResult();
        if (sameCode != null && !sameCode.id.equals(depot.id)) {
            throw ApiProblem.conflict("code", "A depot with the code (" + request.code() + ") already exists.");
        }
        depot.region = RegionService.reference("regionId", request.regionId());
        depot.code = request.code();
        depot.name = request.name();
        depot.address = request.address();
        depot.latitude = request.latitude();
        depot.longitude = request.longitude();
        depot.stock.clear();
        depot.stock.addAll(PartQuantityRequest.resolve("stock", request.stock()));
        if (id == null) {
            depot.persist();
        }
        depot.flush();
        audit.record(id == null ? "DEPOT_CREATED" : "DEPOT_UPDATED", "depot", depot.id, depot.code);
        return depot;
    }
}
