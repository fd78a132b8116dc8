package org.tehai.incident;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.ticket.RelatedTicket;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketIncidents;
import org.tehai.ticket.TicketView.IncidentSummary;
import org.tehai.ticket.TicketView.SharedVisit;
import org.tehai.ticket.TicketView.Texts;
import org.tehai.visit.Visit;

/** Answers what a ticket shows of its incident and of the tickets that may share its cause. */
@ApplicationScoped
public class TicketIncidentAnswers implements TicketIncidents {

    @Inject
    RelatedTickets relatedTickets;

    @Override
    public IncidentSummary summaryOf(Ticket ticket) {
        return summary(ticket, IncidentLinking.incidentOf(ticket));
    }

    @Override
    public IncidentSummary openIncidentOf(Ticket ticket) {
        return summary(ticket, IncidentLinking.openIncidentOf(ticket));
    }

    @Override
    public List<RelatedTicket> relatedTo(Ticket ticket) {
        return relatedTickets.of(ticket);
    }

    private static IncidentSummary summary(Ticket ticket, Incident incident) {
        if (incident == null) {
            return null;
        }
        Visit shared = IncidentVisits.sharedVisitOf(incident);
        return new IncidentSummary(incident.id, incident.kind.name(), incident.status.name(), incident.title,
                incident.statusText, ticket.incidentLinkReason, incident.priority, shared == null ? null
                        : SharedVisit.of(shared.id, shared.status.name(), shared.region.zone(), shared.plannedStart,
                                shared.quotedWindowStart, shared.quotedWindowEnd),
                new Texts(IncidentTexts.in(incident.title, Locale.JAPANESE),
                        IncidentTexts.in(incident.statusText, Locale.JAPANESE),
                        IncidentTexts.in(ticket.incidentLinkReason, Locale.JAPANESE)));
    }
}
