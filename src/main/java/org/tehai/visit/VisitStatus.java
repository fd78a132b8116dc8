package org.tehai.visit;

import java.util.List;

/**
 * The life of an on-site visit, from waiting for planning to done. The stages run in one direction: waiting
 * (unplanned, planned, dispatched), on the way, on site, ended (done or incomplete); a cancelled visit is past all.
 */
public enum VisitStatus {
    UNPLANNED(0), PLANNED(0), DISPATCHED(0), EN_ROUTE(1), ON_SITE(2), DONE(3), INCOMPLETE(3), CANCELLED(4);

    /** A visit on a technician's published route of the day, done or not. */
    public static final List<VisitStatus> ON_ROUTE = List.of(DISPATCHED, EN_ROUTE, ON_SITE, DONE, INCOMPLETE);

    /** Waiting for a technician to set off: planning may still move it, and it may be cancelled or replaced. */
    public static final List<VisitStatus> NOT_STARTED = List.of(UNPLANNED, PLANNED, DISPATCHED);

    /** Not ended: waiting, on the way or on site. */
    public static final List<VisitStatus> ACTIVE = List.of(UNPLANNED, PLANNED, DISPATCHED, EN_ROUTE, ON_SITE);

    private final int stage;

    VisitStatus(int stage) {
        this.stage = stage;
    }

    /** True if this status lies later in a visit's life than {@code other} (the waiting statuses are one stage). */
    public boolean isAfter(VisitStatus other) {
        return stage > other.stage;
    }

    /** Work has begun or ended: planning must leave the visit where it is. */
    public boolean isFixed() {
        return stage > 0;
    }
}
