package org.tehai.planning;

/**
 * A ticket's priority as the solver weighs it: the same P1..P4 as {@link org.tehai.ticket.Priority}, plus what
 * leaving a visit unplanned or late costs. It carries the package's name so that code which builds a plan from a
 * ticket never meets two types called {@code Priority}.
 * <p>
 * The weights are powers of 10,000 apart: an unserved P1 costs more than 9,999 unserved P2s,
 * and a dispatch plan (one region, one day) never holds that many visits, so no number of lower-priority
 * visits can ever buy dropping a higher one. The largest product (10^12 × 10^4 visits) stays far below
 * {@code Long.MAX_VALUE}.
 */
public enum PlanningPriority {
    P1(1_000_000_000_000L, 8),
    P2(100_000_000L, 4),
    P3(10_000L, 2),
    P4(1L, 1);

    private final long unassignedWeight;
    private final long lateWeight;

    PlanningPriority(long unassignedWeight, long lateWeight) {
        this.unassignedWeight = unassignedWeight;
        this.lateWeight = lateWeight;
    }

    /** Medium penalty for leaving one visit of this priority unplanned. */
    public long unassignedWeight() {
        return unassignedWeight;
    }

    /** Multiplier of each second of SLA lateness. */
    public long lateWeight() {
        return lateWeight;
    }
}
