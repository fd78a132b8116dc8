package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
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
    void buildsTheFirstPlanOfADayWithMoreRoutesThanARegretInsertionLooksAt() {
        // 120 routes: each visit is inserted among the 30 whose able technicians live nearest to it.
        DispatchPlan problem = TestPlans.generated(5, RegretTable.ALL_ROUTES_UP_TO + 20, 240);
        Solver<DispatchPlan> solver = solver(EnvironmentMode.PHASE_ASSERT, new TerminationConfig()
                .withUnimprovedStepCountLimit(20)
                .withSpentLimit(Duration.ofSeconds(10)));

        DispatchPlan solved = solver.solve(problem);

        assertThat(solved.getScore().hardScore()).as("hard score of %s", solved.getScore()).isZero();
        assertThat(solved.getUnassignedCustomerVisits()).isEmpty();
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
        assertThat(phases).hasSize(4);
        assertThat(phases.get(0)).isInstanceOf(CustomPhaseConfig.class);
        assertThat(phases.get(1)).isInstanceOf(ConstructionHeuristicPhaseConfig.class);
        LocalSearchPhaseConfig annealing = (LocalSearchPhaseConfig) phases.get(2);
        LocalSearchPhaseConfig polishing = (LocalSearchPhaseConfig) phases.get(3);
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

    @Test
    void placesAnUrgentVisitOnlyOneTechnicianCanServeByTakingLessUrgentWorkOffTheirFullRoute() {
        // An overloaded day of 30 technicians and 450 visits (a dozen of its own P1 visits fit nowhere), plus the one
        // technician with the gas skill: their day is already full of P4 gas jobs when a P1 gas job comes in that
        // nobody else can do. Without evictions the search often had not placed it after 5 s.
        DispatchPlan day = TestPlans.generated(13, 30, 450);
        PlanningTechnician specialist = new PlanningTechnician("gas-tech", new Location(0, 0), Map.of("gas", 2),
                Set.of(), Map.of());
        TechnicianRoute full = new TechnicianRoute("route-gas", specialist, 8 * TestPlans.HOUR,
                17 * TestPlans.HOUR, 0, null);
        List<PlannedVisit> gasJobs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            gasJobs.add(gasJob("gas-p4-" + i, new Location(1 + i % 3, 1 + i / 3), PlanningPriority.P4));
        }
        PlannedVisit urgent = gasJob("gas-p1", new Location(2, 2), PlanningPriority.P1);
        List<PlanningTechnician> technicians = new ArrayList<>(day.getTechnicians());
        technicians.add(specialist);
        List<TechnicianRoute> routes = new ArrayList<>(day.getRoutes());
        routes.add(full);
        List<PlannedVisit> visits = new ArrayList<>(day.getVisits());
        visits.addAll(gasJobs);
        visits.add(urgent);
        DispatchPlan problem = new DispatchPlan(technicians, routes, visits, TestPlans.MINUTE_PER_KM);
        full.getVisits().addAll(gasJobs);
        // Solved until the P1 is on a route of a feasible best plan, ten seconds at most.
        Solver<DispatchPlan> solver = solver(EnvironmentMode.PHASE_ASSERT, new TerminationConfig()
                .withSpentLimit(Duration.ofSeconds(10)));
        AtomicLong placedAfter = new AtomicLong(-1);
        long started = System.nanoTime();
        solver.addEventListener(event -> {
            PlannedVisit best = event.getNewBestSolution().visitOf("gas-p1");
            if (best.getRoute() != null && event.getNewBestSolution().getScore().hardScore() == 0 && placedAfter.get() < 0) {
                placedAfter.set(System.nanoTime() - started);
                solver.terminateEarly();
            }
        });

        DispatchPlan solved = solver.solve(problem);

        assertThat(solved.visitOf("gas-p1").getRoute()).as("the P1 gas job's route").isNotNull();
        assertThat(solved.visitOf("gas-p1").getRoute().getId()).isEqualTo("route-gas");
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.routeOf("route-gas").getVisits()).as("the gas technician's day")
                .filteredOn(visit -> visit.getPriority() == PlanningPriority.P4).hasSize(8);
        assertThat(placedAfter.get()).as("nanoseconds until placed").isPositive()
                .isLessThan(Duration.ofSeconds(6).toNanos());
    }

    @Test
    void evictsLessUrgentWorkWithoutCorruptingTheScoreUnderFullAssert() {
        // Far more work than two technicians can do: visits of every priority wait, so the moves evict.
        DispatchPlan problem = TestPlans.generated(17, 2, 40);
        Solver<DispatchPlan> solver = solver(EnvironmentMode.FULL_ASSERT, new TerminationConfig()
                .withStepCountLimit(150));

        DispatchPlan solved = solver.solve(problem);

        assertThat(solved.getScore().hardScore()).isZero();
        // Nothing waits while something less urgent is served that a technician with the skill could drop.
        PlanningPriority mostUrgentWaiting = solved.getUnassignedCustomerVisits().stream()
                .map(PlannedVisit::getPriority).min(Comparator.naturalOrder()).orElseThrow();
        assertThat(mostUrgentWaiting).isNotEqualTo(PlanningPriority.P1);
    }

    /** A 55-minute gas job available all day. */
    private static PlannedVisit gasJob(String id, Location location, PlanningPriority priority) {
        return PlannedVisit.customerVisit(id, "ticket-" + id, location, 55 * TestPlans.MINUTE,
                List.of(new TimeWindow(0, 24 * TestPlans.HOUR)), priority, Long.MAX_VALUE, Map.of("gas", 1),
                Set.of(), Map.of(), null);
    }
}
