package org.tehai.planning;

import java.util.Collection;
import java.util.List;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;

/** Moves one visit (assigned or not) to a given index of a route, next to a nearby visit (see {@link NearbyMoveFactory}). */
final class NearbyRelocateMove extends AbstractMove<DispatchPlan> {

    /** Not doable: stands in when no useful move was found. */
    static final NearbyRelocateMove NONE = new NearbyRelocateMove(null, null, -1);

    private final PlannedVisit visit;
    private final TechnicianRoute toRoute;
    private final int toIndex;

    /**
     * @param toIndex the visit's index in {@code toRoute} once moved (counted after taking it out of its route)
     */
    NearbyRelocateMove(PlannedVisit visit, TechnicianRoute toRoute, int toIndex) {
        this.visit = visit;
        this.toRoute = toRoute;
        this.toIndex = toIndex;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DispatchPlan> scoreDirector) {
        if (visit == null || toIndex < toRoute.getPinnedVisitCount()) {
            return false;
        }
        TechnicianRoute from = visit.getRoute();
        int size = toRoute.getVisits().size() - (from == toRoute ? 1 : 0);
        if (toIndex > size) {
            return false;
        }
        if (from == null) {
            return true;
        }
        int fromIndex = from.getVisits().indexOf(visit);
        return fromIndex >= from.getPinnedVisitCount() && !(from == toRoute && fromIndex == toIndex);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DispatchPlan> scoreDirector) {
        TechnicianRoute from = visit.getRoute();
        if (from != null) {
            int fromIndex = from.getVisits().indexOf(visit);
            scoreDirector.beforeListVariableElementUnassigned(from, RuinAndRecreateMove.VARIABLE, visit);
            scoreDirector.beforeListVariableChanged(from, RuinAndRecreateMove.VARIABLE, fromIndex, fromIndex + 1);
            from.getVisits().remove(fromIndex);
            scoreDirector.afterListVariableChanged(from, RuinAndRecreateMove.VARIABLE, fromIndex, fromIndex);
            scoreDirector.afterListVariableElementUnassigned(from, RuinAndRecreateMove.VARIABLE, visit);
        }
        scoreDirector.beforeListVariableElementAssigned(toRoute, RuinAndRecreateMove.VARIABLE, visit);
        scoreDirector.beforeListVariableChanged(toRoute, RuinAndRecreateMove.VARIABLE, toIndex, toIndex);
        toRoute.getVisits().add(toIndex, visit);
        scoreDirector.afterListVariableChanged(toRoute, RuinAndRecreateMove.VARIABLE, toIndex, toIndex + 1);
        scoreDirector.afterListVariableElementAssigned(toRoute, RuinAndRecreateMove.VARIABLE, visit);
        scoreDirector.triggerVariableListeners();
    }

    @Override
    public NearbyRelocateMove rebase(ScoreDirector<DispatchPlan> destinationScoreDirector) {
        if (visit == null) {
            return this;
        }
        return new NearbyRelocateMove(destinationScoreDirector.lookUpWorkingObject(visit),
                destinationScoreDirector.lookUpWorkingObject(toRoute), toIndex);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        if (visit == null) {
            return List.of();
        }
        TechnicianRoute from = visit.getRoute();
        return from == null || from == toRoute ? List.of(toRoute) : List.of(from, toRoute);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return visit == null ? List.of() : List.of(visit);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "NearbyRelocateMove";
    }

    @Override
    public String toString() {
        return visit + " -> " + toRoute + "[" + toIndex + "]";
    }
}
