package org.tehai.planning;

import java.util.Collection;
import java.util.List;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.domain.metamodel.PositionInList;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;
import ai.timefold.solver.core.preview.api.move.Rebaser;

/** Exchanges the places of two assigned visits that are near each other (see {@link NearbyMoves}). */
final class NearbySwapMove implements Move<DispatchPlan> {

    private final PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable;
    private final PlannedVisit left;
    private final PlannedVisit right;

    NearbySwapMove(PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            PlannedVisit left, PlannedVisit right) {
        this.visitsVariable = visitsVariable;
        this.left = left;
        this.right = right;
    }

    @Override
    public void execute(MutableSolutionView<DispatchPlan> view) {
        PositionInList leftPosition = view.getPositionOf(visitsVariable, left).ensureAssigned();
        PositionInList rightPosition = view.getPositionOf(visitsVariable, right).ensureAssigned();
        view.swapValuesBetweenLists(visitsVariable, leftPosition.entity(), leftPosition.index(),
                rightPosition.entity(), rightPosition.index());
    }

    @Override
    public NearbySwapMove rebase(Rebaser rebaser) {
        return new NearbySwapMove(visitsVariable, rebaser.rebase(left), rebaser.rebase(right));
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
    public String toString() {
        return left + " <-> " + right;
    }
}
