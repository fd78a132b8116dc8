/**
 * Where the solver meets the model's own moves. The moves themselves ({@code NearbyRelocateMove},
 * {@code NearbySwapMove}, {@code RuinAndRecreateMove} in {@code org.tehai.planning}) use Timefold's public
 * preview move API; this package alone uses Timefold internals ({@code ai.timefold.solver.core.impl}),
 * because Timefold 1.32's public API lacks four things:
 *
 * <ul>
 * <li>{@code MoveIteratorFactory}: the solver configuration's {@code <moveIteratorFactory>} accepts only
 * this interface. The public alternative, the Neighborhoods preview, builds moves from move streams and
 * adds them as one more union member beside the configured selectors, so the proposals and their share
 * of the selection would change.</li>
 * <li>{@code Move.isMoveDoable}: a preview move is always doable. A proposal that found nothing useful
 * must be skipped by the move selector without being evaluated ({@link NotDoableMove}).</li>
 * <li>{@code MoveAdapters.toLegacyMoveIterator}: the only way to hand preview moves to a
 * {@code MoveIteratorFactory}.</li>
 * <li>{@code InnerScoreDirector}: {@code RegretConstruction}, a custom phase, executes its insertion through it (the
 * public {@code PhaseCommand} of 1.32 hands over a plain {@code ScoreDirector}); and preview moves need the running solver's meta-model of the routes' list
 * variable. The public {@code PlanningSolutionMetaModel.of} builds a separate one, which the solver does not
 * recognise (it matches variables by identity).</li>
 * </ul>
 */
package org.tehai.planning.moves;
