package org.tehai.ticket;

/** A ticket was resolved, closed or cancelled, inside the update's transaction: its visits not yet started go. */
public record TicketClosed(Ticket ticket, String reason) {
}
