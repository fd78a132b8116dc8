package org.tehai.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket as the API shows it, with its customer and the state of its visits. */
public record TicketView(long id, String number, CustomerSummary customer, Long siteId, String address, Long assetId,
        Long regionId, Channel channel, TicketKind kind, String troubleCode, String description, Priority priority,
        TicketStatus status, Instant openedAt, Instant slaDueAt, Instant closedAt, String callerName,
        String callerPhone, List<VisitSummary> visits, long version) {

    public record CustomerSummary(long id, String name, List<String> phones) {
    }

    public record VisitSummary(long id, String status, Instant plannedStart) {
    }

    public static TicketView of(Ticket t, List<VisitSummary> visits) {
        var customer = new CustomerSummary(t.customer.id, t.customer.name,
                t.customer.phones.stream().map(p -> p.number).toList());
        return new TicketView(t.id, t.number, customer, t.site == null ? null : t.site.id,
                t.site == null ? null : t.site.addressLine(), t.asset == null ? null : t.asset.id,
                t.region == null ? null : t.region.id, t.channel, t.kind, t.troubleCode, t.description, t.priority,
                t.status, t.openedAt, t.slaDueAt, t.closedAt, t.callerName, t.callerPhone, visits, t.version);
    }
}
