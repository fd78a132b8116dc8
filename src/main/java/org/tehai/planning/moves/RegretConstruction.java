package org.tehai.planning.moves;

import java.util.function.BooleanSupplier;

import org.tehai.planning.DispatchPlan;
import org.tehai.planning.RuinAndRecreateMoves;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.preview.api.move.Move;

/**
 * The first plan: every waiting customer visit inserted by regret-2, most urgent priority first, at its cheapest
 * feasible position (see {@link RuinAndRecreateMoves#insertWaiting}). Each insertion costs a look at every position
 * of every route through the routes' shadow state, not a score calculation, so a day of 1,000 visits is built in
 * seconds where the generic construction heuristic scores every position of every route for every visit. Visits
 * that fit nowhere stay unassigned for the local search.
 */
public class RegretConstruction implements PhaseCommand<DispatchPlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<DispatchPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        Move<DispatchPlan> insertion = RuinAndRecreateMoves.insertWaiting(scoreDirector.getWorkingSolution(),
                RouteVisitsVariable.of(scoreDirector));
        if (insertion != null && !isPhaseTerminated.getAsBoolean()) {
            ((InnerScoreDirector<DispatchPlan, ?>) scoreDirector).executeMove(insertion);
        }
    }
}
