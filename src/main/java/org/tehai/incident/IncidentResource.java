package org.tehai.incident;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/** Incidents (common causes behind several tickets) and declared area outages. */
@Path("/api")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class IncidentResource {

    @Inject
    IncidentService incidents;

    public record ResolveRequest(@NotBlank @Size(max = TextLimits.FREE_TEXT) String cause) {
    }

    @GET
    @Path("/incidents")
    public Page<IncidentView> search(@QueryParam("status") String status, @QueryParam("open") String open,
            @QueryParam("regionId") Long regionId, @QueryParam("resolvedAfter") String resolvedAfter,
            @Valid @BeanParam PageRequest paging) {
        return incidents.search(QueryValues.enumValue(IncidentStatus.class, "status", status),
                QueryValues.bool("open", open), regionId, QueryValues.instant("resolvedAfter", resolvedAfter), paging);
    }

    @GET
    @Path("/incidents/{id}")
    public IncidentView get(@PathParam("id") long id) {
        return incidents.view(incidents.get(id));
    }

    @PUT
    @Path("/incidents/{id}")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public IncidentView update(@PathParam("id") long id, @Valid @NotNull IncidentUpdateRequest request) {
        return incidents.update(id, request);
    }

    @POST
    @Path("/incidents/{id}/resolve")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public IncidentView resolve(@PathParam("id") long id, @Valid @NotNull ResolveRequest request) {
        return incidents.resolve(id, request.cause());
    }

    @POST
    @Path("/outages")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public Response declareOutage(@Valid @NotNull OutageRequest request) {
        IncidentView outage = incidents.declareOutage(request);
        return Response.created(URI.create("/api/incidents/" + outage.id())).entity(outage).build();
    }
}
