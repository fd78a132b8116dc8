package org.tehai.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * N independent solvers on one problem, each on its own thread with its own copy of the problem and its own random
 * seed (the configuration's seed, 0 when it sets none, plus the member's index; the same termination for all), and
 * the best of their final solutions kept. Nothing is shared between the members while they solve: they only race.
 * <ul>
 * <li>The listener hears only improvements of the best of all members so far, one at a time (never concurrently),
 * each strictly better than the one before.</li>
 * <li>{@link #terminateEarly()} stops every member, also one that is only starting.</li>
 * <li>The result is the member whose final score is best; on a tie the lowest seed, so a portfolio is as
 * reproducible as its members (with step or move limits, not with time limits).</li>
 * <li>A member that fails stops the others and fails the whole solve.</li>
 * </ul>
 * One portfolio solves once.
 *
 * @param <S> the planning solution
 */
public final class SolverPortfolio<S> {

    /**
     * The best of the portfolio: the solution, its score and the seed of the member that found it; and the final
     * score of every member in seed order (null for a member that never reported one).
     */
    public record Result<S>(S solution, Score<?> score, long seed, List<Score<?>> finalScores) {
    }

    private final SolverConfig config;
    private final int size;
    private final long baseSeed;
    private final List<Member<S>> members;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean terminated;
    private final Object bestLock = new Object();
    /** The best score heard from any member; guarded by {@link #bestLock}. */
    private Score<?> overallBest;

    /**
     * @param config the solver configuration of every member (copied; its termination applies to each member)
     * @param size how many members, at least 1
     */
    public SolverPortfolio(SolverConfig config, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A portfolio has at least one member, not " + size + ".");
        }
        this.config = Objects.requireNonNull(config, "config").copyConfig();
        this.size = size;
        this.baseSeed = config.getRandomSeed() == null ? 0L : config.getRandomSeed();
        List<Member<S>> all = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            all.add(new Member<>(index, seedOf(index)));
        }
        this.members = List.copyOf(all);
    }

    public int size() {
        return size;
    }

    /** The random seed of member {@code index} (0-based). */
    public long seedOf(int index) {
        return baseSeed + index;
    }

    /**
     * Solves and waits for the result.
     *
     * @param copies the problem for member {@code index}: a copy of its own, shared with no other member
     * @param bestSolutionListener hears each improvement of the overall best, on a member's thread
     * @throws IllegalStateException wrapping the first member's failure
     */
    public Result<S> solve(IntFunction<S> copies, Consumer<S> bestSolutionListener) {
        try {
            return start(copies, bestSolutionListener).get();
        } catch (InterruptedException e) {
            terminateEarly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the portfolio was solving.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    /**
     * Starts every member on its own thread and returns at once. The future completes when the last member has
     * ended: with the best result, or exceptionally with the first failure (an {@link IllegalStateException}
     * naming the member, caused by what it threw).
     */
    public CompletableFuture<Result<S>> start(IntFunction<S> copies, Consumer<S> bestSolutionListener) {
        Objects.requireNonNull(copies, "copies");
        Objects.requireNonNull(bestSolutionListener, "bestSolutionListener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("A portfolio solves once.");
        }
        CompletableFuture<Result<S>> result = new CompletableFuture<>();
        AtomicInteger running = new AtomicInteger(size);
        for (Member<S> member : members) {
            Thread thread = new Thread(() -> {
                try {
                    run(member, copies, bestSolutionListener);
                } finally {
                    if (running.decrementAndGet() == 0) {
                        finish(result);
                    }
                }
            }, "solver-portfolio-seed-" + member.seed);
            thread.setDaemon(true);
            thread.start();
        }
        return result;
    }

    private void run(Member<S> member, IntFunction<S> copies, Consumer<S> listener) {
        try {
            S problem = copies.apply(member.index);
            Solver<S> solver = SolverFactory.<S> create(config.copyConfig().withRandomSeed(member.seed)).buildSolver();
            solver.addEventListener(event -> offer(member, event.getNewBestScore(), event.getNewBestSolution(),
                    listener));
            member.solver = solver;
            if (terminated) {
                member.solution = problem; // stopped before it began: the problem as it came
                return;
            }
            member.solution = solver.solve(problem);
        } catch (RuntimeException | Error e) {
            member.failure = e;
            terminateEarly();
        } finally {
            member.done = true;
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void offer(Member<S> member, Score<?> score, S solution, Consumer<S> listener) {
        member.score = score;
        synchronized (bestLock) {
            if (overallBest == null || ((Comparable) score).compareTo(overallBest) > 0) {
                overallBest = score;
                listener.accept(solution);
            }
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void finish(CompletableFuture<Result<S>> result) {
        Member<S> best = null;
        List<Score<?>> finalScores = new ArrayList<>();
        for (Member<S> member : members) {
            finalScores.add(member.score);
            if (member.failure != null) {
                result.completeExceptionally(new IllegalStateException(
                        "The portfolio member with seed " + member.seed + " failed: " + member.failure,
                        member.failure));
                return;
            }
            if (member.solution == null) {
                continue;
            }
            // Members in seed order: a later one wins only when strictly better.
            if (best == null || best.score == null && member.score != null || best.score != null
                    && member.score != null && ((Comparable) member.score).compareTo(best.score) > 0) {
                best = member;
            }
        }
        if (best == null) {
            result.completeExceptionally(new IllegalStateException("No member of the portfolio returned a solution."));
            return;
        }
        result.complete(new Result<>(best.solution, best.score, best.seed, Collections.unmodifiableList(finalScores)));
    }

    /**
     * Stops every member as soon as it can; returns at once. A member that is just starting its solve (when a stop
     * could be lost) is told again until it has ended.
     */
    public void terminateEarly() {
        terminated = true;
        boolean allDone = true;
        for (Member<S> member : members) {
            Solver<S> solver = member.solver;
            if (solver != null) {
                solver.terminateEarly();
            }
            allDone &= member.done;
        }
        if (!allDone && started.get() && watching.compareAndSet(false, true)) {
            Thread watcher = new Thread(this::repeatTermination, "solver-portfolio-stop");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** The members' solvers built so far, in seed order (for their statistics once the solve has ended). */
    public List<Solver<S>> solvers() {
        List<Solver<S>> solvers = new ArrayList<>();
        for (Member<S> member : members) {
            Solver<S> solver = member.solver;
            if (solver != null) {
                solvers.add(solver);
            }
        }
        return solvers;
    }

    /** True once {@link #terminateEarly()} was called (also by a failing member). */
    public boolean isTerminateEarly() {
        return terminated;
    }

    /**
     * Timefold forgets a stop request that arrives just before its solve begins; repeat it until every member
     * has ended.
     */
    private void repeatTermination() {
        try {
            while (true) {
                boolean allDone = true;
                for (Member<S> member : members) {
                    Solver<S> solver = member.solver;
                    if (!member.done) {
                        allDone = false;
                        if (solver != null && !solver.isTerminateEarly()) {
                            solver.terminateEarly();
                        }
                    }
                }
                if (allDone) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Member<S> {
        final int index;
        final long seed;
        volatile Solver<S> solver;
        volatile Score<?> score;
        volatile S solution;
        volatile Throwable failure;
        volatile boolean done;

        Member(int index, long seed) {
            this.index = index;
            this.seed = seed;
        }
    }
}
