package org.tehai.ticket;

/**
 * An open ticket's site, equipment or trouble code was corrected after intake, inside the update's transaction: its
 * links to incidents are evaluated again.
 */
public record TicketCorrected(Ticket ticket) {
}
