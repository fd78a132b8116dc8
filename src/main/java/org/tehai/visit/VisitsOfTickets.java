package org.tehai.visit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketClosed;
import org.tehai.ticket.TicketView.VisitSummary;
import org.tehai.ticket.TicketVisits;

import io.quarkus.panache.common.Sort;

/** The visits of tickets: what a ticket shows of them, and what becomes of them when the ticket closes. */
@ApplicationScoped
public class VisitsOfTickets implements TicketVisits {

    @Override
    public Map<Long, List<VisitSummary>> of(List<Ticket> tickets) {
        Map<Long, List<VisitSummary>> visits = new HashMap<>();
        if (!tickets.isEmpty()) {
            for (Visit visit : Visit.<Visit>list("ticket in ?1", Sort.by("id"), tickets)) {
                visits.computeIfAbsent(visit.ticket.id, id -> new ArrayList<>())
                        .add(new VisitSummary(visit.id, visit.status.name(), visit.plannedStart));
            }
        }
        return visits;
    }

    /** A closed ticket needs no technician: its visits that nobody has started are cancelled. */
    void onTicketClosed(@Observes TicketClosed closed) {
        Visits.cancelOpenVisitsOf(closed.ticket(), closed.reason());
    }
}
