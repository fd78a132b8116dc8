package org.tehai.arrival;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.platform.Records;
import org.tehai.platform.security.Roles;
import org.tehai.visit.Visit;

/** {@code GET /api/visits/{id}/quotes}: every window told to the visit's customer, oldest first, with why. */
@Path("/api/visits/{id}/quotes")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class VisitQuotesResource {

    /** One window told: when, by which plan (none for a desk re-quote, a booking or a narrowing), and why. */
    public record QuoteView(OffsetDateTime windowStart, OffsetDateTime windowEnd, OffsetDateTime quotedAt, Long planId,
            String reason) {

        static QuoteView of(ArrivalQuote quote, ZoneId zone) {
            return new QuoteView(quote.windowStart.atZone(zone).toOffsetDateTime(),
                    quote.windowEnd.atZone(zone).toOffsetDateTime(), quote.quotedAt.atZone(zone).toOffsetDateTime(),
                    quote.planId, quote.reason);
        }
    }

    @GET
    @Transactional
    public List<QuoteView> quotes(@PathParam("id") long id) {
        Visit visit = Records.require(Visit.class, id, "visit");
        ZoneId zone = visit.region.zone();
        return ArrivalQuote.history(visit).stream().map(q -> QuoteView.of(q, zone)).toList();
    }
}
