package org.tehai.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket as the API shows it, with its customer and the state of its visits. */
public record TicketView(long id, String number, CustomerSummary customer, Long siteId, String address, Long assetId,
        Long regionId, Channel channel, TicketKind kind, String troubleCode, String description, Impact impact,
        Priority priority, Priority suggestedPriority, String priorityOverrideReason, TicketStatus status,
        Instant openedAt, Instant slaDueAt, Instant closedAt, String callerName, String callerPhone,
        IncidentSummary incident, List<RelatedTicket> related, List<VisitSummary> visits, Closing closing,
        long version) {

    /** The incident the ticket belongs to, with what to tell the caller. */
    public record IncidentSummary(long id, String kind, String status, String title, String statusText,
            String linkReason) {
    }

    /** How the ticket was closed (required for complaints). */
    public record Closing(CauseCategory causeCategory, String causeText, String preventionAction, String resolution) {
    }

    public record CustomerSummary(long id, String name, List<String> phones) {
    }

    public record VisitSummary(long id, String status, Instant plannedStart) {
    }

    public static TicketView of(Ticket t, List<RelatedTicket> related, List<VisitSummary> visits) {
        var customer = new CustomerSummary(t.customer.id, t.customer.name,
                t.customer.phones.stream().map(p -> p.number).toList());
        IncidentSummary incident = t.incident == null ? null
                : new IncidentSummary(t.incident.id, t.incident.kind.name(), t.incident.status.name(),
                        t.incident.title, t.incident.statusText, t.incidentLinkReason);
        Closing closing = t.causeCategory == null && t.resolution == null ? null
                : new Closing(t.causeCategory, t.causeText, t.preventionAction, t.resolution);
        return new TicketView(t.id, t.number, customer, t.site == null ? null : t.site.id,
                t.site == null ? null : t.site.addressLine(), t.asset == null ? null : t.asset.id,
                t.region == null ? null : t.region.id, t.channel, t.kind, t.troubleCode, t.description, t.impact,
                t.priority, t.suggestedPriority, t.priorityOverrideReason, t.status, t.openedAt, t.slaDueAt,
                t.closedAt, t.callerName, t.callerPhone, incident, related, visits, closing, t.version);
    }
}
