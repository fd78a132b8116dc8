package org.tehai.ticket;

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
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/** Tickets: open with a name and a phone number, list by status, region and priority, edit as facts arrive. */
@Path("/api/tickets")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class TicketResource {

    @Inject
    TicketService tickets;

    @GET
    public Page<TicketView> search(@QueryParam("status") String status, @QueryParam("regionId") Long regionId,
            @QueryParam("priority") String priority, @QueryParam("customerId") Long customerId,
            @Valid @BeanParam PageRequest paging) {
        return tickets.search(QueryValues.enumValue(TicketStatus.class, "status", status), regionId,
                QueryValues.enumValue(Priority.class, "priority", priority), customerId, paging);
    }

    @GET
    @Path("/{id}")
    public TicketView get(@PathParam("id") long id) {
        return tickets.view(tickets.get(id));
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response open(@Valid @NotNull TicketRequest request) {
        TicketView opened = tickets.open(request);
        return Response.created(URI.create("/api/tickets/" + opened.id())).entity(opened).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public TicketView update(@PathParam("id") long id, @Valid @NotNull TicketUpdateRequest request) {
        return tickets.update(id, request);
    }
}
