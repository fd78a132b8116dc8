package org.tehai.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An open ticket that may share a cause with another, and why the desk thinks so. */
public record RelatedTicket(long ticketId, String number, String troubleCode, TicketStatus status, Instant openedAt,
        Reason reason, String detail, Long sharedAssetId, String detailJapanese) {

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

    /** At most this many tickets about other trouble in the same building are shown to the agent. */
    public static final int MAX_OTHER_TROUBLE_SHOWN = 3;

    /** What the agent is shown: the related tickets in order of relevance, and how many were left out. */
    public record Shown(List<RelatedTicket> tickets, int notShown) {

        public static final Shown NONE = new Shown(List.of(), 0);
    }

    /** The related tickets as the agent sees them: other trouble in the same building capped, so it does not bury the rest. */
    public static Shown forAgent(List<RelatedTicket> related) {
        List<RelatedTicket> shown = new ArrayList<>();
        int otherTrouble = 0;
        for (RelatedTicket r : related) {
            if (r.reason() == Reason.OTHER_TROUBLE_SAME_BUILDING && ++otherTrouble > MAX_OTHER_TROUBLE_SHOWN) {
                continue;
            }
            shown.add(r);
        }
        return new Shown(shown, related.size() - shown.size());
    }
}
