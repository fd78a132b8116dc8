package org.tehai.ticket;

import java.time.Instant;

/** An open ticket that may share a cause with another, and why the desk thinks so. */
public record RelatedTicket(long ticketId, String number, String troubleCode, TicketStatus status, Instant openedAt,
        Reason reason, String detail, Long sharedAssetId) {

    /** Why a ticket is listed, most telling first: the agent sees them in this order. */
    public enum Reason {
        /** Same trouble category, from another address, on equipment hanging off the same shared parent (a booster). */
        SHARED_EQUIPMENT,
        /** Same trouble category from the same address or equipment: the same flat calling again, not a second flat. */
        REPEAT_CONTACT,
        /** Same trouble category in the same building, without known shared equipment. */
        SAME_BUILDING,
        /** Same trouble category, reported close by. */
        SAME_CATEGORY_NEARBY,
        /** Another kind of trouble in the same building or at the same address: not the same fault; capped. */
        OTHER_TROUBLE_SAME_BUILDING
    }
}
