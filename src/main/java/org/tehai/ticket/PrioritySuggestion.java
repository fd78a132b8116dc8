package org.tehai.ticket;

import org.tehai.customer.Contract;

/**
 * The priority the desk suggests for a new ticket: the trouble code's usual priority, moved by what the customer
 * cannot do and by their contract. The agent may choose another one, with a reason.
 */
public final class PrioritySuggestion {

    private PrioritySuggestion() {
    }

    public static Priority suggest(Priority base, Impact impact, Contract contract) {
        if (impact == Impact.SAFETY_RISK) {
            return Priority.P1;
        }
        int level = base.ordinal();
        if (impact == Impact.NO_SERVICE) {
            level--;
        } else if (impact == Impact.INCONVENIENCE) {
            level++;
        }
        if (contract == Contract.PREMIUM || contract == Contract.BUSINESS) {
            level--;
        }
        return Priority.values()[Math.max(0, Math.min(Priority.values().length - 1, level))];
    }

    /** One level more urgent, at most P1. */
    public static Priority raise(Priority priority) {
        return Priority.values()[Math.max(0, priority.ordinal() - 1)];
    }
}
