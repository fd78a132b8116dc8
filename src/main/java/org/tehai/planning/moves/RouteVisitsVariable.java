package org.tehai.planning.moves;

import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;

/** The routes' list of visits, as the running solver models it: the variable every preview move changes. */
final class RouteVisitsVariable {

    private RouteVisitsVariable() {
    }

    static PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> of(
            ScoreDirector<DispatchPlan> scoreDirector) {
        return ((InnerScoreDirector<DispatchPlan, ?>) scoreDirector).getSolutionDescriptor().getMetaModel()
                .genuineEntity(TechnicianRoute.class).listVariable("visits", PlannedVisit.class);
    }
}
