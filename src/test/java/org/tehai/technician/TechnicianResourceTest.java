package org.tehai.technician;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.TestData.shiftBody;
import static org.tehai.support.TestData.technicianBody;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TechnicianResourceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void shouldCreateTechnicianAndReadItBack() {
        long region = TestData.region();
        String login = TestData.newLogin();
        var response = as(DISPATCHER).body(technicianBody(region, login)).post("/api/technicians");
        response.then().statusCode(201).body("login", equalTo(login)).body("active", equalTo(true));
        long id = idFromLocation(response.header("Location"));

        as(AGENT).get("/api/technicians/" + id).then().statusCode(200)
                .body("regionId", equalTo((int) region))
                .body("skills.skill", contains("FIBER")).body("skills.level", contains(3))
                .body("tools", contains("LADDER"));
    }

    @Test
    void shouldUpdateTechnicianAndIncrementVersion() {
        long region = TestData.region();
        var technician = TestData.technician(region);
        Map<String, Object> body = technicianBody(region, technician.login());
        body.put("skills", List.of(Map.of("skill", "FIBER", "level", 4), Map.of("skill", "TV", "level", 2)));
        body.put("vanStock", List.of(Map.of("partCode", TestData.part(), "quantity", 2)));
        body.put("version", 0);
        as(ADMIN).body(body).put("/api/technicians/" + technician.id()).then().statusCode(200)
                .body("version", equalTo(1)).body("skills.skill", containsInAnyOrder("FIBER", "TV"))
                .body("vanStock.quantity", contains(2));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long region = TestData.region();
        var technician = TestData.technician(region);
        Map<String, Object> body = technicianBody(region, technician.login());
        body.put("lastName", "Yoshida");
        body.put("version", 0);
        as(DISPATCHER).body(body).put("/api/technicians/" + technician.id()).then().statusCode(200);
        body.put("lastName", "Nakamura");
        assertProblem(as(DISPATCHER).body(body).put("/api/technicians/" + technician.id()).then(), 409, "version");
        as(DISPATCHER).get("/api/technicians/" + technician.id()).then().body("lastName", equalTo("Yoshida"));
    }

    @Test
    void shouldListTechniciansOfARegionBySkill() {
        long region = TestData.region();
        var fiber = TestData.technician(region);
        Map<String, Object> tvOnly = technicianBody(region, TestData.newLogin());
        tvOnly.put("skills", List.of(Map.of("skill", "TV", "level", 5)));
        as(DISPATCHER).body(tvOnly).post("/api/technicians").then().statusCode(201);

        as(DISPATCHER).queryParam("regionId", region).get("/api/technicians").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(2));
        as(DISPATCHER).queryParam("regionId", region).queryParam("skill", "FIBER").get("/api/technicians").then()
                .body("total", equalTo(1)).body("items.id", contains((int) fiber.id()));
        as(DISPATCHER).queryParam("regionId", region).queryParam("size", 1).queryParam("page", 1)
                .get("/api/technicians").then().body("total", equalTo(2)).body("items", hasSize(1));
    }

    @Test
    void shouldRejectTakenLogin() {
        long region = TestData.region();
        var technician = TestData.technician(region);
        Map<String, Object> body = technicianBody(region, technician.login());
        body.put("code", TestData.newLogin().toUpperCase());
        assertProblem(as(DISPATCHER).body(body).post("/api/technicians").then(), 409, "login");
    }

    @Test
    void shouldNameTheInvalidFields() {
        long region = TestData.region();
        Map<String, Object> body = technicianBody(region, "Upper Case");
        assertProblem(as(DISPATCHER).body(body).post("/api/technicians").then(), 400, "login");

        body = technicianBody(region, TestData.newLogin());
        body.put("skills", List.of(Map.of("skill", "FIBER", "level", 9)));
        assertProblem(as(DISPATCHER).body(body).post("/api/technicians").then(), 400, "skills[0].level");

        body = technicianBody(999999999L, TestData.newLogin());
        assertProblem(as(DISPATCHER).body(body).post("/api/technicians").then(), 422, "regionId");

        body = technicianBody(region, TestData.newLogin());
        body.put("vanStock", List.of(Map.of("partCode", "NO-SUCH-PART", "quantity", 1)));
        assertProblem(as(DISPATCHER).body(body).post("/api/technicians").then(), 422, "vanStock[0].partCode");
    }

    @Test
    void shouldNotGetUnknownTechnician() {
        assertProblem(as(DISPATCHER).get("/api/technicians/999999999").then(), 404);
    }

    @Test
    void shouldSaveShiftInRegionLocalTime() {
        var technician = TestData.technician(TestData.region());
        as(DISPATCHER).body(Map.of("start", "08:30", "end", "17:30", "maxOvertimeMinutes", 60, "breaks",
                List.of(Map.of("earliestStart", "12:00", "latestEnd", "13:30", "durationMinutes", 45))))
                .put("/api/technicians/" + technician.id() + "/shifts/" + DAY).then().statusCode(200)
                .body("workDate", equalTo(DAY.toString()))
                .body("startsAt", equalTo("2026-12-01T08:30:00+09:00"))
                .body("endsAt", equalTo("2026-12-01T17:30:00+09:00"))
                .body("breaks[0].durationMinutes", equalTo(45))
                .body("version", equalTo(0));

        as(DISPATCHER).queryParam("from", DAY.toString()).queryParam("to", DAY.toString())
                .get("/api/technicians/" + technician.id() + "/shifts").then().statusCode(200)
                .body("workDate", contains(DAY.toString()));
    }

    @Test
    void shouldReplaceShiftWithVersionAndRejectStaleReplacement() {
        var technician = TestData.technician(TestData.region());
        String path = "/api/technicians/" + technician.id() + "/shifts/" + DAY;
        as(DISPATCHER).body(shiftBody("08:00", "16:00")).put(path).then().statusCode(200);

        Map<String, Object> later = new HashMap<>(shiftBody("10:00", "18:00"));
        assertProblem(as(DISPATCHER).body(later).put(path).then(), 400, "version");
        later.put("version", 0);
        as(DISPATCHER).body(later).put(path).then().statusCode(200)
                .body("startsAt", equalTo("2026-12-01T10:00:00+09:00")).body("version", equalTo(1));
        assertProblem(as(DISPATCHER).body(later).put(path).then(), 409, "version");
    }

    @Test
    void shouldDeleteShift() {
        var technician = TestData.technician(TestData.region());
        TestData.shift(technician.id(), DAY);
        String path = "/api/technicians/" + technician.id() + "/shifts/" + DAY;
        as(DISPATCHER).delete(path).then().statusCode(204);
        as(DISPATCHER).get("/api/technicians/" + technician.id() + "/shifts").then().body("size()", equalTo(0));
        assertProblem(as(DISPATCHER).delete(path).then(), 404);
    }

    @Test
    void shouldListOnlyActiveTechniciansWhenAsked() {
        long region = TestData.region();
        var active = TestData.technician(region);
        Map<String, Object> retired = technicianBody(region, TestData.newLogin());
        retired.put("active", false);
        as(DISPATCHER).body(retired).post("/api/technicians").then().statusCode(201).body("active", equalTo(false));
        as(DISPATCHER).queryParam("regionId", region).queryParam("active", true).get("/api/technicians").then()
                .body("total", equalTo(1)).body("items.id", contains((int) active.id()));
    }

    @Test
    void shouldNameTheShiftThatEndsBeforeItStarts() {
        var technician = TestData.technician(TestData.region());
        assertProblem(as(DISPATCHER).body(shiftBody("17:00", "08:00"))
                .put("/api/technicians/" + technician.id() + "/shifts/" + DAY).then(), 400, "end");
        as(DISPATCHER).get("/api/technicians/" + technician.id() + "/shifts").then().body("size()", equalTo(0));
    }

    @Test
    void shouldNameTheBreakOutsideTheShift() {
        var technician = TestData.technician(TestData.region());
        assertProblem(as(DISPATCHER).body(Map.of("start", "08:30", "end", "17:30", "maxOvertimeMinutes", 0, "breaks",
                List.of(Map.of("earliestStart", "07:00", "latestEnd", "08:00", "durationMinutes", 30))))
                .put("/api/technicians/" + technician.id() + "/shifts/" + DAY).then(), 400, "breaks[0].earliestStart");
    }

    @Test
    void shouldNameTheUnreadableShiftTime() {
        var technician = TestData.technician(TestData.region());
        assertProblem(as(DISPATCHER).body(shiftBody("8 o'clock", "17:00"))
                .put("/api/technicians/" + technician.id() + "/shifts/" + DAY).then(), 400, "start");
    }

    @Test
    void shouldNameTheEndOfAnInvertedDateRange() {
        var technician = TestData.technician(TestData.region());
        assertProblem(as(DISPATCHER).queryParam("from", "2026-12-05").queryParam("to", "2026-12-01")
                .get("/api/technicians/" + technician.id() + "/shifts").then(), 400, "to");
    }

    @Test
    void shouldNotPlanShiftsForUnknownTechnician() {
        assertProblem(as(DISPATCHER).body(shiftBody("08:00", "17:00"))
                .put("/api/technicians/999999999/shifts/" + DAY).then(), 404);
        assertProblem(as(DISPATCHER).get("/api/technicians/999999999/shifts").then(), 404);
    }

    @Test
    void shouldNameTheUnreadableDateRange() {
        var technician = TestData.technician(TestData.region());
        assertProblem(as(DISPATCHER).queryParam("from", "tomorrow")
                .get("/api/technicians/" + technician.id() + "/shifts").then(), 400, "from");
    }

    @Test
    void shouldLetTechnicianSeeOnlyItsOwnRecordAndShifts() {
        long region = TestData.region();
        var me = TestData.technician(region);
        var colleague = TestData.technician(region);
        TestData.shift(me.id(), DAY);
        TestData.shift(colleague.id(), DAY);

        as(me.login()).get("/api/technicians/" + me.id()).then().statusCode(200).body("login", equalTo(me.login()));
        as(me.login()).get("/api/technicians/" + me.id() + "/shifts").then().statusCode(200)
                .body("technicianId", contains((int) me.id()));
        assertProblem(as(me.login()).get("/api/technicians/" + colleague.id()).then(), 403);
        assertProblem(as(me.login()).get("/api/technicians/" + colleague.id() + "/shifts").then(), 403);
        as(me.login()).get("/api/technicians").then().statusCode(403);
    }

    @Test
    void shouldKeepTechniciansFromChangingRecords() {
        long region = TestData.region();
        var me = TestData.technician(region);
        as(me.login()).body(shiftBody("06:00", "20:00")).put("/api/technicians/" + me.id() + "/shifts/" + DAY)
                .then().statusCode(403);
        Map<String, Object> body = technicianBody(region, me.login());
        body.put("version", 0);
        as(me.login()).body(body).put("/api/technicians/" + me.id()).then().statusCode(403);
        as(AGENT).body(technicianBody(region, TestData.newLogin())).post("/api/technicians").then().statusCode(403);
        as(MANAGER).body(shiftBody("06:00", "20:00")).put("/api/technicians/" + me.id() + "/shifts/" + DAY)
                .then().statusCode(403);
        anonymous().get("/api/technicians/" + me.id()).then().statusCode(401);
    }

    @Test
    void shouldRejectWrongTechnicianPassword() {
        var me = TestData.technician(TestData.region());
        given().auth().preemptive().basic(me.login(), "wrong")
                .get("/api/technicians/" + me.id()).then().statusCode(401);
    }
}
