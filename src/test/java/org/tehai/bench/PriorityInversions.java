package org.tehai.bench;

import java.util.ArrayList;
import java.util.List;

import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TravelTimeMatrix;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * Priority inversions of a plan, found independently of the solver's moves: an unassigned P1 or P2 visit V and an
 * assigned, movable visit W of lower priority on technician T's route such that T's route without W and with V
 * inserted somewhere after the pinned head breaks no hard constraint.
 *
 * <p>Each trial is a one-route plan built from copies of T's visits (the pinned head pinned again) and scored by the
 * production constraints through a {@link SolutionManager}; every hard constraint concerns one visit or one route,
 * so one route scored alone breaks exactly the hard constraints it breaks in the whole plan. Travel times are the
 * plan's own matrix.
 */
public final class PriorityInversions {

    /** One inversion: the waiting visit, the technician's route and the less urgent visit it could replace. */
    public record Inversion(String waiting, PlanningPriority waitingPriority, String route, String replaced,
            PlanningPriority replacedPriority) {
    }

    private final SolutionManager<DispatchPlan, HardMediumSoftLongScore> scoring;

    public PriorityInversions(SolverConfig config) {
        this.scoring = SolutionManager.create(SolverFactory.create(config));
    }

    /** Every (waiting, route) pair with at least one less urgent visit it could replace; one inversion per pair. */
    public List<Inversion> find(DispatchPlan plan) {
        List<Inversion> found = new ArrayList<>();
        for (PlannedVisit waiting : plan.getUnassignedCustomerVisits()) {
            if (waiting.getPriority().compareTo(PlanningPriority.P2) > 0) {
                continue;
            }
            for (TechnicianRoute route : plan.getRoutes()) {
                List<PlannedVisit> visits = route.getVisits();
                for (int i = route.getPinnedVisitCount(); i < visits.size(); i++) {
                    PlannedVisit replaced = visits.get(i);
                    if (replaced.isCustomer() && replaced.getPriority().compareTo(waiting.getPriority()) > 0
                            && fitsInstead(plan, route, i, waiting)) {
                        found.add(new Inversion(waiting.getId(), waiting.getPriority(), route.getId(),
                                replaced.getId(), replaced.getPriority()));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** True when the route without its visit at {@code removed} takes {@code waiting} somewhere, hard-feasibly. */
    boolean fitsInstead(DispatchPlan plan, TechnicianRoute route, int removed, PlannedVisit waiting) {
        if (!route.getTechnician().masters(waiting.getRequiredSkillLevels())) {
            return false; // A missing skill is a hard violation wherever it goes.
        }
        List<PlannedVisit> others = new ArrayList<>(route.getVisits());
        others.remove(removed);
        for (int at = route.getPinnedVisitCount(); at <= others.size(); at++) {
            List<PlannedVisit> trial = new ArrayList<>(others);
            trial.add(at, waiting);
            if (hardScoreAlone(plan, route, trial) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The hard score of the route carrying exactly {@code visits} (its pinned head first), scored on its own. */
    long hardScoreAlone(DispatchPlan plan, TechnicianRoute route, List<PlannedVisit> visits) {
        TechnicianRoute copy = new TechnicianRoute(route.getId(), route.getTechnician(), route.getShiftStart(),
                route.getShiftEnd(), route.getAllowedOvertime(), route.getBreakRule());
        List<PlannedVisit> copies = new ArrayList<>(visits.size());
        for (PlannedVisit visit : visits) {
            copies.add(visit.withWindows(visit.getWindows()));
        }
        TravelTimeMatrix matrix = plan.getTravelTimes();
        DispatchPlan alone = new DispatchPlan(List.of(route.getTechnician()), List.of(copy), copies,
                (from, to) -> matrix.travelSeconds(matrix.indexOf(from), matrix.indexOf(to)),
                plan.getConstraintWeightOverrides());
        copy.pinVisits(copies.subList(0, route.getPinnedVisitCount()));
        copy.getVisits().addAll(copies.subList(route.getPinnedVisitCount(), copies.size()));
        return scoring.update(alone).hardScore();
    }
}
