package org.tehai.ticket;

import java.time.Instant;

/** An open ticket that may share a cause with another, and why the desk thinks so. */
public record RelatedTicket(long ticketId, String number, String troubleCode, TicketStatus status, Instant openedAt,
        Reason reason, String detail, Long sharedAssetId) {

    public enum Reason {
        /** Both hang off the same piece of shared equipment (e.g. one building booster). */
        SHARED_EQUIPMENT,
        /** Both are in the same building. */
        SAME_BUILDING,
        /** Same kind of trouble, reported close by. */
        SAME_CATEGORY_NEARBY
    }
}
