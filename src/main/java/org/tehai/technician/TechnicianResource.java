package org.tehai.technician;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;

/**
 * Technicians, their shifts and van stock. Office roles see everyone; a technician sees only its own record and
 * shifts (403 for anyone else's).
 */
@Path("/api/technicians")
public class TechnicianResource {

    @Inject
    TechnicianService technicians;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Page<TechnicianView> search(@QueryParam("regionId") Long regionId, @QueryParam("skill") String skill,
            @QueryParam("active") String active, @Valid @BeanParam PageRequest paging) {
        return technicians.search(regionId, skill, QueryValues.bool("active", active), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public TechnicianView get(@PathParam("id") long id) {
        currentUser.requireStaffOrSelf(id);
        return TechnicianView.of(technicians.get(id));
    }

    @POST
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response create(@Valid @NotNull TechnicianRequest request) {
        TechnicianView created = technicians.create(request);
        return Response.created(URI.create("/api/technicians/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public TechnicianView update(@PathParam("id") long id, @Valid @NotNull TechnicianRequest request) {
        return technicians.update(id, request);
    }

    @GET
    @Path("/{id}/shifts")
    @RolesAllowed({ Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public List<ShiftView> shifts(@PathParam("id") long id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        currentUser.requireStaffOrSelf(id);
        return technicians.shifts(id, QueryValues.date("from", from), QueryValues.date("to", to));
    }

    @PUT
    @Path("/{id}/shifts/{date}")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public ShiftView saveShift(@PathParam("id") long id, @PathParam("date") String date,
            @Valid @NotNull ShiftRequest request) {
        return technicians.saveShift(id, QueryValues.date("date", date), request);
    }

    @DELETE
    @Path("/{id}/shifts/{date}")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response deleteShift(@PathParam("id") long id, @PathParam("date") String date) {
        technicians.deleteShift(id, QueryValues.date("date", date));
        return Response.noContent().build();
    }
}
