package org.tehai.visit;

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
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;

/**
 * Visits: the on-site work of tickets. Office roles see all; a technician sees only visits assigned to it.
 */
@Path("/api/visits")
public class VisitResource {

    @Inject
    VisitService visits;

    @Inject
    CurrentUser currentUser;

    public record CancelRequest(@NotBlank @Size(max = TextLimits.FREE_TEXT) String reason) {
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public Page<VisitView> search(@QueryParam("ticketId") Long ticketId, @QueryParam("regionId") Long regionId,
            @QueryParam("status") String status, @QueryParam("technicianId") Long technicianId,
            @QueryParam("date") String date, @Valid @BeanParam PageRequest paging) {
        Long technician = technicianId;
        if (!currentUser.isStaff()) {
            long own = currentUser.requireOwnTechnicianId();
            if (technicianId != null && technicianId != own) {
                throw ApiProblem.forbidden("A technician may only list its own visits.");
            }
            technician = own;
        }
        return visits.search(ticketId, regionId, QueryValues.enumValue(VisitStatus.class, "status", status), technician,
                QueryValues.date("date", date), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public VisitView get(@PathParam("id") long id) {
        Visit visit = visits.get(id);
        if (!currentUser.isStaff()) {
            long own = currentUser.requireOwnTechnicianId();
            if (visit.technician == null || visit.technician.id != own) {
                // The same answer as for a missing id: a technician learns nothing about other technicians' work.
                throw ApiProblem.notFound("visit", id);
            }
        }
        return VisitView.of(visit);
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response create(@Valid @NotNull VisitRequest request) {
        VisitView created = visits.create(request);
        return Response.created(URI.create("/api/visits/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public VisitView update(@PathParam("id") long id, @Valid @NotNull VisitRequest request) {
        return visits.update(id, request);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public VisitView cancel(@PathParam("id") long id, @Valid @NotNull CancelRequest request) {
        return visits.cancel(id, request.reason());
    }
}
