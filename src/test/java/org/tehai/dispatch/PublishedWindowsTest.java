package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The windows a published route gets: drawn from the technician's day, the break where it falls. */
@QuarkusTest
class PublishedWindowsTest {

    private static final LocalDate DAY = LocalDate.of(2030, 5, 14);

    @Test
    void shouldQuoteEachVisitOfARouteWithTheBreakInTheDay() {
        long region = TestData.region();
        long technician = TestData.technician(region).id();
        as(DISPATCHER).body(Map.of("start", "08:30", "end", "17:30", "maxOvertimeMinutes", 30, "breaks",
                List.of(Map.of("earliestStart", "11:30", "latestEnd", "14:00", "durationMinutes", 45))))
                .put("/api/technicians/" + technician + "/shifts/" + DAY).then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = new HashMap<>(TestData.visitBody(TestData.ticket(region), DAY));
            body.put("availability", List.of(TestData.window(DAY, 8, 18)));
            as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201);
        }
        TestData.proposeAndPublish(region, DAY);

        record Stop(Instant plannedStart, Instant windowStart, Instant windowEnd) {
        }
        List<Stop> route = QuarkusTransaction.requiringNew().call(() -> Visits.routeOf(
                Technician.<Technician>findById(technician), DAY).stream()
                .map(v -> new Stop(v.plannedStart, v.quotedWindowStart, v.quotedWindowEnd)).toList());
        long breaksBefore = QuarkusTransaction.requiringNew().call(() -> ((Number) Visit.getEntityManager()
                .createNativeQuery("select count(*) from plan_assignment a join plan p on p.id = a.plan_id "
                        + "where p.region_id = ?1 and p.work_date = ?2 and p.kind = 'PUBLISHED' and a.break_before")
                .setParameter(1, region).setParameter(2, DAY).getSingleResult()).longValue());

        // Six hour-long jobs and a 45-minute break fill the day: the plan takes the break once, before one drive.
        assertThat(route).hasSize(6);
        assertThat(breaksBefore).isEqualTo(1);
        Stop previous = null;
        for (Stop stop : route) {
            long width = Duration.between(stop.windowStart(), stop.windowEnd()).toMinutes();
            assertThat(width).isBetween(60L, 240L);
            assertThat(stop.windowStart().getEpochSecond() % 900).isZero();
            // Nobody is told a window that ends before the technician is planned to come.
            assertThat(stop.windowEnd()).isAfterOrEqualTo(stop.plannedStart());
            if (previous != null) {
                assertThat(stop.windowStart()).isAfterOrEqualTo(previous.windowStart());
                assertThat(stop.windowEnd()).isAfterOrEqualTo(previous.windowEnd());
            }
            previous = stop;
        }
        // The later on the route, the more work lies before the visit: the last window is wider than the first.
        assertThat(Duration.between(route.get(5).windowStart(), route.get(5).windowEnd()))
                .isGreaterThan(Duration.between(route.get(0).windowStart(), route.get(0).windowEnd()));
    }
}
