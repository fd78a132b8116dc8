package org.tehai.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.as;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.support.AdjustableClock;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A job that runs on while the phone on site says nothing: the periodic re-estimation warns the desk in time. */
@QuarkusTest
class EstimateTickTest {

    private static final LocalDate DAY = LocalDate.of(2030, 4, 9);

    @Inject
    AdjustableClock clock;

    @Inject
    EstimateTick tick;

    @Test
    void shouldFlagTheNextVisitAtRiskWhileTheWindowRunsThoughThePhoneIsSilent() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        TestData.shift(technician.id(), DAY);
        TestData.visit(TestData.ticket(region), DAY);
        TestData.visit(TestData.ticket(region), DAY);
        TestData.proposeAndPublish(region, DAY);
        String me = technician.login();
        JsonPath route = as(me).get("/api/me/route?date=" + DAY).then().statusCode(200).extract().jsonPath();
        long first = route.getLong("visits[0].visitId");
        long second = route.getLong("visits[1].visitId");
        long ticket = as("agent").get("/api/visits/" + second).then().extract().jsonPath().getLong("ticketId");
        OffsetDateTime arrived = OffsetDateTime.parse(route.getString("visits[0].plannedStart"));
        OffsetDateTime windowEnd = OffsetDateTime.parse(route.getString("visits[1].quotedWindow.end"));
        try {
            clock.setTo(arrived.toInstant());
            Map<String, Object> event = new HashMap<>();
            event.put("eventId", "tick-1");
            event.put("type", "ARRIVED");
            event.put("visitId", first);
            event.put("occurredAt", arrived.toString());
            as(me).body(Map.of("events", List.of(event))).post("/api/me/events").then().statusCode(200);
            assertThat(atRisk(ticket)).as("on time when the first job starts").isFalse();

            // The first job (an hour) runs on and on; the phone sends nothing. Time passing alone changes nothing
            // without the tick ...
            OffsetDateTime late = windowEnd.minusMinutes(2);
            clock.setTo(late.toInstant());
            assertThat(atRisk(ticket)).isFalse();
            // ... and everything with it: still on the first job two minutes before the next window ends (next door).
            assertThat(tick.reestimateDaysUnderWay()).isPositive();
            assertThat(atRisk(ticket)).as("warned by the tick before the window's end").isTrue();
            List<Map<String, Object>> callbacks = as("agent").get("/api/callbacks?regionId=" + region
                    + "&dueBefore=2031-01-01T00:00:00Z").then().extract().jsonPath().getList("items");
            assertThat(callbacks).anySatisfy(c -> {
                assertThat(c.get("kind")).isEqualTo("ARRIVAL_RISK");
                assertThat(((Number) c.get("ticketId")).longValue()).isEqualTo(ticket);
            });

            // A second tick finds the visit flagged already: no second call-back for the same window.
            tick.reestimateDaysUnderWay();
            long riskCallbacks = as("agent").get("/api/callbacks?regionId=" + region
                    + "&dueBefore=2031-01-01T00:00:00Z").then().extract().jsonPath().getList("items.kind", String.class)
                    .stream().filter("ARRIVAL_RISK"::equals).count();
            assertThat(riskCallbacks).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    private static boolean atRisk(long ticket) {
        return as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200).extract().jsonPath()
                .getBoolean("atRisk");
    }
}
