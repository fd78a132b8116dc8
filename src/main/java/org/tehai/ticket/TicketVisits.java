package org.tehai.ticket;

import java.util.List;
import java.util.Map;

import org.tehai.ticket.TicketView.VisitSummary;

/** The visits of tickets, as a ticket shows them: answered by the visit package, which owns visits. */
public interface TicketVisits {

    /** Each ticket's own visits in the order they were made, by ticket id; tickets without visits are left out. */
    Map<Long, List<VisitSummary>> of(List<Ticket> tickets);
}
