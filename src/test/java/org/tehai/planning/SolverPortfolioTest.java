package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** N solvers with different seeds on one problem: the best kept, improvements heard in order, all stopped at once. */
class SolverPortfolioTest {

    private static final String SOLVER_CONFIG = "solver-config/solver-config.xml";
    /** Far longer than any test may take: only a stop ends these solves. */
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final long PATIENCE_SECONDS = 30;

    /**
     * The production configuration with a search that ends by itself within a second: the construction, then late
     * acceptance for a fixed number of steps. (Not reproducible: two solves with one seed may still differ.)
     */
    private static SolverConfig shortSearch() {
        SolverConfig config = SolverConfig.createFromXmlResource(SOLVER_CONFIG);
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        LocalSearchPhaseConfig search = (LocalSearchPhaseConfig) phases.get(2);
        search.setAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(20));
        search.setTerminationConfig(new TerminationConfig().withStepCountLimit(400));
        config.setPhaseConfigList(List.of(phases.get(0), phases.get(1), search));
        return config.withTerminationConfig(new TerminationConfig().withSpentLimit(LONG));
    }

    private static SolverConfig untilStopped() {
        return SolverConfig.createFromXmlResource(SOLVER_CONFIG)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(LONG));
    }

    @Test
    void keepsTheBestOfItsMembersAndHearsOnlyImprovements() {
        SolverConfig config = shortSearch();
        List<HardMediumSoftLongScore> heard = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean listening = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();

        SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(config, 3);
        SolverPortfolio.Result<DispatchPlan> result = portfolio.solve(index -> TestPlans.generated(3, 3, 20),
                solution -> {
                    if (!listening.compareAndSet(false, true)) {
                        overlaps.incrementAndGet();
                    }
                    heard.add(solution.getScore());
                    listening.set(false);
                });

        List<HardMediumSoftLongScore> members = result.finalScores().stream()
                .map(HardMediumSoftLongScore.class::cast).toList();
        assertThat(members).hasSize(3).doesNotContainNull();
        HardMediumSoftLongScore best = Collections.max(members);
        assertThat(result.score()).isEqualTo(best);
        assertThat(result.solution().getScore()).isEqualTo(best);
        assertThat(result.seed()).as("the lowest seed of the best, among %s", members).isEqualTo(members.indexOf(best));
        assertThat(overlaps).hasValue(0);
        assertThat(heard).isNotEmpty().last().isEqualTo(best);
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i)).isGreaterThan(heard.get(i - 1));
        }
    }

    @Test
    void onATieTheLowestSeedWins() {
        // One technician and two visits on a line: every seed ends with the same plan.
        SolverConfig config = shortSearch().withRandomSeed(5L);
        SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(config, 3);
        assertThat(List.of(portfolio.seedOf(0), portfolio.seedOf(1), portfolio.seedOf(2))).containsExactly(5L, 6L, 7L);

        SolverPortfolio.Result<DispatchPlan> result = portfolio.solve(index -> tiny(), solution -> {
        });

        assertThat(result.seed()).isEqualTo(5L);
        assertThat(result.score().isFeasible()).isTrue();
        assertThat(result.solution().getUnassignedCustomerVisits()).isEmpty();
    }

    private static DispatchPlan tiny() {
        PlanningTechnician technician = TestPlans.technician("t1", TestPlans.at(0));
        return TestPlans.plan(List.of(technician), List.of(TestPlans.route("r1", technician)),
                List.of(TestPlans.visit("v1", TestPlans.at(5)), TestPlans.visit("v2", TestPlans.at(10))));
    }

    @Test
    void aStopEndsEveryMember() throws Exception {
        SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(untilStopped(), 2);
        CountDownLatch firstBest = new CountDownLatch(1);
        long startNanos = System.nanoTime();
        CompletableFuture<SolverPortfolio.Result<DispatchPlan>> solving = portfolio.start(
                index -> TestPlans.generated(7, 4, 24), solution -> firstBest.countDown());

        assertThat(firstBest.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        portfolio.terminateEarly();
        SolverPortfolio.Result<DispatchPlan> result = solving.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(LONG);
        assertThat(result.solution().getScore()).isNotNull();
        assertThat(portfolio.isTerminateEarly()).isTrue();
        assertThat(portfolio.solvers()).hasSize(2).allSatisfy(solver -> assertThat(solver.isSolving()).isFalse());
    }

    @Test
    void aStopWhileTheMembersAreStartingIsNotLost() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(untilStopped(), 2);
            CompletableFuture<SolverPortfolio.Result<DispatchPlan>> solving = portfolio.start(
                    index -> TestPlans.generated(7, 4, 24), solution -> {
                    });
            Thread.sleep(attempt * 20L);
            portfolio.terminateEarly();

            assertThat(solving.get(PATIENCE_SECONDS, TimeUnit.SECONDS).solution()).isNotNull();
        }
    }

    @Test
    void aStopBeforeTheStartGivesTheProblemBack() {
        SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(untilStopped(), 2);
        DispatchPlan first = TestPlans.generated(7, 4, 24);
        portfolio.terminateEarly();

        SolverPortfolio.Result<DispatchPlan> result = portfolio.solve(
                index -> index == 0 ? first : TestPlans.generated(7, 4, 24), solution -> {
                });

        assertThat(result.solution()).isSameAs(first);
        assertThat(result.seed()).isZero();
    }

    @Test
    void aFailingMemberStopsTheOthersAndFailsTheSolve() {
        SolverPortfolio<DispatchPlan> portfolio = new SolverPortfolio<>(untilStopped(), 2);
        CompletableFuture<SolverPortfolio.Result<DispatchPlan>> solving = portfolio.start(index -> {
            if (index == 1) {
                throw new IllegalArgumentException("no copy for you");
            }
            return TestPlans.generated(7, 4, 24);
        }, solution -> {
        });

        assertThatThrownBy(() -> solving.get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("seed 1")
                .cause().hasMessage("no copy for you");
        assertThat(portfolio.isTerminateEarly()).isTrue();
    }
}
