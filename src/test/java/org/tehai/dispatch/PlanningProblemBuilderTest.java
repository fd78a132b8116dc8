package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.VisitKind;
import org.tehai.region.Region;
import org.tehai.support.TestData;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A region-day in the database becomes a solver snapshot that the application's solver plans completely. */
@QuarkusTest
class PlanningProblemBuilderTest {

    private static final LocalDate DAY = LocalDate.of(2030, 1, 8);

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    SolverFactory<DispatchPlan> solverFactory;

    @Test
    void shouldPlanEveryVisitOfARegionDayFromTheDatabase() {
        long region = TestData.region();
        as(DISPATCHER).body(Map.of("regionId", region, "code", org.tehai.support.Api.unique("DEPOT"), "name", "Depot",
                "latitude", 35.70, "longitude", 139.66, "stock", List.of())).post("/api/depots").then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            TestData.shift(TestData.technician(region).id(), DAY);
        }
        TestData.technician(region); // no shift that day: not in the plan
        for (int i = 0; i < 4; i++) {
            TestData.visit(TestData.ticket(region), DAY);
        }
        TestData.visit(TestData.ticket(region), DAY.plusDays(1)); // another day

        PlanningProblemBuilder.Problem problem = QuarkusTransaction.requiringNew()
                .call(() -> builder.build(Region.findById(region), DAY));
        DispatchPlan plan = problem.plan();
        assertThat(plan.getRoutes()).hasSize(2);
        assertThat(plan.getVisits().stream().filter(v -> v.getKind() == VisitKind.CUSTOMER)).hasSize(4);
        assertThat(plan.getVisits().stream().filter(v -> v.getKind() == VisitKind.DEPOT_STOP)).hasSize(2);
        PlannedVisit first = plan.getVisits().stream().filter(v -> v.getKind() == VisitKind.CUSTOMER).findFirst()
                .orElseThrow();
        // 09:00-12:00 local time, counted from local midnight of the day.
        assertThat(first.getWindows().get(0).start()).isEqualTo(Duration.ofHours(9).toSeconds());
        assertThat(first.getWindows().get(0).end()).isEqualTo(Duration.ofHours(12).toSeconds());

        DispatchPlan solved = solverFactory.buildSolver(new SolverConfigOverride<DispatchPlan>()
                .withTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(300)
                        .withSpentLimit(Duration.ofSeconds(5)))).solve(plan);
        assertThat(solved.getScore().hardScore()).as("hard score of %s", solved.getScore()).isZero();
        assertThat(solved.getUnassignedCustomerVisits()).isEmpty();

        as(DISPATCHER).get("/api/regions/" + region + "/days?from=" + DAY + "&to=" + DAY.plusDays(1)).then()
                .statusCode(200)
                .body("[0].date", equalTo(DAY.toString())).body("[0].techniciansOnShift", equalTo(2))
                .body("[0].open", equalTo(4)).body("[1].open", equalTo(1)).body("[1].techniciansOnShift", equalTo(0));
    }

    @Test
    void shouldRefuseUnknownRegionsAndLongPeriods() {
        as(DISPATCHER).get("/api/regions/NOWHERE/days").then().statusCode(404);
        long region = TestData.region();
        as(DISPATCHER).get("/api/regions/" + region + "/days?from=2030-01-01&to=2030-06-01").then().statusCode(400)
                .body("field", equalTo("to"));
        as("agent").get("/api/regions/" + region + "/days").then().statusCode(403);
    }
}
