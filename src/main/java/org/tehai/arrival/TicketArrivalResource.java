package org.tehai.arrival;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.arrival.ArrivalAnswers.Answer;
import org.tehai.platform.security.Roles;

/** {@code GET /api/tickets/{id}/arrival}: "where is the technician?" for one ticket; logged as an arrival inquiry. */
@Path("/api/tickets/{id}/arrival")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class TicketArrivalResource {

    @Inject
    ArrivalAnswers answers;

    @GET
    public Answer get(@PathParam("id") long id) {
        return answers.forTicket(id);
    }
}
