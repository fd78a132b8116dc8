package org.tehai.planning;

public enum VisitKind {
    /** Work at a customer's site for a ticket. */
    CUSTOMER,
    /** Optional restock at a depot: after it the technician has every tool and part for the rest of the route. */
    DEPOT_STOP
}
