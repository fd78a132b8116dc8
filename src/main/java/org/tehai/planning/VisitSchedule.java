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
}
