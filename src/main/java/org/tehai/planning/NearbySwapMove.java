package org.tehai.planning;

import java.util.Collection;
import java.util.List;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;

/** Exchanges the places of two assigned visits that are near each other (see {@link NearbyMoveFactory}). */
final class NearbySwapMove extends AbstractMove<DispatchPlan> {

    private final PlannedVisit left;
    private final PlannedVisit right;

    NearbySwapMove(PlannedVisit left, PlannedVisit right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DispatchPlan> scoreDirector) {
        return left != right && left.getRoute() != null && right.getRoute() != null && !left.inPinnedHead()
                && !right.inPinnedHead();
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DispatchPlan> scoreDirector) {
        TechnicianRoute leftRoute = left.getRoute();
        TechnicianRoute rightRoute = right.getRoute();
        int leftIndex = leftRoute.getVisits().indexOf(left);
        int rightIndex = rightRoute.getVisits().indexOf(right);
        if (leftRoute == rightRoute) {
            int low = Math.min(leftIndex, rightIndex);
            int high = Math.max(leftIndex, rightIndex);
            scoreDirector.beforeListVariableChanged(leftRoute, RuinAndRecreateMove.VARIABLE, low, high + 1);
            leftRoute.getVisits().set(leftIndex, right);
            leftRoute.getVisits().set(rightIndex, left);
            scoreDirector.afterListVariableChanged(leftRoute, RuinAndRecreateMove.VARIABLE, low, high + 1);
        } else {
            scoreDirector.beforeListVariableChanged(leftRoute, RuinAndRecreateMove.VARIABLE, leftIndex, leftIndex + 1);
            leftRoute.getVisits().set(leftIndex, right);
            scoreDirector.afterListVariableChanged(leftRoute, RuinAndRecreateMove.VARIABLE, leftIndex, leftIndex + 1);
            scoreDirector.beforeListVariableChanged(rightRoute, RuinAndRecreateMove.VARIABLE, rightIndex, rightIndex + 1);
            rightRoute.getVisits().set(rightIndex, left);
            scoreDirector.afterListVariableChanged(rightRoute, RuinAndRecreateMove.VARIABLE, rightIndex, rightIndex + 1);
        }
        scoreDirector.triggerVariableListeners();
    }

    @Override
    public NearbySwapMove rebase(ScoreDirector<DispatchPlan> destinationScoreDirector) {
        return new NearbySwapMove(destinationScoreDirector.lookUpWorkingObject(left),
                destinationScoreDirector.lookUpWorkingObject(right));
    }

    @Override
    public Collection<?> getPlanningEntities() {
        TechnicianRoute leftRoute = left.getRoute();
        TechnicianRoute rightRoute = right.getRoute();
        return leftRoute == rightRoute ? List.of(leftRoute) : List.of(leftRoute, rightRoute);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(left, right);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "NearbySwapMove";
    }

    @Override
    public String toString() {
        return left + " <-> " + right;
    }
}
