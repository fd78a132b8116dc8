package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dispatcher's day on a small region: propose, follow progress, review the diff and the reasons, move a visit,
 * publish, and see the customers' windows quoted.
 */
@QuarkusTest
class DispatchWorkflowTest {

    private static final LocalDate DAY = LocalDate.of(2030, 2, 12);

    private record Day(long region, List<Long> technicians, List<Long> visits) {
        String path() {
            return "/api/regions/" + region + "/days/" + DAY;
        }
    }

    private static Day smallDay(int technicianCount, int visitCount) {
        long region = TestData.region();
        List<Long> technicians = new java.util.ArrayList<>();
        for (int i = 0; i < technicianCount; i++) {
            long id = TestData.technician(region).id();
            TestData.shift(id, DAY);
            technicians.add(id);
        }
        List<Long> visits = new java.util.ArrayList<>();
        for (int i = 0; i < visitCount; i++) {
            visits.add(TestData.visit(TestData.ticket(region), DAY));
        }
        return new Day(region, technicians, visits);
    }

    private static JsonPath waitUntilSolved(Day day) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String status = as(DISPATCHER).get(day.path() + "/proposals/current").then().statusCode(200).extract()
                    .jsonPath().getString("status");
            return status.equals("DONE") || status.equals("STOPPED") || status.equals("FAILED");
        });
        return as(DISPATCHER).get(day.path() + "/proposals/current").then().extract().jsonPath();
    }

    @Test
    void shouldProposeReviewMoveAndPublish() {
        Day day = smallDay(2, 4);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 3, "unimprovedSpentLimitSeconds", 1))
                .post(day.path() + "/proposals").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith(day.path() + "/proposals/current"))
                .body("number", equalTo(1));
        JsonPath done = waitUntilSolved(day);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("assigned")).isEqualTo(4);
        assertThat(done.getBoolean("feasible")).isTrue();
        assertThat(done.getList("history")).isNotEmpty();

        JsonPath diff = as(DISPATCHER).get(day.path() + "/proposals/current/diff").then().statusCode(200).extract()
                .jsonPath();
        assertThat(diff.getInt("summary.newlyAssigned")).isEqualTo(4);
        assertThat(diff.getList("technicians")).hasSize(2);

        JsonPath why = as(DISPATCHER).get(day.path() + "/proposals/current/explanation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(why.getList("visits")).hasSize(4);
        assertThat(why.getString("score")).as("the plan rebuilt for review scores as solved").isEqualTo(
                done.getString("score"));
        assertThat(why.getList("visits[0].reasons", String.class)).anySatisfy(r -> assertThat(r).contains("drive from"));
        // The same reasons in Japanese beside them, one for one.
        assertThat(why.getList("visits[0].reasonsJapanese", String.class))
                .hasSameSizeAs(why.getList("visits[0].reasons"))
                .anySatisfy(r -> assertThat(r).containsPattern("(自宅|前の訪問先|デポ)から移動(\\d+時間)?\\d+分、本日\\d件目の訪問です。"))
                .anySatisfy(r -> assertThat(r).contains("開始で、お客様の在宅時間（"));
        assertThat(why.getList("visits[0].scoreImpact.constraintJapanese", String.class))
                .hasSameSizeAs(why.getList("visits[0].scoreImpact"));

        long visit = day.visits().get(0);
        long other = day.technicians().get(1);
        as(DISPATCHER).body(Map.of("visitId", visit, "technicianId", other, "position", 1))
                .post(day.path() + "/proposals/current/moves").then().statusCode(200)
                .body("technician.id", equalTo((int) other)).body("position", equalTo(1))
                .body("scoreAfter", notNullValue()).body("pinned", equalTo(true));

        // The summary before publishing counts what publishing then does, and writes nothing itself.
        as("agent").get(day.path() + "/proposals/current/publication").then().statusCode(403);
        as(DISPATCHER).get(day.path() + "/proposals/current/publication").then().statusCode(200)
                .body("dispatched", equalTo(4)).body("unassigned", equalTo(0)).body("windowsQuoted", equalTo(4))
                .body("windowsRequoted", equalTo(0)).body("customersNotified", equalTo(4));
        as(DISPATCHER).get(day.path() + "/proposals/current/publication").then().statusCode(200)
                .body("windowsQuoted", equalTo(4));
        as(DISPATCHER).get("/api/visits/" + visit).then().statusCode(200).body("status", not(equalTo("DISPATCHED")))
                .body("quotedWindow", nullValue());
        as(DISPATCHER).get(day.path() + "/board?plan=published").then().statusCode(404);

        as("agent").post(day.path() + "/proposals/current/publish").then().statusCode(403);
        as(DISPATCHER).post(day.path() + "/proposals/current/publish").then().statusCode(200)
                .body("dispatched", equalTo(4)).body("windowsQuoted", equalTo(4)).body("customersNotified", equalTo(4))
                .body("version", equalTo(2));
        as(DISPATCHER).get("/api/visits/" + visit).then().statusCode(200).body("status", equalTo("DISPATCHED"))
                .body("quotedWindow.startsAt", notNullValue()).body("technicianId", equalTo((int) other))
                .body("routePosition", equalTo(1)).body("pinned", equalTo(true));
    }

    @Test
    void shouldKeepReplanningLiveAfterTheDispatcherPublishes() {
        Day day = smallDay(2, 3);
        as(DISPATCHER).post(day.path() + "/live").then().statusCode(202);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> as(DISPATCHER)
                    .get(day.path() + "/proposals/current").then().extract().jsonPath().getInt("assigned") == 3);
            as(DISPATCHER).post(day.path() + "/proposals/current/publish").then().statusCode(200)
                    .body("dispatched", equalTo(3));
            // The publication reaches the running solve; it goes on, and plans a visit added afterwards.
            long added = TestData.visit(TestData.ticket(day.region()), DAY);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                JsonPath live = as(DISPATCHER).get(day.path() + "/proposals/current").then().extract().jsonPath();
                assertThat(live.getString("status")).isIn("SOLVING", "QUEUED");
                return live.getInt("assigned") == 4;
            });
            assertThat(as(DISPATCHER).get(day.path() + "/proposals/current/explanation?visit=" + added).then()
                    .statusCode(200).extract().jsonPath().getBoolean("visits[0].assigned")).isTrue();
        } finally {
            as(DISPATCHER).delete(day.path() + "/live").then().statusCode(200);
        }
    }

    @Test
    void shouldPlanAnUrgentVisitInTheRunningLiveSolve() {
        Day day = smallDay(2, 3);
        as(DISPATCHER).post(day.path() + "/live").then().statusCode(202).body("live", equalTo(true));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> as(DISPATCHER)
                    .get(day.path() + "/proposals/current").then().extract().jsonPath().getInt("assigned") == 3);

            Map<String, Object> urgent = new java.util.HashMap<>(TestData.ticketBody(
                    TestData.customer("Urgent Caller", TestData.tokyoPhone()), TestData.site(day.region())));
            urgent.put("priority", "P1");
            urgent.put("priorityOverrideReason", "Lift out of order in a hospital");
            long ticket = as("agent").body(urgent).post("/api/tickets").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            long visit = TestData.visit(ticket, DAY);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> as(DISPATCHER)
                    .get(day.path() + "/proposals/current").then().extract().jsonPath().getInt("assigned") == 4);
            JsonPath live = as(DISPATCHER).get(day.path() + "/proposals/current").then().extract().jsonPath();
            assertThat(live.getString("status")).isEqualTo("SOLVING");
            assertThat(live.getBoolean("feasible")).isTrue();
            assertThat(as(DISPATCHER).get(day.path() + "/proposals/current/explanation?visit=" + visit).then()
                    .statusCode(200).extract().jsonPath().getBoolean("visits[0].assigned")).isTrue();
        } finally {
            as(DISPATCHER).delete(day.path() + "/live").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> as(DISPATCHER).get(day.path() + "/proposals/current").then()
                .extract().jsonPath().getString("status").equals("STOPPED"));
    }

    @Test
    void shouldStopAndKeepTheBestSoFar() {
        Day day = smallDay(2, 4);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 600)).post(day.path() + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(DISPATCHER).get(day.path() + "/proposals/current").then()
                .extract().jsonPath().getInt("assigned") == 4);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 5)).post(day.path() + "/proposals").then().statusCode(409)
                .body("field", equalTo("date"));
        as(DISPATCHER).delete(day.path() + "/proposals/current").then().statusCode(200);
        JsonPath stopped = waitUntilSolved(day);
        assertThat(stopped.getString("status")).isEqualTo("STOPPED");
        assertThat(stopped.getInt("assigned")).isEqualTo(4);
        assertThat(stopped.getDouble("elapsedSeconds")).isLessThan(60);
    }

    @Test
    void shouldSayInWordsWhyAVisitStaysUnassigned() {
        Day day = smallDay(1, 0);
        Map<String, Object> body = new java.util.HashMap<>(TestData.visitBody(TestData.ticket(day.region()), DAY));
        body.put("requiredSkills", List.of(Map.of("skill", "ELEVATOR", "minLevel", 3)));
        long visit = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1))
                .post(day.path() + "/proposals").then().statusCode(202);
        assertThat(waitUntilSolved(day).getInt("unassigned")).isEqualTo(1);
        JsonPath why = as(DISPATCHER).get(day.path() + "/proposals/current/explanation?visit=" + visit).then()
                .statusCode(200).extract().jsonPath();
        assertThat(why.getBoolean("visits[0].assigned")).isFalse();
        assertThat(why.getList("visits[0].reasons", String.class)).first().asString()
                .contains("No technician with skill ELEVATOR level 3 works in");
        assertThat(why.getList("visits[0].reasonsJapanese", String.class)).first().asString()
                .startsWith("2030年2月12日に").endsWith("で勤務する技術者に、スキル ELEVATOR レベル3を持つ人がいません。");

        // Moving it to the one technician, who lacks the skill, is previewed with the warning in both languages.
        JsonPath preview = as(DISPATCHER).body(Map.of("visitId", visit, "technicianId", day.technicians().get(0),
                "preview", true)).post(day.path() + "/proposals/current/moves").then().statusCode(200).extract()
                .jsonPath();
        assertThat(preview.getList("brokenHardConstraints", String.class)).containsExactly("Missing skill (-1)");
        assertThat(preview.getList("brokenHardConstraintsJapanese", String.class)).containsExactly("スキル不足 (-1)");
        assertThat(preview.getList("warnings", String.class))
                .containsExactly("This move would send a technician without the skill.");
        assertThat(preview.getList("warningsJapanese", String.class))
                .containsExactly("この移動では、スキルのない技術者を送ることになります。");
    }

    @Test
    void shouldRefuseBadRequestsAndOtherRoles() {
        Day day = smallDay(1, 1);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 0)).post(day.path() + "/proposals").then().statusCode(400)
                .body("field", equalTo("spentLimitSeconds"));
        as(DISPATCHER).body(Map.of()).post("/api/regions/" + day.region() + "/days/2030-13-01/proposals").then()
                .statusCode(400).body("field", equalTo("date"));
        as(DISPATCHER).get(day.path() + "/proposals/current").then().statusCode(404);
        as(DISPATCHER).get(day.path() + "/proposals/current/publication").then().statusCode(404);
        as(DISPATCHER).get("/api/regions/" + day.region() + "/days/2030-13-01/proposals/current/publication").then()
                .statusCode(400).body("field", equalTo("date"));
        as("agent").body(Map.of()).post(day.path() + "/proposals").then().statusCode(403);
        as("agent").post(day.path() + "/live").then().statusCode(403);
        as(TestData.technician(day.region()).login()).get(day.path() + "/proposals/current").then().statusCode(403);
        as(DISPATCHER).body(Map.of("technicianId", day.technicians().get(0)))
                .put("/api/visits/" + day.visits().get(0) + "/pin").then().statusCode(200).body("pinned", equalTo(true));
        as(DISPATCHER).body(Map.of()).put("/api/visits/" + day.visits().get(0) + "/pin").then().statusCode(400)
                .body("field", equalTo("technicianId"));
        as(DISPATCHER).delete("/api/visits/" + day.visits().get(0) + "/pin").then().statusCode(200)
                .body("pinned", equalTo(false));
    }

    @Test
    void shouldPublishByItselfWhereTheRegionWantsIt() {
        Day day = smallDay(2, 3);
        JsonPath region = as("admin").get("/api/regions/" + day.region()).then().extract().jsonPath();
        as("admin").body(Map.of("code", region.getString("code"), "name", region.getString("name"), "timeZone",
                region.getString("timeZone"), "publishPolicy", "AUTOMATIC", "version", region.getLong("version")))
                .put("/api/regions/" + day.region()).then().statusCode(200).body("publishPolicy", equalTo("AUTOMATIC"));
        as(DISPATCHER).post(day.path() + "/live").then().statusCode(202);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> day.visits().stream()
                    .allMatch(v -> "DISPATCHED".equals(as(DISPATCHER).get("/api/visits/" + v).then().extract()
                            .jsonPath().getString("status"))));
        } finally {
            as(DISPATCHER).delete(day.path() + "/live").then().statusCode(200);
        }
        as(DISPATCHER).get("/api/visits/" + day.visits().get(0)).then().body("quotedWindow.startsAt", notNullValue());
    }
}
