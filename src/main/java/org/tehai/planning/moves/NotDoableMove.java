package org.tehai.planning.moves;

import org.tehai.planning.DispatchPlan;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;

/**
 * Stands in for a proposal that found nothing useful. The move selector skips it like any move that is
 * not doable, so it is never evaluated and never counts as a step.
 */
final class NotDoableMove implements Move<DispatchPlan> {

    static final NotDoableMove INSTANCE = new NotDoableMove();

    private NotDoableMove() {
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DispatchPlan> scoreDirector) {
        return false;
    }

    @Override
    public void doMoveOnly(ScoreDirector<DispatchPlan> scoreDirector) {
        throw new UnsupportedOperationException("A move that is not doable is never done.");
    }

    @Override
    public NotDoableMove rebase(ScoreDirector<DispatchPlan> destinationScoreDirector) {
        return this;
    }

    @Override
    public String toString() {
        return "no useful move";
    }
}
