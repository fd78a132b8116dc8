package org.tehai.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;

/**
 * What the world tells a running solve, as Timefold problem changes: the solver applies them on its own thread
 * between moves, to its working plan, and carries on from there. Nothing else ever touches a plan being solved.
 */
public final class PlanChanges {

    private PlanChanges() {
    }

    /** A new visit to place, e.g. an urgent ticket opened during the day. */
    public static ProblemChange<DispatchPlan> addVisit(PlannedVisit visit) {
        Objects.requireNonNull(visit, "visit");
        return (plan, director) -> director.addEntity(visit, plan::addVisit);
    }

    /** A visit that no longer needs planning (cancelled, or merged into an incident). Unknown ids are ignored. */
    public static ProblemChange<DispatchPlan> removeVisit(String visitId) {
        Objects.requireNonNull(visitId, "visitId");
        return (plan, director) -> {
            PlannedVisit working = plan.visitOf(visitId);
            if (working != null) {
                unassign(plan, working, director);
                director.removeEntity(working, v -> plan.getVisits().remove(v));
            }
        };
    }

    /**
     * A visit whose request changed (duration, windows, priority, pin): the new version takes the old one's place
     * in its route, so the solver starts from where it was.
     */
    public static ProblemChange<DispatchPlan> replaceVisit(PlannedVisit changed) {
        Objects.requireNonNull(changed, "changed");
        return (plan, director) -> {
            PlannedVisit working = plan.visitOf(changed.getId());
            TechnicianRoute route = working == null ? null : working.getRoute();
            int index = route == null ? -1 : route.getVisits().indexOf(working);
            boolean keepPlace = route != null && index >= route.getPinnedVisitCount()
                    && (changed.getPinnedRouteId() == null || changed.getPinnedRouteId().equals(route.getId()));
            if (working != null) {
                unassign(plan, working, director);
                director.removeEntity(working, v -> plan.getVisits().remove(v));
            }
            director.addEntity(changed, plan::addVisit);
            if (keepPlace) {
                PlannedVisit added = director.lookUpWorkingObjectOrFail(changed);
                int at = Math.min(index, route.getVisits().size());
                relist(plan, route, director, visits -> visits.add(at, added));
            }
        };
    }

    /**
     * The technician of a route stops at {@code shiftEnd} (seconds since the plan's epoch), e.g. goes home sick;
     * work not yet started on that route is free to go to others.
     */
    public static ProblemChange<DispatchPlan> endShift(String routeId, long shiftEnd) {
        Objects.requireNonNull(routeId, "routeId");
        return (plan, director) -> {
            TechnicianRoute route = plan.routeOf(routeId);
            director.changeProblemProperty(route, r -> r.setShiftEnd(Math.max(r.getShiftStart(), shiftEnd)));
            for (PlannedVisit visit : plan.getVisits()) {
                if (routeId.equals(visit.getPinnedRouteId()) && !visit.inPinnedHead()) {
                    director.changeProblemProperty(visit, PlannedVisit::unpin);
                }
            }
        };
    }

    private static void unassign(DispatchPlan plan, PlannedVisit working, ProblemChangeDirector director) {
        TechnicianRoute route = working.getRoute();
        if (route == null) {
            return;
        }
        boolean inPinnedHead = working.inPinnedHead();
        relist(plan, route, director, visits -> {
            visits.remove(working);
            if (inPinnedHead) {
                route.releasePinnedVisit();
            }
        });
    }

    /**
     * Changes a route's list of visits. The problem change director of Timefold 1.32 has no list-variable event, so
     * the route leaves the plan and comes back with its new list: the solver unassigns and reassigns its visits
     * and re-times them, as for any entity added or removed.
     */
    private static void relist(DispatchPlan plan, TechnicianRoute route, ProblemChangeDirector director,
            java.util.function.Consumer<List<PlannedVisit>> edit) {
        List<PlannedVisit> visits = new ArrayList<>(route.getVisits());
        director.removeEntity(route, r -> plan.getRoutes().remove(r));
        edit.accept(visits);
        route.setVisits(visits);
        director.addEntity(route, r -> plan.getRoutes().add(r));
    }
}
