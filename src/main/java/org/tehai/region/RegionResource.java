package org.tehai.region;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.security.Roles;

/** Service regions. Everyone signed in reads them; only admins create or change them. */
@Path("/api/regions")
public class RegionResource {

    @Inject
    RegionService regions;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public List<RegionView> list() {
        return regions.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public RegionView get(@PathParam("id") long id) {
        return RegionView.of(regions.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull RegionRequest request) {
        RegionView created = regions.create(request);
        return Response.created(URI.create("/api/regions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public RegionView update(@PathParam("id") long id, @Valid @NotNull RegionRequest request) {
        return regions.update(id, request);
    }
}
