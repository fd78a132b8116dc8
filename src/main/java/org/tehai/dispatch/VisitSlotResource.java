package org.tehai.dispatch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/**
 * {@code GET /api/visits/{id}/slot-options?count=5&from=2026-11-24&days=3&anyTime=false}: the best windows the desk
 * can offer the caller for a visit not yet dispatched, best first (see {@link SlotSearch}). Booking one is
 * {@code POST /api/visits/{id}/booking} ({@link VisitBookingResource}); each path has its own root resource so that
 * neither shadows {@code /api/visits/{id}}.
 */
@Path("/api/visits/{id}/slot-options")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
public class VisitSlotResource {

    @Inject
    SlotSearch search;

    @GET
    public SlotOptions options(@PathParam("id") long id, @QueryParam("count") String count,
            @QueryParam("from") String from, @QueryParam("days") String days, @QueryParam("anyTime") String anyTime) {
        int wanted = QueryValues.wholeNumber("count", count, SlotSearch.DEFAULT_COUNT, 1, SlotSearch.MAX_COUNT);
        int dayCount = QueryValues.wholeNumber("days", days, SlotSearch.DEFAULT_DAYS, 1, SlotSearch.MAX_DAYS);
        return search.options(id, QueryValues.date("from", from), dayCount, wanted,
                QueryValues.bool("anyTime", anyTime, false));
    }
}
