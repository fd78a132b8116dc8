package org.tehai.planning.moves;

import java.util.Iterator;
import java.util.Random;

import org.tehai.planning.DispatchPlan;
import org.tehai.planning.NearbyMoves;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.move.MoveAdapters;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/** Feeds {@link NearbyMoves} to the solver's move selection, at random only. */
public class NearbyMoveFactory implements MoveIteratorFactory<DispatchPlan, Move<DispatchPlan>> {

    private NearbyMoves cached;

    @Override
    public long getSize(ScoreDirector<DispatchPlan> scoreDirector) {
        return NearbyMoves.countFor(scoreDirector.getWorkingSolution());
    }

    @Override
    public Iterator<Move<DispatchPlan>> createOriginalMoveIterator(ScoreDirector<DispatchPlan> scoreDirector) {
        throw new UnsupportedOperationException("Nearby moves are only selected at random.");
    }

    @Override
    public Iterator<Move<DispatchPlan>> createRandomMoveIterator(ScoreDirector<DispatchPlan> scoreDirector,
            Random random) {
        NearbyMoves nearby = nearbyMovesFor(scoreDirector);
        return MoveAdapters.toLegacyMoveIterator(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !nearby.isEmpty();
            }

            @Override
            public ai.timefold.solver.core.preview.api.move.Move<DispatchPlan> next() {
                ai.timefold.solver.core.preview.api.move.Move<DispatchPlan> move = nearby.propose(random);
                return move == null ? NotDoableMove.INSTANCE : move;
            }
        });
    }

    /** The neighbour lists cost a sort per visit: computed once per working plan, not per step. */
    private synchronized NearbyMoves nearbyMovesFor(ScoreDirector<DispatchPlan> scoreDirector) {
        DispatchPlan plan = scoreDirector.getWorkingSolution();
        if (cached == null || !cached.isFor(plan)) {
            cached = NearbyMoves.of(plan, RouteVisitsVariable.of(scoreDirector));
        }
        return cached;
    }
}
