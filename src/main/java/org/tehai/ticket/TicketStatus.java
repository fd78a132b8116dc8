package org.tehai.ticket;

/** Where a ticket is in its life. OPEN and IN_PROGRESS are "open" for the desk. */
public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
