package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import io.quarkus.test.junit.QuarkusTest;

/** The running application loads solver-config/solver-config.xml and plans with the production constraints. */
@QuarkusTest
class ApplicationSolverTest {

    @Inject
    SolverFactory<DispatchPlan> solverFactory;

    @Test
    void shouldPlanAGeneratedDayWithTheApplicationsSolver() {
        var override = new SolverConfigOverride<DispatchPlan>().withTerminationConfig(new TerminationConfig()
                .withUnimprovedStepCountLimit(300).withSpentLimit(Duration.ofSeconds(5)));

        DispatchPlan solved = solverFactory.buildSolver(override).solve(TestPlans.generated(11, 3, 12));

        assertThat(solved.getScore().hardScore()).as("hard score of %s", solved.getScore()).isZero();
        assertThat(solved.getUnassignedCustomerVisits()).isEmpty();
    }
}
