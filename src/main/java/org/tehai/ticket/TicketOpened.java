package org.tehai.ticket;

import java.util.List;
import java.util.Objects;

/**
 * A ticket was just opened. Fired inside the intake transaction: the intake contact is logged and the ticket is
 * linked into incidents before the intake answers, and whatever an observer refuses rolls the intake back. The
 * linking observer leaves the related open tickets here, so the answer shows what linking saw.
 */
public final class TicketOpened {

    private final Ticket ticket;
    private List<RelatedTicket> related = List.of();

    public TicketOpened(Ticket ticket) {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
    }

    public Ticket ticket() {
        return ticket;
    }

    public List<RelatedTicket> related() {
        return related;
    }

    public void related(List<RelatedTicket> found) {
        this.related = List.copyOf(found);
    }
}
