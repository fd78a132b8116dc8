package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dispatcher's board of a small region-day: one row per technician on shift with its stops in route order, the
 * visits nobody can take, what a proposal changes against the published plan, and a dragged visit's score impact
 * shown before it is dropped.
 */
@QuarkusTest
class BoardDayTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 14);

    private record Day(long region, List<Long> technicians, List<Long> visits, long unplannable) {
        String path() {
            return "/api/regions/" + region + "/days/" + DAY;
        }
    }

    /** Two technicians, four ordinary visits and one that needs a skill nobody has. */
    private static Day smallDay() {
        long region = TestData.region();
        List<Long> technicians = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long id = TestData.technician(region).id();
            TestData.shift(id, DAY);
            technicians.add(id);
        }
        List<Long> visits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            visits.add(TestData.visit(TestData.ticket(region), DAY));
        }
        Map<String, Object> body = new HashMap<>(TestData.visitBody(TestData.ticket(region), DAY));
        body.put("requiredSkills", List.of(Map.of("skill", "ELEVATOR", "minLevel", 3)));
        long unplannable = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        return new Day(region, technicians, visits, unplannable);
    }

    private static void proposeAndWait(Day day) {
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 3, "unimprovedSpentLimitSeconds", 1))
                .post(day.path() + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String status = as(DISPATCHER).get(day.path() + "/proposals/current").then().statusCode(200).extract()
                    .jsonPath().getString("status");
            return status.equals("DONE") || status.equals("STOPPED") || status.equals("FAILED");
        });
    }

    private static String board(Day day, String query) {
        return as(DISPATCHER).get(day.path() + "/board" + query).then().statusCode(200).extract().asString();
    }

    /** Per row (technician id), the visit ids of its customer stops in the order the board lists them. */
    private static Map<Long, List<Long>> routes(JsonPath board) {
        Map<Long, List<Long>> routes = new HashMap<>();
        List<Map<String, Object>> rows = board.getList("rows");
        for (int r = 0; r < rows.size(); r++) {
            routes.put(board.getLong("rows[" + r + "].technician.id"),
                    board.getList("rows[" + r + "].stops.findAll { it.kind == 'VISIT' }.visit.id", Long.class));
        }
        return routes;
    }

    /** Per visit id, its planned service start. */
    private static Map<Long, String> starts(JsonPath board) {
        Map<Long, String> starts = new HashMap<>();
        List<Map<String, Object>> rows = board.getList("rows");
        for (int r = 0; r < rows.size(); r++) {
            List<Long> ids = board.getList("rows[" + r + "].stops.findAll { it.kind == 'VISIT' }.visit.id", Long.class);
            List<String> times = board.getList("rows[" + r + "].stops.findAll { it.kind == 'VISIT' }.serviceStart");
            for (int i = 0; i < ids.size(); i++) {
                starts.put(ids.get(i), times.get(i));
            }
        }
        return starts;
    }

    @Test
    void shouldShowEachTechnicianOnShiftWithItsStopsInRouteOrderAndTheUnassignedVisits() {
        Day day = smallDay();
        as(DISPATCHER).get(day.path() + "/board").then().statusCode(404);
        proposeAndWait(day);

        JsonPath board = JsonPath.from(board(day, ""));
        assertThat(board.getString("plan.kind")).isEqualTo("PROPOSAL");
        assertThat(board.getInt("plan.number")).isEqualTo(1);
        assertThat(board.getBoolean("plan.solving")).isFalse();
        assertThat(board.getString("plan.score")).isEqualTo(as(DISPATCHER).get(day.path() + "/proposals/current")
                .then().extract().jsonPath().getString("score"));
        assertThat(board.getString("zone")).isEqualTo(TestData.ZONE);
        assertThat(board.getList("rows.technician.id", Long.class)).containsExactlyInAnyOrderElementsOf(
                day.technicians());
        assertThat(board.getString("rows[0].shiftStart")).isEqualTo(DAY + "T08:30:00+09:00");
        assertThat(board.getString("rows[0].technician.name")).isEqualTo("Kenji Tanaka");
        assertThat(board.getDouble("rows[0].home.latitude")).isEqualTo(35.70);

        Map<Long, List<Long>> routes = routes(board);
        assertThat(routes.values().stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(day.visits());
        JsonPath why = as(DISPATCHER).get(day.path() + "/proposals/current/explanation").then().statusCode(200)
                .extract().jsonPath();
        for (Long visit : day.visits()) {
            long technician = why.getLong("visits.find { it.visitId == " + visit + " }.technician.id");
            int position = why.getInt("visits.find { it.visitId == " + visit + " }.position");
            assertThat(routes.get(technician).indexOf(visit) + 1).as("position of visit %d", visit).isEqualTo(position);
        }
        List<Map<String, Object>> rows = board.getList("rows");
        for (int r = 0; r < rows.size(); r++) {
            List<String> times = board.getList("rows[" + r + "].stops.serviceStart");
            List<OffsetDateTime> parsed = times.stream().map(OffsetDateTime::parse).toList();
            assertThat(parsed).as("stops of row %d follow each other", r).isSortedAccordingTo(OffsetDateTime::compareTo);
            assertThat(times).allSatisfy(t -> assertThat(t).endsWith("+09:00"));
        }
        String first = "rows.find { it.stops.size() > 0 }.stops[0].";
        assertThat(board.getString(first + "visit.reference")).startsWith("TK");
        assertThat(board.getString(first + "visit.priority")).matches("P[1-4]");
        assertThat(board.getString(first + "visit.jobType")).isEqualTo("TV_BOOSTER_REPAIR");
        assertThat(board.getString(first + "visit.address")).contains("Koenji-minami");
        assertThat(board.getInt(first + "travelSeconds")).isPositive();
        assertThat(board.getString(first + "visit.diff")).as("nothing published yet").isEqualTo("NEW");

        assertThat(board.getList("unassigned.id", Long.class)).containsExactly(day.unplannable());
        assertThat(board.getString("unassigned[0].status")).isEqualTo("UNPLANNED");

        as(MANAGER).get(day.path() + "/board").then().statusCode(200);
        as("agent").get(day.path() + "/board").then().statusCode(403);
        as(DISPATCHER).get(day.path() + "/board?plan=published").then().statusCode(404);
    }

    @Test
    void shouldPreviewAMoveWithoutChangingTheProposalAndShowTheRealMove() {
        Day day = smallDay();
        proposeAndWait(day);
        String before = board(day, "?plan=proposal");
        JsonPath board = JsonPath.from(before);
        long from = board.getLong("rows.find { it.stops.size() > 0 }.technician.id");
        long visit = board.getLong("rows.find { it.stops.size() > 0 }.stops[0].visit.id");
        long to = day.technicians().stream().filter(t -> t != from).findFirst().orElseThrow();
        Map<String, Object> drag = new HashMap<>(Map.of("visitId", visit, "technicianId", to, "position", 1));

        drag.put("preview", true);
        JsonPath preview = as(DISPATCHER).body(drag).post(day.path() + "/proposals/current/moves").then()
                .statusCode(200).body("preview", equalTo(true)).body("technician.id", equalTo((int) to))
                .extract().jsonPath();
        assertThat(preview.getString("scoreBefore")).isEqualTo(board.getString("plan.score"));
        assertThat(preview.getString("scoreAfter")).isNotBlank();
        assertThat(preview.getString("scoreChange")).isNotBlank();
        assertThat(board(day, "?plan=proposal")).as("a preview changes nothing").isEqualTo(before);
        as(DISPATCHER).get("/api/visits/" + visit).then().body("pinned", equalTo(false));
        // Previews read one problem shared with the visit's panel: each leaves it as it found it.
        for (int again = 0; again < 2; again++) {
            as(DISPATCHER).body(drag).post(day.path() + "/proposals/current/moves").then().statusCode(200)
                    .body("scoreBefore", equalTo(board.getString("plan.score")))
                    .body("scoreAfter", equalTo(preview.getString("scoreAfter")));
            as(DISPATCHER).get(day.path() + "/proposals/current/explanation?visit=" + visit).then().statusCode(200)
                    .body("visits[0].technician.id", equalTo((int) from)).body("visits[0].position", equalTo(1))
                    .body("score", equalTo(board.getString("plan.score")));
        }

        drag.remove("preview");
        JsonPath moved = as(DISPATCHER).body(drag).post(day.path() + "/proposals/current/moves").then()
                .statusCode(200).body("preview", equalTo(false)).extract().jsonPath();
        assertThat(moved.getString("scoreAfter")).as("the preview told the truth")
                .isEqualTo(preview.getString("scoreAfter"));
        String after = board(day, "?plan=proposal");
        assertThat(after).isNotEqualTo(before);
        JsonPath changed = JsonPath.from(after);
        assertThat(routes(changed).get(to)).first().isEqualTo(visit);
        assertThat(routes(changed).get(from)).doesNotContain(visit);
        assertThat(changed.getBoolean("rows.find { it.technician.id == " + to + " }.stops.find { it.kind == 'VISIT' }"
                + ".visit.pinned")).isTrue();
        assertThat(changed.getString("plan.score")).isEqualTo(moved.getString("scoreAfter"));
        drag.put("preview", true);
        as(DISPATCHER).body(drag).post(day.path() + "/proposals/current/moves").then().statusCode(200)
                .body("scoreBefore", equalTo(moved.getString("scoreAfter")));
    }

    @Test
    void shouldMoveAVisitWithoutAPositionToTheBestPlaceOnTheRoute() {
        Day day = smallDay();
        proposeAndWait(day);
        JsonPath board = JsonPath.from(board(day, "?plan=proposal"));
        long from = board.getLong("rows.find { it.stops.size() > 0 }.technician.id");
        long visit = board.getLong("rows.find { it.stops.size() > 0 }.stops[0].visit.id");
        long to = day.technicians().stream().filter(t -> t != from).findFirst().orElseThrow();
        int places = routes(board).get(to).size() + 1;
        List<long[]> byPosition = new ArrayList<>();
        for (int position = 1; position <= places; position++) {
            byPosition.add(score(as(DISPATCHER).body(Map.of("visitId", visit, "technicianId", to, "position", position,
                    "pin", false, "preview", true)).post(day.path() + "/proposals/current/moves").then().statusCode(200)
                    .extract().jsonPath().getString("scoreAfter")));
        }
        JsonPath best = as(DISPATCHER).body(Map.of("visitId", visit, "technicianId", to, "pin", false, "preview", true))
                .post(day.path() + "/proposals/current/moves").then().statusCode(200).extract().jsonPath();
        long[] chosen = score(best.getString("scoreAfter"));
        assertThat(byPosition).allSatisfy(other -> assertThat(compare(chosen, other)).isGreaterThanOrEqualTo(0));
        assertThat(compare(chosen, byPosition.get(best.getInt("position") - 1))).isZero();
    }

    /** "0hard/-10medium/-1234soft" as its three levels. */
    private static long[] score(String score) {
        String[] levels = score.split("/");
        long[] values = new long[levels.length];
        for (int i = 0; i < levels.length; i++) {
            values[i] = Long.parseLong(levels[i].replaceAll("[a-z]", ""));
        }
        return values;
    }

    private static int compare(long[] a, long[] b) {
        return java.util.Arrays.compare(a, b);
    }

    @Test
    void shouldShowThePublishedPlanWithTheStopsOfTheProposal() {
        Day day = smallDay();
        proposeAndWait(day);
        JsonPath proposal = JsonPath.from(board(day, ""));
        as(DISPATCHER).post(day.path() + "/proposals/current/publish").then().statusCode(200);

        JsonPath published = JsonPath.from(board(day, "?plan=published"));
        assertThat(published.getString("plan.kind")).isEqualTo("PUBLISHED");
        assertThat(published.getString("plan.status")).isEqualTo("CURRENT");
        assertThat(routes(published)).isEqualTo(routes(proposal));
        assertThat(starts(published)).isEqualTo(starts(proposal));
        String first = "rows.find { it.stops.size() > 0 }.stops[0].visit.";
        assertThat(published.getString(first + "status")).isEqualTo("DISPATCHED");
        assertThat(published.getString(first + "quotedWindow.start")).isNotNull();
        assertThat(published.getBoolean(first + "breaksQuotedWindow")).isFalse();
        assertThat(published.getString(first + "diff")).as("no markers on the published plan").isNull();
        assertThat(published.getList("unassigned.id", Long.class)).containsExactly(day.unplannable());
        // The published plan says why too, as the proposal did.
        for (String plan : List.of("proposal", "published")) {
            JsonPath why = as(DISPATCHER).get(day.path() + "/unassigned?plan=" + plan).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(why.getList("visits.visitId", Long.class)).as(plan).containsExactly(day.unplannable());
            assertThat(why.getString("visits[0].reasons[0]")).as(plan)
                    .startsWith("No technician with skill ELEVATOR level 3 works in");
            assertThat(why.getString("visits[0].reasonsJapanese[0]")).as(plan)
                    .endsWith("で勤務する技術者に、スキル ELEVATOR レベル3を持つ人がいません。");
        }
        assertThat(JsonPath.from(board(day, "")).getString("plan.kind")).as("the default once published")
                .isEqualTo("PUBLISHED");

        JsonPath accepted = JsonPath.from(board(day, "?plan=proposal"));
        assertThat(accepted.getString("plan.status")).isEqualTo("ACCEPTED");
        assertThat(accepted.getInt("plan.comparedWithPublished")).isEqualTo(published.getInt("plan.number"));
        assertThat(accepted.getList("rows.stops.flatten().visit.diff", String.class)).containsOnly("UNCHANGED");
    }

    @Test
    void shouldShowTheDepotStopWhereATechnicianLoadsAPartBeforeTheVisitThatNeedsIt() {
        Day day = smallDay();
        String part = TestData.part();
        String depot = org.tehai.support.Api.unique("D");
        as(DISPATCHER).body(Map.of("regionId", day.region(), "code", depot, "name", "Depot " + depot, "address",
                "1-1 Nakano", "latitude", 35.70, "longitude", 139.66, "stock",
                List.of(Map.of("partCode", part, "quantity", 5)))).post("/api/depots").then().statusCode(201);
        Map<String, Object> body = new HashMap<>(TestData.visitBody(TestData.ticket(day.region()), DAY));
        body.put("requiredParts", List.of(Map.of("partCode", part, "quantity", 1)));
        long needsPart = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        proposeAndWait(day);

        JsonPath board = JsonPath.from(board(day, ""));
        String row = "rows.find { it.stops.any { s -> s.visit?.id == " + needsPart + " } }.stops";
        List<String> kinds = board.getList(row + ".kind");
        List<Long> ids = board.getList(row + ".collect { it.visit?.id }", Long.class);
        int depotAt = kinds.indexOf("DEPOT");
        assertThat(depotAt).as("a depot stop on the route").isNotNegative();
        assertThat(depotAt).as("before the visit that needs the part").isLessThan(ids.indexOf(needsPart));
        assertThat(board.getString(row + "[" + depotAt + "].depot.code")).isEqualTo(depot);
        assertThat(board.getDouble(row + "[" + depotAt + "].depot.latitude")).isEqualTo(35.70);
        assertThat(OffsetDateTime.parse(board.getString(row + "[" + depotAt + "].plannedArrival")))
                .isAfterOrEqualTo(OffsetDateTime.parse(DAY + "T08:30:00+09:00"));
    }

    @Test
    void shouldRefuseAnUnknownPlanNamingIt() {
        Day day = smallDay();
        assertProblem(as(DISPATCHER).get(day.path() + "/board?plan=draft").then(), 400, "plan");
        assertProblem(as(DISPATCHER).get("/api/regions/" + day.region() + "/days/2030-02-30/board").then(), 400,
                "date");
        assertProblem(as(DISPATCHER).get("/api/regions/NO-SUCH-REGION/days/" + DAY + "/board").then(), 404);
    }
}
