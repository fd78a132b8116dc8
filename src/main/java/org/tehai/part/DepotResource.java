package org.tehai.part;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.security.Roles;

/** Parts depots and their stock. Technicians may restock at a depot on the way. */
@Path("/api/depots")
public class DepotResource {

    @Inject
    DepotService depots;

    public record DepotRequest(
            @NotNull Long regionId,
            @NotBlank @Size(max = TextLimits.CODE) String code,
            @NotBlank @Size(max = TextLimits.NAME) String name,
            @Size(max = TextLimits.ADDRESS) String address,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @Size(max = TextLimits.STOCK_LINES) List<@Valid PartQuantityRequest> stock,
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
}
