package org.tehai.arrival;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.tehai.arrival.ArrivalAnswers.Answer;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.Roles;

/** {@code GET /api/arrivals?phone=}: the same answer from the caller's number, for each of their open tickets. */
@Path("/api/arrivals")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class ArrivalLookupResource {

    @Inject
    ArrivalAnswers answers;

    @GET
    public List<Answer> byPhone(@QueryParam("phone") String phone) {
        if (phone == null || phone.isBlank()) {
            throw ApiProblem.invalid("phone", "Give the caller's phone number.");
        }
        return answers.forPhone(phone);
    }
}
