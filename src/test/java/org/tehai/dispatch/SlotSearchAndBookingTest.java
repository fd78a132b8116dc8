package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.arrival.ArrivalQuote;
import org.tehai.notification.Notification;
import org.tehai.notification.NotificationKind;
import org.tehai.support.AdjustableClock;
import org.tehai.support.TestData;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Slot offers for the desk: the best windows for a visit not yet dispatched, found by trial insertion into the
 * day's plan with the solver's score, and the booking of the window the caller takes.
 */
@QuarkusTest
class SlotSearchAndBookingTest {

    private static final LocalDate DAY = LocalDate.of(2031, 4, 15);
    private static final ZoneId ZONE = ZoneId.of(TestData.ZONE);
    private static final LocalTime SHIFT_START = LocalTime.of(8, 30);
    private static final LocalTime SHIFT_END = LocalTime.of(17, 30);

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Desk(long region, List<Long> technicians) {
    }

    /** Two FIBER technicians living apart, on shift 08:30-17:30 on each of {@code days} days from DAY. */
    private static Desk desk(int days) {
        long region = TestData.region();
        List<Long> technicians = new ArrayList<>();
        double[][] homes = { { 35.70, 139.65 }, { 35.66, 139.70 } };
        for (double[] home : homes) {
            Map<String, Object> body = new HashMap<>(TestData.technicianBody(region, TestData.newLogin()));
            body.put("homeLatitude", home[0]);
            body.put("homeLongitude", home[1]);
            long id = as(DISPATCHER).body(body).post("/api/technicians").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            for (int d = 0; d < days; d++) {
                TestData.shift(id, DAY.plusDays(d));
            }
            technicians.add(id);
        }
        return new Desk(region, technicians);
    }

    private static String options(long visit) {
        return "/api/visits/" + visit + "/slot-options";
    }

    private static String booking(long visit) {
        return "/api/visits/" + visit + "/booking";
    }

    private static OffsetDateTime time(JsonPath json, String path) {
        return OffsetDateTime.parse(json.getString(path));
    }

    @Test
    void shouldOfferTheBestWindowsWithinShiftsBestFirst() {
        Desk desk = desk(3);
        long visit = TestData.visit(TestData.ticket(desk.region()), DAY); // customer available 09:00-12:00 on DAY

        JsonPath answer = as(AGENT).get(options(visit) + "?from=" + DAY + "&days=3&count=5").then().statusCode(200)
                .body("visitId", equalTo((int) visit)).body("searched", hasSize(3)).extract().jsonPath();
        assertThat(answer.getString("searched[0].offeredWithin")).isEqualTo("availability");
        assertThat(answer.getString("searched[1].offeredWithin")).isEqualTo("shift day");
        assertThat(answer.getString("searched[0].plan")).isEqualTo("empty routes");
        assertThat(answer.getInt("searched[0].technicians")).isEqualTo(2);
        int size = answer.getList("options").size();
        assertThat(size).isEqualTo(5);
        // Empty routes put every visit at the start of the day: later passes offer later times too.
        assertThat(answer.getInt("searched[1].passes")).isGreaterThan(1);
        assertThat(answer.getList("options.plannedStart", String.class)).anyMatch(t -> OffsetDateTime.parse(t)
                .atZoneSameInstant(ZONE).toLocalTime().isAfter(LocalTime.of(10, 0)));
        assertThat(answer.getString("explanation")).isNull();

        List<List<Long>> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String o = "options[" + i + "]";
            assertThat(answer.getInt(o + ".rank")).isEqualTo(i + 1);
            assertThat(desk.technicians()).contains(answer.getLong(o + ".technician.id"));
            assertThat(answer.getString(o + ".technician.code")).isNotBlank();
            assertThat(answer.getString(o + ".technician.firstName")).isEqualTo("Kenji");
            LocalDate date = LocalDate.parse(answer.getString(o + ".date"));
            assertThat(date).isBetween(DAY, DAY.plusDays(2));
            OffsetDateTime start = time(answer, o + ".plannedStart");
            assertThat(start.atZoneSameInstant(ZONE).toLocalDate()).isEqualTo(date);
            LocalTime local = start.atZoneSameInstant(ZONE).toLocalTime();
            assertThat(local).as("within the shift").isBetween(SHIFT_START, SHIFT_END);
            if (date.equals(DAY)) {
                assertThat(local).as("within the customer's availability").isBetween(LocalTime.of(9, 0),
                        LocalTime.of(12, 0));
            }
            OffsetDateTime windowStart = time(answer, o + ".window.start");
            OffsetDateTime windowEnd = time(answer, o + ".window.end");
            assertThat(windowEnd).isAfter(windowStart);
            assertThat(answer.getLong(o + ".windowMinutes")).isBetween(60L, 240L);
            assertThat(answer.getString(o + ".booking.start")).isEqualTo(answer.getString(o + ".window.start"));
            assertThat(answer.getString(o + ".optionId")).isNotBlank();
            assertThat(answer.getLong(o + ".scoreImpact.hard")).isGreaterThanOrEqualTo(0);
            assertThat(answer.getString(o + ".scoreImpact.score")).contains("hard");
            scores.add(List.of(answer.getLong(o + ".scoreImpact.hard"), answer.getLong(o + ".scoreImpact.medium"),
                    answer.getLong(o + ".scoreImpact.soft")));
        }
        for (int i = 1; i < scores.size(); i++) {
            assertThat(compare(scores.get(i - 1), scores.get(i))).as("best first").isGreaterThanOrEqualTo(0);
        }
        // The service level is already late: the earliest day is the best place.
        assertThat(answer.getString("options[0].date")).isEqualTo(DAY.toString());
        // No two options quote the same window on the same day.
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            keys.add(answer.getString("options[" + i + "].date") + answer.getString("options[" + i + "].window.start")
                    + answer.getString("options[" + i + "].window.end"));
        }
        assertThat(keys).doesNotHaveDuplicates();

        as(DISPATCHER).get(options(visit) + "?from=" + DAY + "&days=3&count=2").then().statusCode(200)
                .body("options", hasSize(2)).body("count", equalTo(2));
        as(ADMIN).get(options(visit) + "?from=" + DAY + "&days=3&count=1").then().statusCode(200)
                .body("options", hasSize(1))
                .body("options[0].optionId", equalTo(answer.getString("options[0].optionId")));
    }

    @Test
    void shouldTryLaterStartsSpreadOverTheDayAndAtEachFurtherWindow() {
        long h = 3600;
        List<List<org.tehai.planning.TimeWindow>> passes = SlotSearch.laterStarts(List.of(
                new org.tehai.planning.TimeWindow(9 * h, 12 * h), new org.tehai.planning.TimeWindow(15 * h, 18 * h)));
        assertThat(passes).extracting(p -> p.get(0).start()).containsExactly(11 * h, 15 * h, 17 * h);
        assertThat(passes.get(0)).containsExactly(new org.tehai.planning.TimeWindow(11 * h, 12 * h),
                new org.tehai.planning.TimeWindow(15 * h, 18 * h));
        assertThat(SlotSearch.laterStarts(List.of(new org.tehai.planning.TimeWindow(9 * h, 12 * h))))
                .extracting(p -> p.get(0).start()).containsExactly(10 * h, 11 * h);
        assertThat(SlotSearch.laterStarts(List.of(new org.tehai.planning.TimeWindow(8 * h, 20 * h))))
                .extracting(p -> p.get(0).start()).containsExactly(10 * h + h / 2, 13 * h, 15 * h + h / 2, 18 * h);
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void shouldInsertIntoTheDaysProposalAndOfferSeveralPlacesOnARoute() {
        Desk desk = desk(1);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(TestData.visitBody(TestData.ticket(desk.region()), DAY));
            body.put("availability", List.of(TestData.window(DAY, 9, 17)));
            as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201);
        }
        String day = "/api/regions/" + desk.region() + "/days/" + DAY;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1)).post(day + "/proposals")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> "DONE".equals(
                as(DISPATCHER).get(day + "/proposals/current").then().extract().jsonPath().getString("status")));
        // A new visit, after the proposal was made: the customer can take any time of the day.
        Map<String, Object> body = new HashMap<>(TestData.visitBody(TestData.ticket(desk.region()), DAY));
        body.put("availability", List.of(TestData.window(DAY, 8, 18)));
        long visit = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");

        JsonPath answer = as(AGENT).get(options(visit) + "?from=" + DAY + "&days=1&count=20").then().statusCode(200)
                .body("searched[0].plan", equalTo("proposal 1")).extract().jsonPath();
        List<Integer> before = answer.getList("options.visitsBefore", Integer.class);
        assertThat(before).hasSizeGreaterThan(2);
        assertThat(before).as("places after other visits of the proposal").anyMatch(n -> n > 0);
        as(AGENT).get(options(visit) + "?from=" + DAY + "&days=1&count=2").then().statusCode(200)
                .body("options", hasSize(2));
    }

    @Test
    void shouldOfferNothingBeforeNowPlusTheLeadTimeToday() {
        Desk desk = desk(1);
        long visit = TestData.visit(TestData.ticket(desk.region()), DAY); // 09:00-12:00
        clock.setTo(DAY.atTime(10, 0).atZone(ZONE).toInstant());
        JsonPath answer = as(AGENT).get(options(visit) + "?days=1").then().statusCode(200)
                .body("from", equalTo(DAY.toString())).extract().jsonPath();
        assertThat(answer.getList("options")).isNotEmpty();
        for (int i = 0; i < answer.getList("options").size(); i++) {
            LocalTime start = time(answer, "options[" + i + "].plannedStart").atZoneSameInstant(ZONE).toLocalTime();
            LocalTime windowStart = time(answer, "options[" + i + "].window.start").atZoneSameInstant(ZONE)
                    .toLocalTime();
            assertThat(start).isBetween(LocalTime.of(10, 30), LocalTime.of(12, 0));
            assertThat(windowStart).isAfterOrEqualTo(LocalTime.of(10, 30));
        }
        assertProblem(as(AGENT).get(options(visit) + "?from=" + DAY.minusDays(1)).then(), 400, "from");
    }

    @Test
    void shouldSayWhyNothingCanBeOfferedWhenNobodyHasTheSkill() {
        Desk desk = desk(2);
        Map<String, Object> body = new HashMap<>(TestData.visitBody(TestData.ticket(desk.region()), DAY));
        body.put("requiredSkills", List.of(Map.of("skill", "ELEVATOR", "minLevel", 3)));
        long visit = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        JsonPath answer = as(AGENT).get(options(visit) + "?from=" + DAY + "&days=2").then().statusCode(200)
                .body("options", hasSize(0)).extract().jsonPath();
        assertThat(answer.getString("explanation")).contains("No technician with skill ELEVATOR level 3 works in");

        long region = TestData.region(); // nobody on shift at all
        long lonely = TestData.visit(TestData.ticket(region), DAY);
        assertThat(as(AGENT).get(options(lonely) + "?from=" + DAY).then().statusCode(200).body("options", hasSize(0))
                .extract().jsonPath().getString("explanation")).contains("has a shift");
    }

    @Test
    void shouldRefuseBadParametersStatusesAndRoles() {
        Desk desk = desk(1);
        long visit = TestData.visit(TestData.ticket(desk.region()), DAY);
        for (String bad : List.of("0", "21", "-1", "five", "2.5")) {
            assertProblem(as(AGENT).get(options(visit) + "?count=" + bad).then(), 400, "count");
        }
        assertProblem(as(AGENT).get(options(visit) + "?from=" + DAY + "&days=15").then(), 400, "days");
        assertProblem(as(AGENT).get(options(visit) + "?from=" + DAY + "&days=0").then(), 400, "days");
        assertProblem(as(AGENT).get(options(visit) + "?from=15.4.2031").then(), 400, "from");
        assertProblem(as(AGENT).get(options(visit) + "?from=" + DAY + "&anyTime=maybe").then(), 400, "anyTime");
        assertProblem(as(AGENT).get(options(999_999_999L)).then(), 404);

        String technician = TestData.technician(desk.region()).login();
        as(technician).get(options(visit) + "?from=" + DAY).then().statusCode(403);
        as(technician).body(Map.of("start", DAY + "T09:00:00+09:00", "end", DAY + "T11:00:00+09:00"))
                .post(booking(visit)).then().statusCode(403);
        as(MANAGER).get(options(visit) + "?from=" + DAY).then().statusCode(403);

        setStatus(visit, VisitStatus.DISPATCHED);
        assertProblem(as(AGENT).get(options(visit) + "?from=" + DAY).then(), 409, "status");
        assertProblem(as(AGENT).body(Map.of("start", DAY + "T09:00:00+09:00", "end", DAY + "T11:00:00+09:00"))
                .post(booking(visit)).then(), 409, "status");
        setStatus(visit, VisitStatus.DONE);
        assertProblem(as(AGENT).body(Map.of("start", DAY + "T09:00:00+09:00", "end", DAY + "T11:00:00+09:00"))
                .post(booking(visit)).then(), 409, "status");
    }

    private static void setStatus(long visit, VisitStatus status) {
        QuarkusTransaction.requiringNew().run(() -> Visit.<Visit>findById(visit).status = status);
    }

    @Test
    void shouldBookTheWindowTheCallerTakes() {
        Desk desk = desk(2);
        long visit = TestData.visit(TestData.ticket(desk.region()), DAY);
        JsonPath offered = as(AGENT).get(options(visit) + "?from=" + DAY + "&days=2&anyTime=true").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>(offered.getMap("options[0].booking"));
        body.values().removeIf(v -> v == null);

        JsonPath booked = as(AGENT).body(body).post(booking(visit)).then().statusCode(200)
                .body("visit.availability", hasSize(1)).body("quoteHistory", hasSize(1)).extract().jsonPath();
        OffsetDateTime start = time(offered, "options[0].window.start");
        OffsetDateTime end = time(offered, "options[0].window.end");
        assertThat(time(booked, "visit.availability[0].startsAt")).isAtSameInstantAs(start);
        assertThat(time(booked, "visit.availability[0].endsAt")).isAtSameInstantAs(end);
        assertThat(time(booked, "visit.quotedWindow.startsAt")).isAtSameInstantAs(start);
        assertThat(time(booked, "visit.quotedWindow.endsAt")).isAtSameInstantAs(end);
        assertThat(booked.getString("quoteHistory[0].reason")).isEqualTo("booked by agent");
        assertThat(booked.getString("visit.status")).isEqualTo("UNPLANNED");

        assertThat(time(booked, "quoteHistory[0].windowStart")).isAtSameInstantAs(start);

        // The visit as everyone reads it, the quote history and the customer's notification in the database.
        as(DISPATCHER).get("/api/visits/" + visit).then().statusCode(200).body("availability", hasSize(1))
                .body("quotedWindow.startsAt", equalTo(booked.getString("visit.quotedWindow.startsAt")));
        as(AGENT).get("/api/visits/" + visit + "/quotes").then().statusCode(200).body("", hasSize(1))
                .body("[0].reason", equalTo("booked by agent"))
                .body("[0].windowEnd", equalTo(booked.getString("quoteHistory[0].windowEnd")));
        List<String> history = QuarkusTransaction.requiringNew().call(() -> ArrivalQuote.history(Visit.findById(visit))
                .stream().map(q -> q.windowStart + "/" + q.windowEnd + "/" + q.reason).toList());
        assertThat(history).containsExactly(start.toInstant() + "/" + end.toInstant() + "/booked by agent");
        long told = QuarkusTransaction.requiringNew().call(() -> Notification.count("visit.id = ?1 and kind = ?2",
                visit, NotificationKind.WINDOW_QUOTED));
        assertThat(told).isEqualTo(1);

        // Booking again with an option id: a second quote, the window of that option.
        String option = offered.getString("options[1].optionId");
        JsonPath again = as(DISPATCHER).body(Map.of("optionId", option)).post(booking(visit)).then().statusCode(200)
                .body("quoteHistory", hasSize(2)).extract().jsonPath();
        assertThat(time(again, "window.start")).isAtSameInstantAs(time(offered, "options[1].window.start"));
        assertThat(again.getString("quoteHistory[1].reason")).isEqualTo("booked by dispatcher");
    }

    @Test
    void shouldRefuseABadWindowAndChangeNothing() {
        Desk desk = desk(1);
        long visit = TestData.visit(TestData.ticket(desk.region()), DAY);
        JsonPath before = as(AGENT).get("/api/visits/" + visit).then().statusCode(200).extract().jsonPath();

        assertProblem(as(AGENT).body(Map.of("start", DAY + "T11:00:00+09:00", "end", DAY + "T09:00:00+09:00"))
                .post(booking(visit)).then(), 400, "end");
        assertProblem(as(AGENT).body(Map.of("start", DAY + "T09:00:00+09:00", "end", DAY + "T09:00:00+09:00"))
                .post(booking(visit)).then(), 400, "end");
        assertProblem(as(AGENT).body(Map.of("start", DAY + "T09:00:00+09:00", "end", DAY + "T09:15:00+09:00"))
                .post(booking(visit)).then(), 400, "end");
        assertProblem(as(AGENT).body(Map.of("start", DAY + "T09:00:00+09:00", "end",
                DAY.plusDays(2) + "T09:00:00+09:00")).post(booking(visit)).then(), 400, "end");
        assertProblem(as(AGENT).body(Map.of("start", "2020-01-01T09:00:00+09:00", "end", "2020-01-01T11:00:00+09:00"))
                .post(booking(visit)).then(), 400, "end");
        assertProblem(as(AGENT).body(Map.of("end", DAY + "T11:00:00+09:00")).post(booking(visit)).then(), 400, "start");
        assertProblem(as(AGENT).body(Map.of("start", DAY + "T09:00:00+09:00")).post(booking(visit)).then(), 400, "end");
        assertProblem(as(AGENT).body(Map.of()).post(booking(visit)).then(), 400, "start");
        assertProblem(as(AGENT).body(Map.of("start", "tomorrow morning", "end", DAY + "T11:00:00+09:00"))
                .post(booking(visit)).then(), 400, "start");
        assertProblem(as(AGENT).body(Map.of("optionId", "not-an-option")).post(booking(visit)).then(), 400,
                "optionId");

        JsonPath after = as(AGENT).get("/api/visits/" + visit).then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("version")).isEqualTo(before.getLong("version"));
        assertThat(after.getList("availability")).isEqualTo(before.getList("availability"));
        assertThat(after.getString("quotedWindow")).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ArrivalQuote.history(Visit.findById(visit)))).isEmpty();
    }
}
