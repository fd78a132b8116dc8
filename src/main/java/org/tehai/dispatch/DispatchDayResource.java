package org.tehai.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;
import org.tehai.region.Region;

/**
 * {@code GET /api/regions/{region}/days?from=&to=}: per local date, technicians on shift and visits open, planned,
 * dispatched and finished. {@code region} is the id or the code; without dates, today and the next 6 days.
 */
@Path("/api/regions/{region}/days")
@RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class DispatchDayResource {

    @Inject
    DispatchDays days;

    @Inject
    Clock clock;

    @GET
    public List<DayOverview> list(@PathParam("region") String region, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Region found = DispatchWorkflow.region(region);
        LocalDate first = from == null ? LocalDate.now(clock.withZone(found.zone())) : QueryValues.date("from", from);
        LocalDate last = to == null ? first.plusDays(6) : QueryValues.date("to", to);
        return days.overview(found, first, last);
    }
}
