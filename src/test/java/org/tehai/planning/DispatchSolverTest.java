package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.localsearch.scope.LocalSearchPhaseScope;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

/** Solves generated days with the production solver configuration. */
class DispatchSolverTest {

    static final String SOLVER_CONFIG = "solver-config/solver-config.xml";

    private static Solver<DispatchPlan> solver(EnvironmentMode mode, TerminationConfig termination) {
        return solver(SolverConfig.createFromXmlResource(SOLVER_CONFIG), mode, termination);
    }

    private static Solver<DispatchPlan> solver(SolverConfig config, EnvironmentMode mode,
            TerminationConfig termination) {
        return SolverFactory.<DispatchPlan> create(config
                .withEnvironmentMode(mode)
                .withRandomSeed(42L)
                .withTerminationConfig(termination)).buildSolver();
    }

    @Test
    void plansEveryVisitOfAGeneratedDayFeasibly() {
        DispatchPlan problem = TestPlans.generated(7, 4, 24);
        // Stops once nothing improves for a while; the time cap only guards a slow machine.
        Solver<DispatchPlan> solver = solver(EnvironmentMode.PHASE_ASSERT, new TerminationConfig()
                .withUnimprovedStepCountLimit(500)
                .withSpentLimit(Duration.ofSeconds(10)));

        DispatchPlan solved = solver.solve(problem);

        HardMediumSoftLongScore score = solved.getScore();
        assertThat(score.hardScore()).as("hard score of %s", score).isZero();
        assertThat(solved.getUnassignedCustomerVisits()).isEmpty();
        for (TechnicianRoute route : solved.getRoutes()) {
            for (PlannedVisit visit : route.getVisits()) {
                assertThat(visit.getSchedule().windowMiss()).isZero();
                assertThat(route.getTechnician().masters(visit.getRequiredSkillLevels())).isTrue();
            }
            assertThat(route.getEndTime()).isLessThanOrEqualTo(route.getShiftEnd() + route.getAllowedOvertime());
        }
    }

    @Test
    void keepsPinnedVisitsInPlace() {
        DispatchPlan problem = TestPlans.generated(11, 3, 12);
        TechnicianRoute route = problem.getRoutes().get(1);
        PlannedVisit dispatched = problem.getVisits().get(0);
        route.pinVisits(List.of(dispatched));
        Solver<DispatchPlan> solver = solver(EnvironmentMode.PHASE_ASSERT, new TerminationConfig()
                .withUnimprovedStepCountLimit(300)
                .withSpentLimit(Duration.ofSeconds(10)));

        DispatchPlan solved = solver.solve(problem);

        TechnicianRoute solvedRoute = solved.routeOf(route.getId());
        assertThat(solvedRoute.getVisits().get(0).getId()).isEqualTo(dispatched.getId());
        assertThat(solved.getScore().hardScore()).isZero();
    }

    @Test
    void keepsShadowStateAndScoreConsistentUnderFullAssert() {
        // FULL_ASSERT recalculates the score from scratch after every move and fails on any corruption.
        DispatchPlan problem = TestPlans.generated(3, 2, 8);
        Solver<DispatchPlan> solver = solver(EnvironmentMode.FULL_ASSERT, new TerminationConfig()
                .withStepCountLimit(150));

        DispatchPlan solved = solver.solve(problem);

        assertThat(solved.getScore()).isNotNull();
        assertThat(solved.getScore().hardScore()).isZero();
    }

    @Test
    void keepsPinnedVisitsAndScoreConsistentUnderFullAssertWithEveryMove() {
        // More visits per route than above, and a pinned head, so that string ruins, nearby relocations and
        // swaps all meet pinned visits; FULL_ASSERT fails on any score corruption or undo mismatch.
        DispatchPlan problem = TestPlans.generated(5, 3, 14);
        TechnicianRoute route = problem.getRoutes().get(0);
        PlannedVisit dispatched = problem.getVisits().get(1);
        route.pinVisits(List.of(dispatched));
        Solver<DispatchPlan> solver = solver(EnvironmentMode.FULL_ASSERT, new TerminationConfig()
                .withStepCountLimit(200));

        DispatchPlan solved = solver.solve(problem);

        assertThat(solved.routeOf(route.getId()).getVisits().get(0).getId()).isEqualTo(dispatched.getId());
        assertThat(solved.getScore().hardScore()).isZero();
    }

    @Test
    void annealsFirstThenPolishesWithLateAcceptanceKeepingTheScoreConsistent() {
        SolverConfig config = SolverConfig.createFromXmlResource(SOLVER_CONFIG);
        List<PhaseConfig> phases = config.getPhaseConfigList();
        assertThat(phases).hasSize(3);
        LocalSearchPhaseConfig annealing = (LocalSearchPhaseConfig) phases.get(1);
        LocalSearchPhaseConfig polishing = (LocalSearchPhaseConfig) phases.get(2);
        // Proposals (60 s at most) and the 30 s benchmarks anneal all the way; only longer solves polish.
        assertThat(annealing.getAcceptorConfig().getSimulatedAnnealingStartingTemperature())
                .isEqualTo("0hard/0medium/10000soft");
        assertThat(annealing.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(polishing.getAcceptorConfig().getAcceptorTypeList())
                .containsExactly(AcceptorType.DIVERSIFIED_LATE_ACCEPTANCE);

        // Cut the annealing short so that the polishing phase runs too, both under FULL_ASSERT.
        annealing.setTerminationConfig(new TerminationConfig().withStepCountLimit(80));
        DispatchPlan problem = TestPlans.generated(5, 3, 14);
        Solver<DispatchPlan> solver = solver(config, EnvironmentMode.FULL_ASSERT,
                new TerminationConfig().withStepCountLimit(160));
        AtomicInteger localSearchPhases = new AtomicInteger();
        ((DefaultSolver<DispatchPlan>) solver).addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<DispatchPlan> phaseScope) {
                if (phaseScope instanceof LocalSearchPhaseScope) {
                    localSearchPhases.incrementAndGet();
                }
            }
        });

        DispatchPlan solved = solver.solve(problem);

        assertThat(localSearchPhases).hasValue(2);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getUnassignedCustomerVisits()).isEmpty();
    }
}
