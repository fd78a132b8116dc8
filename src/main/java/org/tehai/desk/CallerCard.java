package org.tehai.desk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.tehai.contact.ContactResource.ContactView;
import org.tehai.customer.CustomerView;
import org.tehai.site.SiteView;
import org.tehai.ticket.Priority;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.VisitStatus;

/**
 * Everything an agent needs on screen when a customer calls: who they are, where, their open tickets (with any
 * incident and what to tell them), the last contacts, and the visits still to come.
 */
public record CallerCard(CustomerView customer, MatchedBy matchedBy, List<SiteView> sites, List<OpenTicket> openTickets,
        List<ContactView> lastContacts, List<UpcomingVisit> upcomingVisits) {

    public enum MatchedBy {
        PHONE, TICKET_NUMBER, NAME, ADDRESS
    }

    public record OpenTicket(long id, String number, String troubleCode, Priority priority, TicketStatus status,
            Instant openedAt, Instant slaDueAt, Long incidentId, String incidentStatusText) {
    }

    /** A visit still to come; {@code reference} is the ticket number, or the incident ("INC-12"). */
    public record UpcomingVisit(long id, String reference, VisitStatus status, OffsetDateTime plannedStart,
            OffsetDateTime quotedWindowStart, OffsetDateTime quotedWindowEnd, OffsetDateTime firstAvailableFrom) {
    }
}
