package org.tehai.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.PlanningProblemBuilder.RouteOwner;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A solved plan as rows: where each visit goes and the figures of each route. Built on the solver's thread from
 * its best solution (plain data only), written by {@link PlanStore}.
 */
public record PlanSnapshot(HardMediumSoftLongScore score, List<Assignment> assignments, List<DepotStop> depotStops,
        List<RouteFigures> routes) {

    /**
     * One visit in a plan; {@code technicianId} null when the plan leaves it unassigned. {@code position} counts
     * the customer visits of the route from 1; {@code stopIndex} counts every stop, depot stops included, from 0.
     * {@code breakBefore}: the plan's break is taken before setting off for this visit (or for a depot stop just
     * before it); a break taken while waiting at the customer's door is not.
     */
    public record Assignment(long visitId, Long technicianId, Long shiftId, Integer position, Integer stopIndex,
            Instant arrival, Instant plannedStart, Instant plannedEnd, Integer travelSeconds, boolean restockBefore,
            boolean breakBefore, boolean pinned) {

        public boolean assigned() {
            return technicianId != null;
        }
    }

    /** A depot stop on a route: {@code stopId} is the planning model's id of the stop. */
    public record DepotStop(String stopId, long shiftId, int stopIndex) {
    }

    /** One technician's day in a plan. */
    public record RouteFigures(long shiftId, long technicianId, int visitCount, int travelSeconds, int workingSeconds,
            int overtimeSeconds, Instant leavesAt, Instant returnsAt, boolean depotStop) {
    }

    public long assignedCount() {
        return assignments.stream().filter(Assignment::assigned).count();
    }

    public long unassignedCount() {
        return assignments.size() - assignedCount();
    }

    public static PlanSnapshot of(Problem problem, DispatchPlan plan) {
        List<Assignment> assignments = new ArrayList<>();
        List<DepotStop> depotStops = new ArrayList<>();
        List<RouteFigures> routes = new ArrayList<>();
        for (TechnicianRoute route : plan.getRoutes()) {
            RouteOwner owner = problem.routes().get(route.getId());
            int position = 0;
            long travel = route.getTravelTimeHome();
            boolean restock = false;
            boolean depotStop = false;
            boolean breakTaken = route.getBreakRule() == null;
            boolean breakBefore = false;
            long ready = route.getShiftStart();
            int stopIndex = -1;
            for (PlannedVisit visit : route.getVisits()) {
                stopIndex++;
                travel += visit.getTravelTimeFromPrevious();
                var stop = visit.getSchedule();
                if (!breakTaken && stop.breakTaken()) {
                    breakTaken = true;
                    // Taken before driving here, the break delays the arrival; taken in a wait at the door, it does not.
                    breakBefore = stop.arrivalTime() > ready + visit.getTravelTimeFromPrevious();
                }
                ready = stop.departureTime();
                if (!visit.isCustomer()) {
                    restock = true;
                    depotStop = true;
                    depotStops.add(new DepotStop(visit.getId(), owner.shiftId(), stopIndex));
                    continue;
                }
                position++;
                var schedule = visit.getSchedule();
                assignments.add(new Assignment(Problem.visitId(visit), owner.technicianId(), owner.shiftId(), position,
                        stopIndex, problem.instant(schedule.arrivalTime()), problem.instant(schedule.serviceStart()),
                        problem.instant(schedule.departureTime()), (int) visit.getTravelTimeFromPrevious(), restock,
                        breakBefore, visit.getPinnedRouteId() != null));
                restock = false;
                breakBefore = false;
            }
            routes.add(new RouteFigures(owner.shiftId(), owner.technicianId(), position, (int) travel,
                    (int) route.getWorkingTime(), (int) route.getOvertime(),
                    route.isEmpty() ? null : problem.instant(route.getLeaveHomeTime()),
                    route.isEmpty() ? null : problem.instant(route.getEndTime()), depotStop));
        }
        for (PlannedVisit visit : plan.getUnassignedCustomerVisits()) {
            assignments.add(new Assignment(Problem.visitId(visit), null, null, null, null, null, null, null, null, false,
                    false, visit.getPinnedRouteId() != null));
        }
        return new PlanSnapshot(plan.getScore(), List.copyOf(assignments), List.copyOf(depotStops), List.copyOf(routes));
    }
}
