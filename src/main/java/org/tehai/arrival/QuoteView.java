package org.tehai.arrival;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.tehai.visit.Visit;

/** One window told: when, by which plan (none for a desk re-quote, a booking or a narrowing), and why. */
public record QuoteView(OffsetDateTime windowStart, OffsetDateTime windowEnd, OffsetDateTime quotedAt, Long planId,
        String reason) {

    public static QuoteView of(ArrivalQuote quote, ZoneId zone) {
        return new QuoteView(quote.windowStart.atZone(zone).toOffsetDateTime(),
                quote.windowEnd.atZone(zone).toOffsetDateTime(), quote.quotedAt.atZone(zone).toOffsetDateTime(),
                quote.planId, quote.reason);
    }

    /** Every window told to the visit's customer, oldest first, in the visit's local time. */
    public static List<QuoteView> historyOf(Visit visit) {
        ZoneId zone = visit.region.zone();
        return ArrivalQuote.history(visit).stream().map(q -> of(q, zone)).toList();
    }
}
