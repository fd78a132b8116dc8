package org.tehai.ticket;

import java.util.List;

import org.tehai.ticket.TicketView.IncidentSummary;

/**
 * What tickets need to know about the incidents above them: answered by the incident package, which links tickets
 * into incidents.
 */
public interface TicketIncidents {

    /** The incident the ticket belongs to as agents see it (with its visit to shared equipment), or null. */
    IncidentSummary summaryOf(Ticket ticket);

    /** The ticket's incident while it is open, or null: it covers the ticket's trouble. */
    IncidentSummary openIncidentOf(Ticket ticket);

    /** The open tickets that may share the ticket's cause, most telling first. */
    List<RelatedTicket> relatedTo(Ticket ticket);
}
