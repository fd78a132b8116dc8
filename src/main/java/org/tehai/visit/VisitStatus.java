package org.tehai.visit;

/** The life of an on-site visit, from waiting for planning to done. */
public enum VisitStatus {
    UNPLANNED, PLANNED, DISPATCHED, EN_ROUTE, ON_SITE, DONE, INCOMPLETE, CANCELLED;

    /** A visit on a technician's published route of the day, done or not. */
    public static final java.util.List<VisitStatus> ON_ROUTE = java.util.List.of(DISPATCHED, EN_ROUTE, ON_SITE, DONE,
            INCOMPLETE);

    /** Work has begun or ended: planning must leave the visit where it is. */
    public boolean isFixed() {
        return this == EN_ROUTE || this == ON_SITE || this == DONE || this == INCOMPLETE || this == CANCELLED;
    }
}
