package org.tehai.dispatch;

import java.util.List;

/**
 * Where a plan is in its life. Proposals: QUEUED (waiting for a solver), SOLVING, DONE (terminated by its
 * limits), STOPPED (stopped by a dispatcher, best so far kept), FAILED, ACCEPTED (published), DISCARDED (replaced
 * by a newer proposal). Published plans: CURRENT, then SUPERSEDED by the next publication.
 */
public enum PlanStatus {
    QUEUED, SOLVING, DONE, STOPPED, FAILED, ACCEPTED, DISCARDED, CURRENT, SUPERSEDED;

    /** The proposal of a region-day that is still in play (at most one). */
    public static final List<PlanStatus> OPEN_PROPOSAL = List.of(QUEUED, SOLVING, DONE, STOPPED);

    public boolean isSolving() {
        return this == QUEUED || this == SOLVING;
    }
}
