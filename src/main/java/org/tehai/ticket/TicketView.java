package org.tehai.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A ticket as the API shows it, with its customer and the state of its visits. */
public record TicketView(long id, String number, CustomerSummary customer, Long siteId, String address, Long assetId,
        Long regionId, Channel channel, TicketKind kind, String troubleCode, String description, Impact impact,
        Priority priority, Priority suggestedPriority, String priorityOverrideReason, TicketStatus status,
        Instant openedAt, Instant slaDueAt, Instant closedAt, String callerName, String callerPhone,
        IncidentSummary incident, List<RelatedTicket> related, int relatedNotShown, List<VisitSummary> visits,
        Closing closing, long version, String addressJapanese) {

    /**
     * The incident the ticket belongs to, with what to tell the caller and, for shared equipment, the one visit that
     * serves every caller (null for a declared outage, or before a dispatcher could arrange it).
     */
    public record IncidentSummary(long id, String kind, String status, String title, String statusText,
            String linkReason, Priority priority, SharedVisit visit, Texts japanese) {
    }

    /**
     * An incident's title, status text and why the ticket joined it, in Japanese: the sentences Tehai wrote itself
     * translated, what a person typed as it was written.
     */
    public record Texts(String title, String statusText, String linkReason) {
    }

    /** The incident's visit to the shared equipment: its state, planned start and quoted window (local time). */
    public record SharedVisit(long id, String status, OffsetDateTime plannedStart, OffsetDateTime quotedWindowStart,
            OffsetDateTime quotedWindowEnd) {

        /** The visit's times in its region's zone. */
        public static SharedVisit of(long id, String status, ZoneId zone, Instant plannedStart, Instant quotedStart,
                Instant quotedEnd) {
            return new SharedVisit(id, status, local(plannedStart, zone), local(quotedStart, zone),
                    local(quotedEnd, zone));
        }

        private static OffsetDateTime local(Instant instant, ZoneId zone) {
            return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
        }
    }

    /** How the ticket was closed (required for complaints). */
    public record Closing(CauseCategory causeCategory, String causeText, String preventionAction, String resolution) {
    }

    public record CustomerSummary(long id, String name, List<String> phones) {
    }

    public record VisitSummary(long id, String status, Instant plannedStart) {
    }

    public static TicketView of(Ticket t, RelatedTicket.Shown related, List<VisitSummary> visits,
            IncidentSummary incident) {
        var customer = new CustomerSummary(t.customer.id, t.customer.name,
                t.customer.phones.stream().map(p -> p.number).toList());
        Closing closing = t.causeCategory == null && t.resolution == null ? null
                : new Closing(t.causeCategory, t.causeText, t.preventionAction, t.resolution);
        return new TicketView(t.id, t.number, customer, t.site == null ? null : t.site.id,
                t.site == null ? null : t.site.addressLine(), t.asset == null ? null : t.asset.id,
                t.region == null ? null : t.region.id, t.channel, t.kind, t.troubleCode, t.description, t.impact,
                t.priority, t.suggestedPriority, t.priorityOverrideReason, t.status, t.openedAt, t.slaDueAt,
                t.closedAt, t.callerName, t.callerPhone, incident, related.tickets(), related.notShown(), visits, closing, t.version,
                t.site == null ? null : t.site.addressLineJapanese());
    }
}
