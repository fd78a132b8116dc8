package org.tehai.visit;

/** The life of an on-site visit, from waiting for planning to done. */
public enum VisitStatus {
    UNPLANNED, PLANNED, DISPATCHED, EN_ROUTE, ON_SITE, DONE, INCOMPLETE, CANCELLED;

    /** Work has begun or ended: planning must leave the visit where it is. */
    public boolean isFixed() {
        return this == EN_ROUTE || this == ON_SITE || this == DONE || this == INCOMPLETE || this == CANCELLED;
    }
}
