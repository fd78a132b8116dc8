package org.tehai.part;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.Roles;
import org.tehai.region.RegionService;

import io.quarkus.panache.common.Sort;

/** Parts depots and their stock. Technicians may restock at a depot on the way. */
@Path("/api/depots")
public class DepotResource {

    @Inject
    DepotService depots;

    public record DepotRequest(
            @NotNull Long regionId,
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 300) String address,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull List<@Valid PartQuantityRequest> stock,
            Long version) {
    }

    public record DepotView(long id, long regionId, String code, String name, String address, double latitude,
            double longitude, List<PartQuantityView> stock, long version) {
        static DepotView of(Depot depot) {
            return new DepotView(depot.id, depot.region.id, depot.code, depot.name, depot.address, depot.latitude,
                    depot.longitude, PartQuantityView.of(depot.stock), depot.version);
        }
    }

    @GET
    @RolesAllowed({ Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public List<DepotView> list(@QueryParam("regionId") Long regionId) {
        return depots.list(regionId).stream().map(DepotView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public DepotView get(@PathParam("id") long id) {
        return DepotView.of(depots.get(id));
    }

    @POST
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response create(@Valid @NotNull DepotRequest request) {
        DepotView created = DepotView.of(depots.save(null, request));
        return Response.created(URI.create("/api/depots/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public DepotView update(@PathParam("id") long id, @Valid @NotNull DepotRequest request) {
        return DepotView.of(depots.save(id, request));
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class DepotService {

        @Inject
        Audit audit;

        public List<Depot> list(Long regionId) {
            return regionId == null ? Depot.listAll(Sort.by("code")) : Depot.list("region.id", Sort.by("code"), regionId);
        }

        public Depot get(long id) {
            Depot depot = Depot.findById(id);
            if (depot == null) {
                throw ApiProblem.notFound("depot", id);
            }
            return depot;
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
}
