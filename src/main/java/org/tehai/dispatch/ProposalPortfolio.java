package org.tehai.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanningProblemBuilder.Placement;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.SolverPortfolio;

import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * A proposal solved by several solvers when {@code tehai.dispatch.portfolio} is above 1: a {@link SolverPortfolio}
 * of that many solvers with seeds 0, 1, ... of the production configuration and the proposal's limits, each on its
 * own copy of the region-day and its own thread (outside the {@code SolverManager} and its parallel-solver-count).
 * {@link SolverRuns} owns the run as it does a single solve; live re-planning is always one solver.
 */
@ApplicationScoped
class ProposalPortfolio {

    /** The production configuration ({@code solver-config/solver-config.xml}) as the application loaded it. */
    @Inject
    SolverConfig solverConfig;

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    DispatchSettings settings;

    /**
     * The problems of the members after the first, built from the same rows in the caller's transaction as the
     * first; none for live re-planning or a portfolio of one.
     */
    List<DispatchPlan> copies(Plan plan, Instant notBefore, Map<String, Placement> warmStart) {
        int members = plan.live ? 1 : settings.portfolio();
        List<DispatchPlan> copies = new ArrayList<>();
        for (int member = 1; member < members; member++) {
            copies.add(builder.build(plan.region, plan.workDate, notBefore, warmStart).plan());
        }
        return List.copyOf(copies);
    }

    /**
     * Starts the run's portfolio: the run's problem and its copies, one per member. It ends through
     * {@code onFinal} with the best plan or through {@code onFailure} with the first member's failure, on the
     * thread of the member that ended last.
     */
    void start(SolverRun run, TerminationConfig termination, Consumer<DispatchPlan> onBest,
            Consumer<DispatchPlan> onFinal, Consumer<Throwable> onFailure) {
        List<DispatchPlan> copies = run.copies;
        try {
            SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(
                    solverConfig.copyConfig().withTerminationConfig(termination), copies.size() + 1);
            run.portfolio = portfolio;
            if (run.stopRequested || run.lost) {
                portfolio.terminateEarly(); // stopped while it was starting: it ends at once with the problem
            }
            portfolio.start(index -> index == 0 ? run.problem.plan() : copies.get(index - 1), onBest)
                    .whenComplete((result, error) -> {
                        if (error instanceof CompletionException wrapped && wrapped.getCause() != null) {
                            onFailure.accept(wrapped.getCause());
                        } else if (error != null) {
                            onFailure.accept(error);
                        } else {
                            onFinal.accept(result.solution());
                        }
                    });
        } catch (RuntimeException e) {
            onFailure.accept(e);
        } finally {
            run.copies = List.of(); // the members hold them now
        }
    }
}
