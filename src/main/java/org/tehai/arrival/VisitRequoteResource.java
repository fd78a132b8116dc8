package org.tehai.arrival;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.security.Roles;
import org.tehai.visit.VisitView;

/** {@code POST /api/visits/{id}/requote}: a new window around the live estimate, with the reason kept. */
@Path("/api/visits/{id}/requote")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
public class VisitRequoteResource {

    @Inject
    ArrivalAnswers answers;

    public record RequoteRequest(@Size(max = TextLimits.REASON) String reason) {
    }

    @POST
    public VisitView requote(@PathParam("id") long id, @Valid RequoteRequest request) {
        return answers.requote(id, request == null ? null : request.reason());
    }
}
