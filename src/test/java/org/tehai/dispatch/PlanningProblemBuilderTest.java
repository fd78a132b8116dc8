package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.VisitKind;
import org.tehai.region.Region;
import org.tehai.support.TestData;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

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
    void shouldTimeTheWorkUnderWayAsItHappensAndAsTheTechnicianSays() {
        LocalDate day = DAY.plusDays(2);
        long region = TestData.region();
        long technician = TestData.technician(region).id();
        TestData.shift(technician, day);
        long done = TestData.visit(TestData.ticket(region), day);
        long onSite = TestData.visit(TestData.ticket(region), day);
        Map<String, Object> afternoon = new HashMap<>(TestData.visitBody(TestData.ticket(region), day));
        afternoon.put("availability", List.of(TestData.window(day, 9, 18)));
        long next = as(DISPATCHER).body(afternoon).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Function<String, Instant> at = time -> OffsetDateTime
                .parse(day + "T" + time + ":00+09:00").toInstant();
        long shiftId = QuarkusTransaction.requiringNew().call(() -> {
            Technician who = Technician.findById(technician);
            Shift shift = Shift.find(technician, day);
            Visit first = Visit.findById(done);
            first.dispatchTo(who, shift, 0, at.apply("09:00"));
            first.advanceTo(VisitStatus.ON_SITE, at.apply("09:10"));
            first.finish(VisitStatus.DONE, at.apply("09:40"), "fixed"); // half the hour planned
            Visit second = Visit.findById(onSite);
            second.dispatchTo(who, shift, 1, at.apply("10:00"));
            second.advanceTo(VisitStatus.ON_SITE, at.apply("10:00"));
            second.expectDone(at.apply("12:30"), at.apply("11:00")); // an hour planned; the technician says 12:30
            Visit third = Visit.findById(next);
            third.dispatchTo(who, shift, 2, at.apply("11:15"));
            return shift.id;
        });

        DispatchPlan plan = QuarkusTransaction.requiringNew().call(() -> builder.build(Region.findById(region), day,
                null, Map.of(Long.toString(next), new PlanningProblemBuilder.Placement(shiftId, 2)))).plan();
        ToLongFunction<String> seconds = time -> LocalTime.parse(time).toSecondOfDay(); // from local midnight
        PlannedVisit first = plan.visitOf(Long.toString(done));
        assertThat(first.getSchedule().serviceStart()).isEqualTo(seconds.applyAsLong("09:10"));
        assertThat(first.getSchedule().departureTime()).isEqualTo(seconds.applyAsLong("09:40"));
        PlannedVisit second = plan.visitOf(Long.toString(onSite));
        assertThat(second.getSchedule().serviceStart()).isEqualTo(seconds.applyAsLong("10:00"));
        assertThat(second.getSchedule().departureTime()).as("the end the technician said")
                .isEqualTo(seconds.applyAsLong("12:30"));
        PlannedVisit third = plan.visitOf(Long.toString(next));
        assertThat(third.getRoute()).isSameAs(second.getRoute());
        assertThat(third.getSchedule().serviceStart()).as("the next customer waits for the job that runs long")
                .isEqualTo(seconds.applyAsLong("12:30") + third.getTravelTimeFromPrevious());
        assertThat(third.getQuotedWindowMiss()).isZero(); // no window was told in this test
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
