package org.tehai.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;

/**
 * Takes a few nearby customer visits out of their routes and puts each back where it fits best: the
 * classic large-neighbourhood step for routing with time windows, which single relocations and swaps
 * cannot replace.
 *
 * <p>Timefold 1.32 ships a list ruin-and-recreate move, but it fails when a ruined value is best left
 * unassigned (depot stops always are), so this model brings its own. Reinsertion is greedy on added
 * driving and working time (weighted as the run weighs them) among the positions that keep every window, the shift end, skills, tools and parts; it
 * reads the routes' shadow state (see {@link InsertionCost}). The solver's acceptor then judges the
 * result with the full score. Pinned visits are never ruined and nothing is inserted before them.
 */
public final class RuinAndRecreateMove extends AbstractMove<DispatchPlan> {

    static final String VARIABLE = "visits";

    private final List<PlannedVisit> ruined;
    private final List<PlannedVisit> unassigned;

    /**
     * @param ruined assigned visits to take out and reinsert, in reinsertion order
     * @param unassigned currently unassigned customer visits to try to insert afterwards
     */
    RuinAndRecreateMove(List<PlannedVisit> ruined, List<PlannedVisit> unassigned) {
        this.ruined = List.copyOf(ruined);
        this.unassigned = List.copyOf(unassigned);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DispatchPlan> scoreDirector) {
        return !ruined.isEmpty() || !unassigned.isEmpty();
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DispatchPlan> scoreDirector) {
        for (PlannedVisit visit : ruined) {
            TechnicianRoute route = visit.getRoute();
            int index = route.getVisits().indexOf(visit);
            if (index < route.getPinnedVisitCount()) {
                throw new IllegalStateException("The visit (%s) is pinned on route (%s) at index (%d)."
                        .formatted(visit, route, index));
            }
            scoreDirector.beforeListVariableElementUnassigned(route, VARIABLE, visit);
            scoreDirector.beforeListVariableChanged(route, VARIABLE, index, index + 1);
            route.getVisits().remove(index);
            scoreDirector.afterListVariableChanged(route, VARIABLE, index, index);
            scoreDirector.afterListVariableElementUnassigned(route, VARIABLE, visit);
        }
        scoreDirector.triggerVariableListeners();
        DispatchPlan plan = scoreDirector.getWorkingSolution();
        long travelWeight = Math.max(1,
                softWeight(plan, TechnicianRoutingConstraints.TRAVEL_TIME, ConstraintWeights.TRAVEL_TIME));
        long workWeight = softWeight(plan, TechnicianRoutingConstraints.WORKING_TIME, ConstraintWeights.WORKING_TIME);
        // Unassigned customers first: serving everyone outranks any saving on the ruined ones.
        for (PlannedVisit visit : unassigned) {
            insertBest(scoreDirector, plan.getRoutes(), visit, travelWeight, workWeight);
        }
        for (PlannedVisit visit : ruined) {
            insertBest(scoreDirector, plan.getRoutes(), visit, travelWeight, workWeight);
        }
    }

    private static long softWeight(DispatchPlan plan, String constraintName, HardMediumSoftLongScore defaultWeight) {
        HardMediumSoftLongScore weight = plan.getConstraintWeightOverrides().getConstraintWeight(constraintName);
        return (weight == null ? defaultWeight : weight).softScore();
    }

    /**
     * Inserts at the cheapest feasible position. A visit that fits nowhere stays unassigned: the medium
     * penalty is milder than a broken window, and later moves try it again.
     */
    private static void insertBest(ScoreDirector<DispatchPlan> scoreDirector, List<TechnicianRoute> routes,
            PlannedVisit visit, long travelWeight, long workWeight) {
        TechnicianRoute bestRoute = null;
        int bestIndex = -1;
        long bestCost = Long.MAX_VALUE;
        for (TechnicianRoute route : routes) {
            if (!route.getTechnician().masters(visit.getRequiredSkillLevels())) {
                continue;
            }
            List<PlannedVisit> visits = route.getVisits();
            for (int index = route.getPinnedVisitCount(); index <= visits.size(); index++) {
                long addedTravel = InsertionCost.addedTravel(route, index, visit);
                // Driving always counts (at least as a tie-breaker); a later return counts as working time.
                long lowerBound = travelWeight * addedTravel;
                if (lowerBound >= bestCost) {
                    continue;
                }
                long addedEnd = InsertionCost.addedEndTime(route, index, visit);
                if (addedEnd < 0) {
                    continue;
                }
                long cost = lowerBound + workWeight * addedEnd;
                if (cost < bestCost) {
                    bestCost = cost;
                    bestRoute = route;
                    bestIndex = index;
                }
            }
        }
        if (bestRoute == null) {
            return;
        }
        scoreDirector.beforeListVariableElementAssigned(bestRoute, VARIABLE, visit);
        scoreDirector.beforeListVariableChanged(bestRoute, VARIABLE, bestIndex, bestIndex);
        bestRoute.getVisits().add(bestIndex, visit);
        scoreDirector.afterListVariableChanged(bestRoute, VARIABLE, bestIndex, bestIndex + 1);
        scoreDirector.afterListVariableElementAssigned(bestRoute, VARIABLE, visit);
        scoreDirector.triggerVariableListeners();
    }

    @Override
    public RuinAndRecreateMove rebase(ScoreDirector<DispatchPlan> destinationScoreDirector) {
        return new RuinAndRecreateMove(rebaseList(ruined, destinationScoreDirector),
                rebaseList(unassigned, destinationScoreDirector));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        Set<TechnicianRoute> routes = new LinkedHashSet<>();
        for (PlannedVisit visit : ruined) {
            if (visit.getRoute() != null) {
                routes.add(visit.getRoute());
            }
        }
        return routes;
    }

    @Override
    public Collection<?> getPlanningValues() {
        List<PlannedVisit> values = new ArrayList<>(ruined);
        values.addAll(unassigned);
        return values;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RuinAndRecreateMove";
    }

    @Override
    public String toString() {
        return "ruin and recreate " + ruined + (unassigned.isEmpty() ? "" : " + " + unassigned);
    }
}
