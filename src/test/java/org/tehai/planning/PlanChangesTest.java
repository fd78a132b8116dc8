package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tehai.planning.TestPlans.HOUR;
import static org.tehai.planning.TestPlans.MINUTE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Live re-planning: the changes a running solve receives, applied by the solver on its own thread, under
 * FULL_ASSERT so that any shadow-state or score corruption they cause fails the test.
 */
class PlanChangesTest {

    @Test
    void runningSolveTakesNewCancelledChangedVisitsAndAShortenedShift() throws Exception {
        DispatchPlan problem = TestPlans.generated(5, 3, 10);
        TechnicianRoute first = problem.getRoutes().get(0);
        PlannedVisit started = problem.visitOf("visit-0");
        first.pinVisits(List.of(started));
        SolverConfig config = SolverConfig.createFromXmlResource(DispatchSolverTest.SOLVER_CONFIG)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT).withRandomSeed(7L)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(60)));
        long originalDuration = problem.visitOf("visit-2").getServiceDuration();
        AtomicReference<DispatchPlan> best = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (SolverManager<DispatchPlan, String> manager = SolverManager.create(SolverFactory.create(config))) {
            manager.solveBuilder().withProblemId("day").withProblem(problem)
                    .withBestSolutionConsumer(best::set)
                    .withExceptionHandler((id, error) -> failure.set(error)).run();
            await().atMost(Duration.ofSeconds(20)).until(() -> best.get() != null
                    && best.get().getUnassignedCustomerVisits().isEmpty() && best.get().getScore().isFeasible());

            // An urgent visit at a place the plan has never seen, a cancellation (one of them the started visit),
            // a job that will take twice as long, and a technician who goes home at 13:00.
            PlannedVisit urgent = PlannedVisit.customerVisit("urgent", "ticket-urgent", new Location(3.5, -2.5),
                    30 * MINUTE, List.of(new TimeWindow(9 * HOUR, 12 * HOUR)), PlanningPriority.P1, 11 * HOUR, Map.of(),
                    Set.of(), Map.of(), null);
            PlannedVisit before = problem.visitOf("visit-2");
            PlannedVisit longer = PlannedVisit.customerVisit("visit-2", before.getTicketId(), before.getLocation(),
                    2 * before.getServiceDuration(), before.getWindows(), before.getPriority(), before.getSlaDue(),
                    before.getRequiredSkillLevels(), before.getRequiredTools(), before.getRequiredParts(), null);
            manager.addProblemChanges("day", List.of(PlanChanges.addVisit(urgent), PlanChanges.removeVisit("visit-1"),
                    PlanChanges.removeVisit("visit-0"), PlanChanges.replaceVisit(longer),
                    PlanChanges.endShift(first.getId(), 13 * HOUR)));
            await().atMost(Duration.ofSeconds(20)).until(() -> failure.get() != null || (best.get().visitOf("urgent") != null));
            assertThat(failure.get()).as("solver failure").isNull();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                DispatchPlan plan = best.get();
                PlannedVisit placed = plan.visitOf("urgent");
                return placed != null && placed.getRoute() != null && plan.getScore().isFeasible()
                        && plan.getUnassignedCustomerVisits().isEmpty();
            });
            manager.terminateEarly("day");
        }
        assertThat(failure.get()).as("solver failure").isNull();
        DispatchPlan plan = best.get();
        assertThat(plan.visitOf("visit-1")).isNull();
        assertThat(plan.visitOf("visit-0")).isNull();
        assertThat(plan.routeOf(first.getId()).getPinnedVisitCount()).isZero();
        assertThat(plan.visitOf("visit-2").getServiceDuration()).isEqualTo(2 * originalDuration);
        TechnicianRoute shortened = plan.routeOf(first.getId());
        assertThat(shortened.getShiftEnd()).isEqualTo(13 * HOUR);
        assertThat(shortened.getEndTime()).isLessThanOrEqualTo(13 * HOUR + shortened.getAllowedOvertime());
        assertThat(plan.visitOf("urgent").getSchedule().serviceStart()).isBetween(9 * HOUR, 12 * HOUR);
    }

    /** Publishing pins every planned visit to its route at once: each arrives as a replacement, in its place. */
    @Test
    void runningSolveTakesEveryPlacedVisitReplacedAndPinnedAtOnce() throws Exception {
        DispatchPlan problem = TestPlans.generated(5, 3, 10);
        SolverConfig config = SolverConfig.createFromXmlResource(DispatchSolverTest.SOLVER_CONFIG)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT).withRandomSeed(7L)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(60)));
        AtomicReference<DispatchPlan> best = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (SolverManager<DispatchPlan, String> manager = SolverManager.create(SolverFactory.create(config))) {
            manager.solveBuilder().withProblemId("day").withProblem(problem)
                    .withBestSolutionConsumer(best::set)
                    .withExceptionHandler((id, error) -> failure.set(error)).run();
            await().atMost(Duration.ofSeconds(20)).until(() -> best.get() != null
                    && best.get().getUnassignedCustomerVisits().isEmpty() && best.get().getScore().isFeasible());
            DispatchPlan solved = best.get();
            List<ai.timefold.solver.core.api.solver.change.ProblemChange<DispatchPlan>> published =
                    new java.util.ArrayList<>();
            for (TechnicianRoute route : solved.getRoutes()) {
                for (PlannedVisit placed : route.getVisits()) {
                    PlannedVisit pinned = PlannedVisit.customerVisit(placed.getId(), placed.getTicketId(),
                            placed.getLocation(), placed.getServiceDuration(), placed.getWindows(),
                            placed.getPriority(), placed.getSlaDue(), placed.getRequiredSkillLevels(),
                            placed.getRequiredTools(), placed.getRequiredParts(), null);
                    pinned.pinTo(route.getId());
                    published.add(PlanChanges.replaceVisit(pinned));
                }
            }
            DispatchPlan before = solved;
            manager.addProblemChanges("day", published);
            await().atMost(Duration.ofSeconds(20)).until(() -> failure.get() != null || best.get() != before);
            Thread.sleep(1000);
            manager.terminateEarly("day");
        }
        assertThat(failure.get()).as("solver failure").isNull();
        DispatchPlan plan = best.get();
        assertThat(plan.getUnassignedCustomerVisits()).isEmpty();
        for (TechnicianRoute route : plan.getRoutes()) {
            for (PlannedVisit visit : route.getVisits()) {
                assertThat(visit.getSchedule()).as("schedule of %s", visit.getId()).isNotNull();
                assertThat(visit.getPinnedRouteId()).isEqualTo(route.getId());
            }
        }
    }
}
