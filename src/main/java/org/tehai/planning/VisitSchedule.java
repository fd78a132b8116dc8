package org.tehai.planning;

/**
 * Where a visit sits in its route's timeline, computed from the previous visit (or the shift start).
 * Times are model seconds since the planning epoch.
 *
 * <p>The break is placed by a fixed rule so that the solver never has to plan it: it is taken during the
 * waiting time at a visit when the whole break fits there, otherwise just before driving to the first visit
 * that could not be finished before the latest break start. Once taken it is carried along the route with
 * its lateness (seconds it started after its latest start; zero when on time).
 *
 * <p>{@code cumulativeWait} and {@code startDelayBudget} let the route compute how late the technician can
 * leave home without changing anything after the first visit (see {@link TechnicianRoute#getLeaveHomeTime()}):
 * delaying the departure by d seconds shifts visit k by max(0, d - waits up to k), which must stay inside
 * the window of visit k. After the break the budget is frozen, so the break never moves.
 *
 * @param windowMiss seconds the service start lies after the end of the last availability window (0 when it
 *        starts inside one)
 */
public record VisitSchedule(long arrivalTime, long serviceStart, long departureTime, long windowMiss,
        boolean breakTaken, long breakLateness, long cumulativeWait, long startDelayBudget, boolean budgetFrozen) {

    /**
     * The schedule of the first visit of a route: the technician leaves home at the shift start and drives
     * {@code travel} seconds.
     *
     * @param breakRule null when the shift has no break
     */
    static VisitSchedule firstOfRoute(PlannedVisit visit, long shiftStart, long travel, BreakRule breakRule) {
        return of(visit, shiftStart, travel, breakRule, breakRule == null, 0, 0, Long.MAX_VALUE, false);
    }

    /** The schedule of {@code visit} when it comes right after this one, {@code travel} seconds away. */
    VisitSchedule next(PlannedVisit visit, long travel, BreakRule breakRule) {
        return of(visit, departureTime, travel, breakRule, breakTaken, breakLateness, cumulativeWait,
                startDelayBudget, budgetFrozen);
    }

    private static VisitSchedule of(PlannedVisit visit, long ready, long travel, BreakRule breakRule,
            boolean breakTakenBefore, long breakLatenessBefore, long waitBefore, long budgetBefore,
            boolean frozenBefore) {
        boolean breakTaken = breakTakenBefore;
        long breakLateness = breakLatenessBefore;
        long budget = budgetBefore;
        boolean frozen = frozenBefore;
        long arrival = ready + travel;
        long start = visit.serviceStartFor(arrival);
        if (!breakTaken) {
            long breakStart = Math.max(arrival, breakRule.earliestStart());
            if (breakStart + breakRule.length() <= start && breakStart <= breakRule.latestStart()) {
                // The whole break fits into the wait at the door: it costs nothing.
                breakTaken = true;
            } else if (start + visit.getServiceDuration() > breakRule.latestStart()) {
                // After this visit it would be too late to begin the break: take it before driving here.
                breakStart = Math.max(ready, breakRule.earliestStart());
                breakLateness = Math.max(0, breakStart - breakRule.latestStart());
                breakTaken = true;
                arrival = breakStart + breakRule.length() + travel;
                start = visit.serviceStartFor(arrival);
            }
            if (breakTaken) {
                budget = Math.min(budget, waitBefore);
                frozen = true;
            }
        }
        long cumulativeWait = waitBefore + (start - arrival);
        if (!frozen) {
            budget = Math.min(budget, cumulativeWait + (visit.windowEndFor(start) - start));
        }
        return new VisitSchedule(arrival, start, start + visit.getServiceDuration(), visit.windowMissFor(start),
                breakTaken, breakLateness, cumulativeWait, budget, frozen);
    }
}
