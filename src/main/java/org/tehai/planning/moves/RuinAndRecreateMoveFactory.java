package org.tehai.planning.moves;

import java.util.Iterator;
import java.util.Random;

import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.RuinAndRecreateMoves;
import org.tehai.planning.TechnicianRoute;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.move.MoveAdapters;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;

/** Feeds {@link RuinAndRecreateMoves} to the solver's move selection, at random only. */
public class RuinAndRecreateMoveFactory implements MoveIteratorFactory<DispatchPlan, Move<DispatchPlan>> {

    @Override
    public long getSize(ScoreDirector<DispatchPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getVisits().size();
    }

    @Override
    public Iterator<Move<DispatchPlan>> createOriginalMoveIterator(ScoreDirector<DispatchPlan> scoreDirector) {
        throw new UnsupportedOperationException("Ruin and recreate moves are only selected at random.");
    }

    @Override
    public Iterator<Move<DispatchPlan>> createRandomMoveIterator(ScoreDirector<DispatchPlan> scoreDirector,
            Random random) {
        PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable =
                RouteVisitsVariable.of(scoreDirector);
        return MoveAdapters.toLegacyMoveIterator(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ai.timefold.solver.core.preview.api.move.Move<DispatchPlan> next() {
                ai.timefold.solver.core.preview.api.move.Move<DispatchPlan> move =
                        RuinAndRecreateMoves.propose(scoreDirector.getWorkingSolution(), visitsVariable, random);
                return move == null ? NotDoableMove.INSTANCE : move;
            }
        });
    }
}
