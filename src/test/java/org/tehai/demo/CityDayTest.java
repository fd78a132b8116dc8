package org.tehai.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.demo.RegionDayGenerator.RegionDay;
import org.tehai.dispatch.PlanningProblemBuilder;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.region.Region;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The city-size day loads next to whatever the shared test database holds (a region of its own, no replace): the
 * dispatcher sees 100 technicians on shift and 1,000 open visits on its date, and the earlier visits that give some
 * of them a preferred technician on the day before; and planning reads back the benchmark's day.
 */
@QuarkusTest
class CityDayTest {

    @Inject
    PlanningProblemBuilder problems;

    @Test
    void shouldLoadTheCitySizeDayForTheDispatcher() {
        LocalDate date = LocalDate.now(ZoneId.of(DemoRegion.TIME_ZONE)).plusDays(1);
        JsonPath loaded = as(ADMIN).post("/api/admin/demo-data?size=city&date=" + date).then().statusCode(201)
                .body("region", equalTo(CityDay.CODE)).body("date", equalTo(date.toString()))
                .body("technicians", equalTo(100)).body("visits", equalTo(1000)).extract().jsonPath();
        int revisits = loaded.getInt("revisits");

        JsonPath days = as(DISPATCHER).get("/api/regions/" + CityDay.CODE + "/days?from=" + date.minusDays(1) + "&to="
                + date).then().statusCode(200).extract().jsonPath();
        assertThat(days.getLong("[1].techniciansOnShift")).isEqualTo(100);
        assertThat(days.getLong("[1].open")).isEqualTo(1000);
        assertThat(days.getLong("[0].finished")).as("earlier visits of the preferred technicians").isEqualTo(revisits)
                .isBetween(10L, 80L);

        assertProblem(as(ADMIN).post("/api/admin/demo-data?size=city").then(), 409, "replace");

        // What the solver gets from the records is the dispatch benchmark's generated day.
        RegionDay generated = new RegionDayGenerator(100, 1000, RegionDayGenerator.BENCHMARK_SEED).generate();
        Problem read = QuarkusTransaction.requiringNew().call(() -> problems.build(Region.findByCode(CityDay.CODE),
                date));
        Map<String, String> generatedIdOf = new HashMap<>();
        read.routes().values().forEach(owner -> generatedIdOf.put(Long.toString(owner.technicianId()), "T"
                + owner.technicianCode().substring(2)));
        assertThat(customerVisits(read.plan().getVisits(), generatedIdOf))
                .containsExactlyInAnyOrderElementsOf(customerVisits(generated.visits(), Map.of()));
        assertThat(routes(read.plan().getRoutes(), generatedIdOf))
                .containsExactlyInAnyOrderElementsOf(routes(generated.routes(), Map.of()));
    }

    /** What the solver knows of each customer visit, its preferred technician named as the generator names it. */
    private static List<String> customerVisits(List<PlannedVisit> visits, Map<String, String> generatedIdOf) {
        return visits.stream().filter(PlannedVisit::isCustomer).map(v -> String.join("|", v.getLocation().toString(),
                Long.toString(v.getServiceDuration()), v.getWindows().toString(), v.getPriority().name(),
                Long.toString(v.getSlaDue()), new java.util.TreeMap<>(v.getRequiredSkillLevels()).toString(),
                new java.util.TreeSet<>(v.getRequiredTools()).toString(),
                new java.util.TreeMap<>(v.getRequiredParts()).toString(),
                String.valueOf(v.getPreferredTechnicianId() == null ? null
                        : generatedIdOf.getOrDefault(v.getPreferredTechnicianId(), v.getPreferredTechnicianId()))))
                .toList();
    }

    private static List<String> routes(List<TechnicianRoute> routes, Map<String, String> generatedIdOf) {
        return routes.stream().map(r -> String.join("|", Objects.toString(generatedIdOf.getOrDefault(
                r.getTechnician().getId(), r.getTechnician().getId())), r.getTechnician().getHome().toString(),
                new java.util.TreeMap<>(r.getTechnician().getSkillLevels()).toString(),
                new java.util.TreeSet<>(r.getTechnician().getTools()).toString(),
                new java.util.TreeMap<>(r.getTechnician().getVanStock()).toString(), Long.toString(r.getShiftStart()),
                Long.toString(r.getShiftEnd()), Long.toString(r.getAllowedOvertime()),
                String.valueOf(r.getBreakRule()))).toList();
    }

    @Test
    void shouldRefuseUnknownSizesAndCityParametersForTheDemoRegion() {
        assertProblem(as(ADMIN).post("/api/admin/demo-data?size=huge").then(), 400, "size");
        assertProblem(as(ADMIN).post("/api/admin/demo-data?visits=10").then(), 400, "size");
        assertProblem(as(ADMIN).post("/api/admin/demo-data?size=city&visits=0").then(), 400, "visits");
        assertProblem(as(ADMIN).post("/api/admin/demo-data?size=city&date=tomorrow").then(), 400, "date");
    }
}
