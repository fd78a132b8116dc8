package org.tehai.site;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.security.Roles;

/** Places where work is done; {@code ?building=} lists the flats of one building. */
@Path("/api/sites")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class SiteResource {

    @Inject
    SiteService sites;

    @GET
    public Page<SiteView> search(@QueryParam("customerId") Long customerId, @QueryParam("regionId") Long regionId,
            @QueryParam("building") String building, @Valid @BeanParam PageRequest paging) {
        return sites.search(customerId, regionId, building, paging);
    }

    @GET
    @Path("/{id}")
    public SiteView get(@PathParam("id") long id) {
        return SiteView.of(sites.get(id));
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response create(@Valid @NotNull SiteRequest request) {
        SiteView created = sites.create(request);
        return Response.created(URI.create("/api/sites/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public SiteView update(@PathParam("id") long id, @Valid @NotNull SiteRequest request) {
        return sites.update(id, request);
    }
}
