package org.tehai.ticket;

/** A fault report, or a complaint about our service (closed only with a cause and a prevention action). */
public enum TicketKind {
    FAULT, COMPLAINT
}
