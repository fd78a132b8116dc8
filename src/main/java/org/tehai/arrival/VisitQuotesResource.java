package org.tehai.arrival;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.platform.security.Roles;

/** {@code GET /api/visits/{id}/quotes}: every window told to the visit's customer, oldest first, with why. */
@Path("/api/visits/{id}/quotes")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class VisitQuotesResource {

    @Inject
    ArrivalAnswers answers;

    @GET
    public List<QuoteView> quotes(@PathParam("id") long id) {
        return answers.quotes(id);
    }
}
