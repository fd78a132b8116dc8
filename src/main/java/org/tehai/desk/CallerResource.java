package org.tehai.desk;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.tehai.platform.security.Roles;

/**
 * "Who is calling?": {@code GET /api/callers?q=} with a phone number in any format, a ticket number, a name or an
 * address fragment; each match comes with open tickets, last contacts and upcoming visits.
 */
@Path("/api/callers")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class CallerResource {

    @Inject
    CallerLookup lookup;

    @GET
    public List<CallerCard> find(@QueryParam("q") String q) {
        return lookup.find(q);
    }
}
