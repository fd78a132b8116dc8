package org.tehai.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.support.AdjustableClock;
import org.tehai.support.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A technician's day through the phone API: the published route, events sent twice and out of order, parts taken
 * from the van, a job that needs a follow-up, a door nobody opens, and going home early.
 */
@QuarkusTest
class TechnicianDayTest {

    @Inject
    AdjustableClock clock;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    private static final LocalDate DAY = LocalDate.of(2030, 3, 5);

    private record Published(long region, TestData.Technician technician, List<Long> visits, String part) {
    }

    /** One technician with 3 fuses in the van, three visits; proposed and published. */
    private static Published publishedDay() {
        long region = TestData.region();
        String part = TestData.part();
        String login = TestData.newLogin();
        Map<String, Object> body = new HashMap<>(TestData.technicianBody(region, login));
        body.put("vanStock", List.of(Map.of("partCode", part, "quantity", 3)));
        long technician = as(DISPATCHER).body(body).post("/api/technicians").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        TestData.shift(technician, DAY);
        List<Long> visits = List.of(TestData.visit(TestData.ticket(region), DAY),
                TestData.visit(TestData.ticket(region), DAY), TestData.visit(TestData.ticket(region), DAY));
        String path = "/api/regions/" + region + "/days/" + DAY;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1))
                .post(path + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(as(DISPATCHER).get(path + "/proposals/current")
                .then().extract().jsonPath().getString("status")));
        as(DISPATCHER).post(path + "/proposals/current/publish").then().statusCode(200).body("dispatched", equalTo(3));
        return new Published(region, new TestData.Technician(technician, login), visits, part);
    }

    private static Map<String, Object> event(String id, String type, Long visit, String time) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", id);
        event.put("type", type);
        event.put("visitId", visit);
        event.put("occurredAt", DAY + "T" + time + ":00+09:00");
        event.put("latitude", 35.70);
        event.put("longitude", 139.65);
        return event;
    }

    @Test
    void shouldShowTheRouteAndApplyEventsOnceInDeviceTimeOrder() {
        Published day = publishedDay();
        String me = day.technician().login();
        JsonPath route = as(me).get("/api/me/route?date=" + DAY).then().statusCode(200).body("visits", hasSize(3))
                .extract().jsonPath();
        assertThat(route.getInt("visits[0].position")).isEqualTo(1);
        assertThat(route.getString("visits[0].quotedWindow.start")).isNotNull();
        assertThat(route.getList("visits[0].customerAvailable.start", String.class))
                .containsExactly(DAY + "T09:00:00+09:00");
        assertThat(route.getString("visits[0].customerPhone")).isNotNull();
        long first = route.getLong("visits[0].visitId");

        // The phone was offline: the events arrive late, out of order, and then once more.
        Map<String, Object> done = event("e-3", "COMPLETED", first, "10:40");
        done.put("partsUsed", List.of(Map.of("partCode", day.part(), "quantity", 2)));
        done.put("notes", "Replaced the booster fuse");
        Map<String, Object> batch = Map.of("events", List.of(done, event("e-1", "EN_ROUTE", first, "09:30"),
                event("e-2", "ARRIVED", first, "09:55")));
        as(me).body(batch).post("/api/me/events").then().statusCode(200).body("applied", equalTo(3))
                .body("duplicates", equalTo(0));
        as(me).body(batch).post("/api/me/events").then().statusCode(200).body("applied", equalTo(0))
                .body("duplicates", equalTo(3));

        JsonPath visit = as(DISPATCHER).get("/api/visits/" + first).then().statusCode(200).extract().jsonPath();
        assertThat(visit.getString("status")).isEqualTo("DONE");
        assertThat(visit.getString("actualArrival")).startsWith(DAY + "T09:55");
        assertThat(visit.getString("actualDeparture")).startsWith(DAY + "T10:40");
        as(DISPATCHER).get("/api/tickets/" + visit.getLong("ticketId")).then().body("status", equalTo("RESOLVED"));
        as(DISPATCHER).get("/api/technicians/" + day.technician().id()).then()
                .body("vanStock[0].quantity", equalTo(1));
        List<String> kinds = as("manager").get("/api/notifications?size=500").then().extract().jsonPath()
                .getList("items.findAll { it.visitId == " + first + " }.kind");
        assertThat(kinds).contains("WINDOW_QUOTED", "TECHNICIAN_ON_THE_WAY", "VISIT_DONE");

        // The route says how the day stands, for any phone of the technician: started with its first report, a
        // break under way, then over.
        assertThat(route.getString("day.startedAt")).isNull();
        as(me).body(Map.of("events", List.of(event("e-4", "BREAK_STARTED", null, "10:45")))).post("/api/me/events")
                .then().statusCode(200).body("applied", equalTo(1));
        as(me).get("/api/me/route?date=" + DAY).then().statusCode(200)
                .body("day.startedAt", equalTo(DAY + "T09:30:00+09:00"))
                .body("day.onBreakSince", equalTo(DAY + "T10:45:00+09:00")).body("day.endedAt", equalTo(null));
        as(me).body(Map.of("events", List.of(event("e-5", "BREAK_ENDED", null, "11:30"),
                event("e-6", "DAY_ENDED", null, "18:00")))).post("/api/me/events").then().statusCode(200);
        as(me).get("/api/me/route?date=" + DAY).then().statusCode(200).body("day.onBreakSince", equalTo(null))
                .body("day.endedAt", equalTo(DAY + "T18:00:00+09:00"));
    }

    @Test
    void shouldNotLetAnEventWithoutVisitNameAnotherTechniciansVisit() {
        Published day = publishedDay();
        TestData.Technician colleague = TestData.technician(day.region());
        long theirs = day.visits().get(0);
        long versionBefore = as(DISPATCHER).get("/api/visits/" + theirs).then().statusCode(200).extract().jsonPath()
                .getLong("version");

        for (String type : List.of("BREAK_STARTED", "DAY_STARTED", "DAY_ENDED")) {
            Map<String, Object> event = event("c-" + type, type, theirs, "12:00");
            assertProblem(as(colleague.login()).body(Map.of("events", List.of(event))).post("/api/me/events").then(),
                    422, "events[0].visitId");
        }
        // Nothing happened to the visit, and the colleague cannot tell it from a missing one.
        as(DISPATCHER).get("/api/visits/" + theirs).then().body("version", equalTo((int) versionBefore))
                .body("status", equalTo("DISPATCHED"));
        assertProblem(as(colleague.login()).get("/api/visits/" + theirs).then(), 404);
        as(colleague.login()).get("/api/me/route?date=" + DAY).then().statusCode(200).body("visits", hasSize(0));
    }

    @Test
    void shouldCreateFollowUpsAndCallBacksAndHandBackWorkWhenGoingHomeEarly() {
        Published day = publishedDay();
        String me = day.technician().login();
        List<Long> order = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath()
                .getList("visits.visitId", Long.class);
        Map<String, Object> incomplete = event("i-1", "INCOMPLETE", order.get(0), "10:00");
        incomplete.put("followUp", Map.of("durationMinutes", 90, "parts", List.of(Map.of("partCode", day.part(),
                "quantity", 1)), "notes", "Needs a new amplifier"));
        Map<String, Object> noAccess = event("i-2", "NO_ACCESS", order.get(1), "11:30");
        noAccess.put("notes", "Nobody home, left a card");
        JsonPath outcome = as(me).body(Map.of("events", List.of(incomplete, noAccess,
                event("i-3", "DAY_ENDED", null, "12:00")))).post("/api/me/events").then().statusCode(200)
                .body("followUpVisitIds", hasSize(2)).extract().jsonPath();
        assertThat(outcome.getList("warnings", String.class)).anyMatch(w -> w.contains("went back to dispatch"));

        long followUp = outcome.getLong("followUpVisitIds[0]");
        as(DISPATCHER).get("/api/visits/" + followUp).then().statusCode(200).body("status", equalTo("UNPLANNED"))
                .body("estimatedDurationMinutes", equalTo(90)).body("requiredParts[0].partCode", equalTo(day.part()))
                .body("availability", hasSize(5));
        as(DISPATCHER).get("/api/visits/" + order.get(2)).then().body("status", equalTo("PLANNED"))
                .body("technicianId", equalTo(null)).body("quotedWindow", notNullValue());
        List<String> callbacks = as("agent").get("/api/callbacks?regionId=" + day.region()
                + "&dueBefore=2031-01-01T00:00:00Z").then().statusCode(200).extract().jsonPath().getList("items.kind");
        assertThat(callbacks).contains("NO_ACCESS");
    }

    @Test
    void shouldRefuseOtherTechniciansWorkAndBadEventsWritingNothing() {
        Published day = publishedDay();
        String stranger = TestData.technician(day.region()).login();
        long visit = day.visits().get(0);
        as(stranger).body(Map.of("events", List.of(event("x-1", "EN_ROUTE", visit, "09:00")))).post("/api/me/events")
                .then().statusCode(422).body("field", equalTo("events[0].visitId"))
                .body("code", equalTo("visit-not-on-route"));
        as(stranger).get("/api/me/route?date=" + DAY).then().statusCode(200).body("visits", hasSize(0));
        String me = day.technician().login();
        Map<String, Object> bad = event("x-3", "ARRIVED", visit, "09:10");
        bad.remove("occurredAt");
        as(me).body(Map.of("events", List.of(event("x-2", "EN_ROUTE", visit, "09:00"), bad))).post("/api/me/events")
                .then().statusCode(400).body("field", equalTo("events[1].occurredAt"))
                .body("code", equalTo("time-required"));
        as(DISPATCHER).get("/api/visits/" + visit).then().body("status", equalTo("DISPATCHED"));
        as(DISPATCHER).get("/api/me/route").then().statusCode(403);
        as(me).body(Map.of("positions", List.of(Map.of("latitude", 35.71, "longitude", 139.66, "recordedAt",
                DAY + "T09:05:00+09:00")))).post("/api/me/positions").then().statusCode(200).body("accepted", equalTo(1));
        as(me).body(Map.of("positions", List.of(Map.of("latitude", 95, "longitude", 139.66, "recordedAt",
                DAY + "T09:06:00+09:00")))).post("/api/me/positions").then().statusCode(400)
                .body("field", equalTo("positions[0].latitude"));
    }

    @Test
    void shouldAnswerWhereIsTheTechnicianAndFlagTheRiskWhenAJobOverruns() {
        Published day = publishedDay();
        String me = day.technician().login();
        List<Long> order = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath()
                .getList("visits.visitId", Long.class);
        long second = order.get(1);
        long ticket = as(DISPATCHER).get("/api/visits/" + second).then().extract().jsonPath().getLong("ticketId");
        as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200).body("state", equalTo("PLANNED"))
                .body("technicianFirstName", equalTo("Kenji")).body("visitsBefore", equalTo(1))
                .body("quotedWindow.start", notNullValue()).body("atRisk", equalTo(false));

        // The first job starts hours late: the rest of the day slips past the windows the customers were told.
        as(me).body(Map.of("events", List.of(event("r-1", "EN_ROUTE", order.get(0), "13:30"),
                event("r-2", "ARRIVED", order.get(0), "14:00")))).post("/api/me/events").then().statusCode(200);
        JsonPath answer = as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200).extract()
                .jsonPath();
        assertThat(answer.getBoolean("atRisk")).isTrue();
        assertThat(answer.getString("delayReason")).isEqualTo("previous job overran");
        assertThat(answer.getLong("delayMinutes")).isGreaterThan(60);
        assertThat(answer.getString("liveEstimate")).isGreaterThan(answer.getString("quotedWindow.end"));
        assertThat(answer.getString("sayToCaller")).contains("now looks like about");
        List<Map<String, Object>> callbacks = as("agent").get("/api/callbacks?regionId=" + day.region()
                + "&dueBefore=2031-01-01T00:00:00Z").then().extract().jsonPath().getList("items");
        assertThat(callbacks).anySatisfy(c -> {
            assertThat(c.get("kind")).isEqualTo("ARRIVAL_RISK");
            assertThat(((Number) c.get("ticketId")).longValue()).isEqualTo(ticket);
            assertThat((String) c.get("reason")).contains("previous job overran");
        });
        assertThat(as("agent").get("/api/tickets/" + ticket + "/contacts").then().extract().jsonPath()
                .getList("kind", String.class)).filteredOn("ARRIVAL_INQUIRY"::equals).hasSize(2);

        JsonPath requoted = as("agent").body(Map.of("reason", "first job took longer")).post("/api/visits/" + second
                + "/requote").then().statusCode(200).body("atRisk", equalTo(false)).extract().jsonPath();
        assertThat(requoted.getString("quotedWindow.endsAt")).isGreaterThan(requoted.getString("estimatedStart"));
        assertThat(requoted.getString("quotedWindow.startsAt")).isLessThanOrEqualTo(requoted.getString("estimatedStart"));
        as("agent").body(Map.of()).post("/api/visits/" + second + "/requote").then().statusCode(400)
                .body("field", equalTo("reason"));

        long customer = as("agent").get("/api/tickets/" + ticket).then().extract().jsonPath().getLong("customer.id");
        String phone = as("agent").get("/api/customers/" + customer).then().extract().jsonPath()
                .getString("phones[0].number");
        as("agent").get("/api/arrivals?phone=" + phone.replace("-", " ")).then().statusCode(200)
                .body("ticketId", org.hamcrest.Matchers.hasItem((int) ticket));
        as(me).get("/api/tickets/" + ticket + "/arrival").then().statusCode(403);
    }

    @Test
    void shouldWarnTheDeskWhileTheWindowStillRuns() {
        Published day = publishedDay();
        String me = day.technician().login();
        JsonPath route = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath();
        long first = route.getLong("visits[0].visitId");
        long last = route.getLong("visits[2].visitId");
        long ticket = as(DISPATCHER).get("/api/visits/" + last).then().extract().jsonPath().getLong("ticketId");
        OffsetDateTime firstStart = OffsetDateTime.parse(route.getString("visits[0].plannedStart"));
        OffsetDateTime windowEnd = OffsetDateTime.parse(route.getString("visits[2].quotedWindow.end"));
        try {
            clock.setTo(firstStart.toInstant());
            as(me).body(Map.of("events", List.of(timed("w-1", "ARRIVED", first, firstStart)))).post("/api/me/events")
                    .then().statusCode(200);
            // The first job runs on and on; the technician's phone reports its position every two minutes.
            JsonPath answer = null;
            for (OffsetDateTime at = firstStart.plusMinutes(60); at.isBefore(windowEnd); at = at.plusMinutes(2)) {
                clock.setTo(at.toInstant());
                as(me).body(Map.of("positions", List.of(Map.of("latitude", 35.70, "longitude", 139.65, "recordedAt",
                        at.toString())))).post("/api/me/positions").then().statusCode(200);
                answer = as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200).extract()
                        .jsonPath();
                if (answer.getBoolean("atRisk")) {
                    break;
                }
            }
            // The loop stops at the window's end: the desk learned of the risk while the window still ran.
            assertThat(answer.getBoolean("atRisk")).as("warned while the window still runs").isTrue();
            assertThat(OffsetDateTime.parse(answer.getString("liveEstimate"))).isAfter(firstStart.plusMinutes(60));
            List<Map<String, Object>> callbacks = as("agent").get("/api/callbacks?regionId=" + day.region()
                    + "&dueBefore=2031-01-01T00:00:00Z").then().extract().jsonPath().getList("items");
            assertThat(callbacks).anySatisfy(c -> {
                assertThat(c.get("kind")).isEqualTo("ARRIVAL_RISK");
                assertThat(((Number) c.get("ticketId")).longValue()).isEqualTo(ticket);
            });
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldWarnTheDeskAsSoonAsTheTechnicianSaysTheJobRunsLong() {
        Published day = publishedDay();
        String me = day.technician().login();
        JsonPath route = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath();
        long first = route.getLong("visits[0].visitId");
        long second = route.getLong("visits[1].visitId");
        long ticket = as(DISPATCHER).get("/api/visits/" + second).then().extract().jsonPath().getLong("ticketId");
        OffsetDateTime firstStart = OffsetDateTime.parse(route.getString("visits[0].plannedStart"));
        OffsetDateTime windowEnd = OffsetDateTime.parse(route.getString("visits[1].quotedWindow.end"));
        // A job type no finished visit of other tests has taught anything: what such jobs do is the prior.
        QuarkusTransaction.requiringNew().run(() -> org.tehai.visit.Visit.<org.tehai.visit.Visit>findById(first)
                .jobType = org.tehai.support.Api.unique("RARE_JOB"));
        try {
            clock.setTo(firstStart.toInstant());
            // Not on site yet: the report is kept, changes nothing, and says so.
            Map<String, Object> early = timed("l-0", "RUNNING_LONG", first, firstStart.minusMinutes(1));
            early.put("minutesLeft", 30);
            as(me).body(Map.of("events", List.of(early))).post("/api/me/events").then().statusCode(200)
                    .body("warnings[0]", containsString("not on site"));
            as(me).body(Map.of("events", List.of(timed("l-1", "ARRIVED", first, firstStart)))).post("/api/me/events")
                    .then().statusCode(200);
            OffsetDateTime now = firstStart.plusMinutes(15);
            clock.setTo(now.toInstant());
            as(me).body(Map.of("positions", List.of(Map.of("latitude", 35.70, "longitude", 139.65, "recordedAt",
                    now.toString())))).post("/api/me/positions").then().statusCode(200);
            as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200).body("atRisk", equalTo(false));

            // A quarter of an hour in, the technician sees the job will take until two hours past the next window's
            // end (a word believed in part, weighed with what such jobs do: still past it).
            long minutesLeft = Duration.between(now, windowEnd).toMinutes() + 120;
            Map<String, Object> runningLong = timed("l-2", "RUNNING_LONG", first, now);
            runningLong.put("minutesLeft", minutesLeft);
            as(me).body(Map.of("events", List.of(runningLong))).post("/api/me/events").then().statusCode(200)
                    .body("applied", equalTo(1)).body("warnings", hasSize(0));
            JsonPath answer = as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(answer.getBoolean("atRisk")).as("warned at once, an hour before the window ends").isTrue();
            assertThat(answer.getString("delayReason")).isEqualTo("previous job overran");
            assertThat(OffsetDateTime.parse(answer.getString("liveEstimate"))).isAfter(windowEnd);
            assertThat(OffsetDateTime.parse(as(DISPATCHER).get("/api/visits/" + first).then().extract().jsonPath()
                    .getString("expectedDone"))).isEqualTo(now.plusMinutes(minutesLeft));

            // What a report must say: the minutes, from 1 to 480, and only on this kind of event; nothing is written.
            Map<String, Object> none = timed("l-3", "RUNNING_LONG", first, now.plusMinutes(1));
            as(me).body(Map.of("events", List.of(none))).post("/api/me/events").then().statusCode(400)
                    .body("field", equalTo("events[0].minutesLeft")).body("code", equalTo("minutes-left-required"));
            for (Object bad : List.of(0, 481, -5)) {
                Map<String, Object> wrong = timed("l-4", "RUNNING_LONG", first, now.plusMinutes(1));
                wrong.put("minutesLeft", bad);
                as(me).body(Map.of("events", List.of(wrong))).post("/api/me/events").then().statusCode(400)
                        .body("field", equalTo("events[0].minutesLeft")).body("code", equalTo("minutes-left-range"));
            }
            Map<String, Object> notRunningLong = timed("l-5", "COMPLETED", first, now.plusMinutes(1));
            notRunningLong.put("minutesLeft", 10);
            as(me).body(Map.of("events", List.of(notRunningLong))).post("/api/me/events").then().statusCode(400)
                    .body("field", equalTo("events[0].minutesLeft"))
                    .body("code", equalTo("minutes-left-not-running-long"));
            as(DISPATCHER).get("/api/visits/" + first).then().body("status", equalTo("ON_SITE"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldMeasureTheDriveToAVisitFromTheReportsAndThePositionsBetween() {
        Published day = publishedDay();
        String me = day.technician().login();
        long first = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath().getLong("visits[0].visitId");
        OffsetDateTime left = OffsetDateTime.parse(DAY + "T08:40:00+09:00");
        Map<String, Object> enRoute = timed("d-1", "EN_ROUTE", first, left);
        enRoute.put("latitude", 35.66);
        enRoute.put("longitude", 139.60);
        as(me).body(Map.of("events", List.of(enRoute))).post("/api/me/events").then().statusCode(200);
        // A detour to the north on the way, then the site (the test sites are at 35.7046, 139.6494).
        as(me).body(Map.of("positions", List.of(
                Map.of("latitude", 35.72, "longitude", 139.62, "recordedAt", left.plusMinutes(8).toString()),
                Map.of("latitude", 35.73, "longitude", 139.64, "recordedAt", left.plusMinutes(16).toString()))))
                .post("/api/me/positions").then().statusCode(200);
        Map<String, Object> arrived = timed("d-2", "ARRIVED", first, left.plusMinutes(30));
        arrived.put("latitude", 35.7046);
        arrived.put("longitude", 139.6494);
        as(me).body(Map.of("events", List.of(arrived))).post("/api/me/events").then().statusCode(200);

        Object[] drive = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select extract(epoch from arrived_at - departed_at), direct_meters, trail_meters, trail_points, "
                        + "had_break from measured_drive where visit_id = ?1").setParameter(1, first)
                .getSingleResult());
        assertThat(((Number) drive[0]).longValue()).isEqualTo(30 * 60);
        assertThat(((Number) drive[3]).intValue()).isEqualTo(2);
        assertThat(((Number) drive[2]).doubleValue()).as("the trail's detour")
                .isGreaterThan(1.3 * ((Number) drive[1]).doubleValue());
        assertThat((Boolean) drive[4]).isFalse();
    }

    @Test
    void shouldNarrowTheLastWindowWhenTheDayGoesToPlan() {
        Published day = publishedDay();
        String me = day.technician().login();
        JsonPath route = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath();
        long last = route.getLong("visits[2].visitId");
        String toldStart = route.getString("visits[2].quotedWindow.start");
        String toldEnd = route.getString("visits[2].quotedWindow.end");
        long toldMinutes = Duration.between(OffsetDateTime.parse(toldStart), OffsetDateTime.parse(toldEnd)).toMinutes();
        assertThat(toldMinutes).as("two jobs before it make the last window wide").isGreaterThanOrEqualTo(90);

        // The first two jobs start and end exactly as planned.
        for (int i = 0; i < 2; i++) {
            long visit = route.getLong("visits[" + i + "].visitId");
            OffsetDateTime start = OffsetDateTime.parse(route.getString("visits[" + i + "].plannedStart"));
            as(me).body(Map.of("events", List.of(timed("n-" + i + "a", "ARRIVED", visit, start),
                    timed("n-" + i + "c", "COMPLETED", visit, start.plusMinutes(60))))).post("/api/me/events").then()
                    .statusCode(200);
        }

        JsonPath now = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.parse(now.getString("visits[2].quotedWindow.start"));
        OffsetDateTime end = OffsetDateTime.parse(now.getString("visits[2].quotedWindow.end"));
        assertThat(Duration.between(start, end).toMinutes()).isLessThanOrEqualTo(toldMinutes - 30);
        assertThat(start).isAfterOrEqualTo(OffsetDateTime.parse(toldStart));
        assertThat(end).isBeforeOrEqualTo(OffsetDateTime.parse(toldEnd));
        List<String> reasons = as("agent").get("/api/visits/" + last + "/quotes").then().statusCode(200).extract()
                .jsonPath().getList("reason", String.class);
        assertThat(reasons).first().isEqualTo("plan published");
        assertThat(reasons).last().asString().startsWith("narrowed");
        as(me).get("/api/visits/" + last + "/quotes").then().statusCode(403);
    }

    @Test
    void shouldAnswerWhereIsTheTechnicianInEveryState() {
        Published day = publishedDay();
        String me = day.technician().login();
        long waiting = TestData.ticket(day.region());
        TestData.visit(waiting, DAY);
        as("agent").get("/api/tickets/" + waiting + "/arrival").then().statusCode(200)
                .body("state", equalTo("NOT_YET_PLANNED")).body("quotedWindow", equalTo(null));

        long first = as(me).get("/api/me/route?date=" + DAY).then().extract().jsonPath().getLong("visits[0].visitId");
        long ticket = as(DISPATCHER).get("/api/visits/" + first).then().extract().jsonPath().getLong("ticketId");
        String arrival = "/api/tickets/" + ticket + "/arrival";
        as("agent").get(arrival).then().body("state", equalTo("PLANNED")).body("visitsBefore", equalTo(0))
                .body("lastPositionAgeMinutes", equalTo(null));

        clock.setTo(OffsetDateTime.parse(DAY + "T08:55:00+09:00").toInstant());
        try {
            as(me).body(Map.of("events", List.of(event("s-1", "EN_ROUTE", first, "08:50")))).post("/api/me/events")
                    .then().statusCode(200);
            as(me).body(Map.of("positions", List.of(Map.of("latitude", 35.701, "longitude", 139.652, "recordedAt",
                    DAY + "T08:52:00+09:00")))).post("/api/me/positions").then().statusCode(200);
            as("agent").get(arrival).then().body("state", equalTo("ON_THE_WAY"))
                    .body("technicianFirstName", equalTo("Kenji")).body("lastPositionAgeMinutes", equalTo(3));
        } finally {
            clock.reset();
        }

        as(me).body(Map.of("events", List.of(event("s-2", "ARRIVED", first, "09:05")))).post("/api/me/events").then()
                .statusCode(200);
        as("agent").get(arrival).then().body("state", equalTo("ON_SITE")).body("sayToCaller",
                org.hamcrest.Matchers.containsString("at your address"));

        as(me).body(Map.of("events", List.of(event("s-3", "COMPLETED", first, "10:00")))).post("/api/me/events").then()
                .statusCode(200);
        as("agent").get(arrival).then().body("state", equalTo("DONE"));
        assertThat(as("agent").get("/api/tickets/" + ticket + "/contacts").then().extract().jsonPath()
                .getList("kind", String.class)).filteredOn("ARRIVAL_INQUIRY"::equals).hasSize(4);
    }

    @Test
    void shouldChangeTheRouteVersionWhenTheDispatcherChangesTheRouteNotWhenTheTechnicianReports() {
        Published day = publishedDay();
        String me = day.technician().login();
        var first = as(me).get("/api/me/route?date=" + DAY).then().statusCode(200).header("ETag", notNullValue())
                .body("shift.start", notNullValue()).body("vanStock[0].quantity", equalTo(3))
                .body("technicianId", equalTo((int) day.technician().id())).extract();
        String version = first.jsonPath().getString("version");
        String tag = first.header("ETag");
        as(me).header("If-None-Match", tag).get("/api/me/route?date=" + DAY).then().statusCode(304);

        long visit = first.jsonPath().getLong("visits[0].visitId");
        as(me).body(Map.of("events", List.of(event("v-1", "EN_ROUTE", visit, "09:00")))).post("/api/me/events").then()
                .statusCode(200);
        var reported = as(me).header("If-None-Match", tag).get("/api/me/route?date=" + DAY).then().statusCode(200)
                .body("version", equalTo(version)).extract();
        assertThat(reported.header("ETag")).isNotEqualTo(tag);

        long other = first.jsonPath().getLong("visits[2].visitId");
        as(DISPATCHER).body(Map.of("reason", "Customer cancelled")).post("/api/visits/" + other + "/cancel").then()
                .statusCode(200);
        as(me).get("/api/me/route?date=" + DAY).then().statusCode(200).body("visits", hasSize(2))
                .body("version", org.hamcrest.Matchers.not(equalTo(version)));
    }

    @Test
    void shouldRefuseAPhoneThatHoldsAColleaguesWorkWritingNothing() {
        Published day = publishedDay();
        String me = day.technician().login();
        String colleague = TestData.technician(day.region()).login();
        long visit = day.visits().get(0);
        Map<String, Object> batch = Map.of("events", List.of(event("o-1", "EN_ROUTE", visit, "09:00")));
        Map<String, Object> positions = Map.of("positions", List.of(Map.of("latitude", 35.71, "longitude", 139.66,
                "recordedAt", DAY + "T09:05:00+09:00")));

        // The app holds the colleague's work while this technician is signed in on the browser: refused, all of it.
        assertProblem(as(me).header("X-Tehai-Phone-Owner", colleague).body(batch).post("/api/me/events").then(), 403,
                "X-Tehai-Phone-Owner").body("detail", containsString(colleague));
        assertProblem(as(me).header("X-Tehai-Phone-Owner", colleague).body(positions).post("/api/me/positions")
                .then(), 403, "X-Tehai-Phone-Owner");
        assertProblem(as(me).header("X-Tehai-Phone-Owner", colleague).get("/api/me/route?date=" + DAY).then(), 403,
                "X-Tehai-Phone-Owner");
        assertProblem(as(me).header("X-Tehai-Phone-Owner", "%zz").body(batch).post("/api/me/events").then(), 400,
                "X-Tehai-Phone-Owner");
        as(DISPATCHER).get("/api/visits/" + visit).then().body("status", equalTo("DISPATCHED"));
        as(DISPATCHER).get("/api/technicians/" + day.technician().id()).then().body("lastPosition", equalTo(null));

        // Its own app, the login URL-encoded: taken, and the refused batch had left nothing behind.
        String encoded = URLEncoder.encode(me, StandardCharsets.UTF_8);
        as(me).header("X-Tehai-Phone-Owner", encoded).body(batch).post("/api/me/events").then().statusCode(200)
                .body("applied", equalTo(1)).body("duplicates", equalTo(0));
        as(me).header("X-Tehai-Phone-Owner", encoded).get("/api/me/route?date=" + DAY).then().statusCode(200)
                .body("visits", hasSize(3));
        as(DISPATCHER).get("/api/visits/" + visit).then().body("status", equalTo("EN_ROUTE"));
    }

    private static Map<String, Object> timed(String id, String type, long visit, OffsetDateTime at) {
        Map<String, Object> event = event(id, type, visit, "00:00");
        event.put("occurredAt", at.toString());
        return event;
    }
}
