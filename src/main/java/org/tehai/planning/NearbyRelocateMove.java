package org.tehai.planning;

import java.util.Collection;
import java.util.List;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.domain.metamodel.PositionInList;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;
import ai.timefold.solver.core.preview.api.move.Rebaser;

/** Moves one visit (assigned or not) to a given index of a route, next to a nearby visit (see {@link NearbyMoves}). */
final class NearbyRelocateMove implements Move<DispatchPlan> {

    private final PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable;
    private final PlannedVisit visit;
    private final TechnicianRoute toRoute;
    private final int toIndex;

    /**
     * @param toIndex the visit's index in {@code toRoute} once moved (counted after taking it out of its route)
     */
    NearbyRelocateMove(PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            PlannedVisit visit, TechnicianRoute toRoute, int toIndex) {
        this.visitsVariable = visitsVariable;
        this.visit = visit;
        this.toRoute = toRoute;
        this.toIndex = toIndex;
    }

    @Override
    public void execute(MutableSolutionView<DispatchPlan> view) {
        if (view.getPositionOf(visitsVariable, visit) instanceof PositionInList from) {
            TechnicianRoute fromRoute = from.entity();
            if (fromRoute == toRoute) {
                view.moveValueInList(visitsVariable, toRoute, from.index(), toIndex);
            } else {
                view.moveValueBetweenLists(visitsVariable, fromRoute, from.index(), toRoute, toIndex);
            }
        } else {
            view.assignValueAndAdd(visitsVariable, visit, toRoute, toIndex);
        }
    }

    @Override
    public NearbyRelocateMove rebase(Rebaser rebaser) {
        return new NearbyRelocateMove(visitsVariable, rebaser.rebase(visit), rebaser.rebase(toRoute), toIndex);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        TechnicianRoute from = visit.getRoute();
        return from == null || from == toRoute ? List.of(toRoute) : List.of(from, toRoute);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(visit);
    }

    @Override
    public String toString() {
        return visit + " -> " + toRoute + "[" + toIndex + "]";
    }
}
