package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** Solves generated days with the production solver configuration. */
class DispatchSolverTest {

    static final String SOLVER_CONFIG = "solver-config/solver-config.xml";

    private static Solver<DispatchPlan> solver(EnvironmentMode mode, TerminationConfig termination) {
        SolverConfig config = SolverConfig.createFromXmlResource(SOLVER_CONFIG)
                .withEnvironmentMode(mode)
                .withRandomSeed(42L)
                .withTerminationConfig(termination);
        return SolverFactory.<DispatchPlan> create(config).buildSolver();
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
}
