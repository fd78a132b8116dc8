package org.tehai.visit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.Api.unique;
import static org.tehai.support.TestData.visitBody;
import static org.tehai.support.TestData.window;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VisitResourceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void shouldCreateVisitAtTheTicketsSiteAndReadItBack() {
        long region = TestData.region();
        long ticket = TestData.ticket(region);
        var response = as(DISPATCHER).body(visitBody(ticket, DAY)).post("/api/visits");
        response.then().statusCode(201).body("status", equalTo("UNPLANNED")).body("version", equalTo(0));
        long id = idFromLocation(response.header("Location"));

        as(AGENT).get("/api/visits/" + id).then().statusCode(200)
                .body("ticketId", equalTo((int) ticket)).body("regionId", equalTo((int) region))
                .body("priority", equalTo("P3")).body("latitude", equalTo(35.7046f))
                .body("availability[0].startsAt", equalTo("2026-12-02T09:00:00+09:00"))
                .body("availability[0].endsAt", equalTo("2026-12-02T12:00:00+09:00"))
                .body("requiredSkills[0].minLevel", equalTo(2)).body("technicianId", nullValue());
        as(AGENT).get("/api/tickets/" + ticket).then().body("visits.id", contains((int) id))
                .body("visits.status", contains("UNPLANNED"));
    }

    @Test
    void shouldUpdateVisitAndIncrementVersion() {
        long ticket = TestData.ticket(TestData.region());
        long id = TestData.visit(ticket, DAY);
        Map<String, Object> body = visitBody(ticket, DAY);
        body.put("estimatedDurationMinutes", 90);
        body.put("availability", List.of(window(DAY, 14, 17), window(DAY, 9, 10)));
        body.put("version", 0);
        as(DISPATCHER).body(body).put("/api/visits/" + id).then().statusCode(200)
                .body("estimatedDurationMinutes", equalTo(90)).body("version", equalTo(1))
                .body("availability.startsAt", contains("2026-12-02T09:00:00+09:00", "2026-12-02T14:00:00+09:00"));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long ticket = TestData.ticket(TestData.region());
        long id = TestData.visit(ticket, DAY);
        Map<String, Object> body = visitBody(ticket, DAY);
        body.put("estimatedDurationMinutes", 30);
        body.put("version", 0);
        as(AGENT).body(body).put("/api/visits/" + id).then().statusCode(200);
        body.put("estimatedDurationMinutes", 120);
        assertProblem(as(AGENT).body(body).put("/api/visits/" + id).then(), 409, "version");
        as(AGENT).get("/api/visits/" + id).then().body("estimatedDurationMinutes", equalTo(30));
    }

    @Test
    void shouldNeedASiteWithCoordinates() {
        long region = TestData.region();
        long withoutSite = as(AGENT).body(Map.of("caller", Map.of("name", unique("Caller"), "phone",
                TestData.tokyoPhone()), "troubleCode", "TV/NO_SIGNAL")).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertProblem(as(DISPATCHER).body(visitBody(withoutSite, DAY)).post("/api/visits").then(), 422, "siteId");

        long customer = TestData.customer("Fujita Mio", TestData.tokyoPhone());
        long noCoordinates = TestData.ticket(customer, TestData.site(region, null, false));
        assertProblem(as(DISPATCHER).body(visitBody(noCoordinates, DAY)).post("/api/visits").then(), 422, "siteId");

        Map<String, Object> elsewhere = visitBody(withoutSite, DAY);
        elsewhere.put("siteId", TestData.site(region));
        as(DISPATCHER).body(elsewhere).post("/api/visits").then().statusCode(201);
        as(DISPATCHER).queryParam("ticketId", noCoordinates).get("/api/visits").then().body("total", equalTo(0));
    }

    @Test
    void shouldNameTheWindowThatEndsBeforeItStarts() {
        long ticket = TestData.ticket(TestData.region());
        Map<String, Object> body = visitBody(ticket, DAY);
        body.put("availability", List.of(window(DAY, 9, 12), window(DAY, 15, 13)));
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "availability[1].endsAt");
        body.put("availability", List.of(Map.of("startsAt", "2026-12-02T09:00:00+09:00")));
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "availability[0].endsAt");
        as(DISPATCHER).queryParam("ticketId", ticket).get("/api/visits").then().body("total", equalTo(0));
    }

    @Test
    void shouldNameTheOtherInvalidFields() {
        long ticket = TestData.ticket(TestData.region());
        Map<String, Object> body = visitBody(ticket, DAY);
        body.put("availability", List.of());
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "availability");

        body = visitBody(ticket, DAY);
        body.put("estimatedDurationMinutes", 0);
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "estimatedDurationMinutes");

        body = visitBody(ticket, DAY);
        body.put("requiredParts", List.of(Map.of("partCode", TestData.part(), "quantity", 0)));
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "requiredParts[0].quantity");

        body = visitBody(999999999L, DAY);
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 422, "ticketId");
    }

    @Test
    void shouldNotMoveAVisitToAnotherTicket() {
        long region = TestData.region();
        long ticket = TestData.ticket(region);
        long id = TestData.visit(ticket, DAY);
        Map<String, Object> body = visitBody(TestData.ticket(region), DAY);
        body.put("version", 0);
        assertProblem(as(DISPATCHER).body(body).put("/api/visits/" + id).then(), 400, "ticketId");
        as(DISPATCHER).get("/api/visits/" + id).then().body("ticketId", equalTo((int) ticket));
    }

    @Test
    void shouldNotOpenVisitsForClosedTickets() {
        long ticket = TestData.ticket(TestData.region());
        Map<String, Object> close = new HashMap<>(Map.of("troubleCode", "TV/NO_SIGNAL", "priority", "P3",
                "status", "CLOSED", "version", 0));
        as(AGENT).body(close).put("/api/tickets/" + ticket).then().statusCode(200);
        assertProblem(as(DISPATCHER).body(visitBody(ticket, DAY)).post("/api/visits").then(), 409, "ticketId");
    }

    @Test
    void shouldCancelVisitWithReasonAndKeepItCancelled() {
        long ticket = TestData.ticket(TestData.region());
        long id = TestData.visit(ticket, DAY);
        assertProblem(as(AGENT).body(Map.of("reason", " ")).post("/api/visits/" + id + "/cancel").then(), 400,
                "reason");
        as(AGENT).body(Map.of("reason", "Customer fixed it")).post("/api/visits/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("outcome", equalTo("Customer fixed it"));

        Map<String, Object> body = visitBody(ticket, DAY);
        body.put("version", 1);
        assertProblem(as(AGENT).body(body).put("/api/visits/" + id).then(), 409, "status");
        as(MANAGER).body(Map.of("reason", "Not mine")).post("/api/visits/" + id + "/cancel").then().statusCode(403);
    }

    @Test
    void shouldListVisitsByRegionDateAndStatus() {
        long region = TestData.region();
        long ticket = TestData.ticket(region);
        long today = TestData.visit(ticket, DAY);
        long tomorrow = TestData.visit(ticket, DAY.plusDays(1));
        long cancelled = TestData.visit(ticket, DAY);
        as(AGENT).body(Map.of("reason", "Duplicate")).post("/api/visits/" + cancelled + "/cancel").then()
                .statusCode(200);

        as(DISPATCHER).queryParam("regionId", region).get("/api/visits").then().statusCode(200)
                .body("total", equalTo(3));
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.toString()).get("/api/visits").then()
                .body("total", equalTo(2)).body("items.id", contains((int) today, (int) cancelled));
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.plusDays(1).toString())
                .get("/api/visits").then().body("items.id", contains((int) tomorrow));
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.toString())
                .queryParam("status", "UNPLANNED").get("/api/visits").then().body("items.id", contains((int) today));
        // Only the status's name: a lower-case "unplanned" is refused.
        assertProblem(as(DISPATCHER).queryParam("status", "unplanned").get("/api/visits").then(), 400, "status");
        as(DISPATCHER).queryParam("ticketId", ticket).queryParam("status", "CANCELLED").get("/api/visits").then()
                .body("items.id", contains((int) cancelled));
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.toString()).queryParam("size", 1)
                .queryParam("page", 1).get("/api/visits").then().body("total", equalTo(2))
                .body("items.id", contains((int) cancelled));
    }

    @Test
    void shouldCountAWindowOnTheRegionsLocalDate() {
        long region = TestData.region();
        long ticket = TestData.ticket(region);
        Map<String, Object> body = visitBody(ticket, DAY);
        // 07:00-08:00 in Tokyo is still the previous day in UTC.
        body.put("availability", List.of(window(DAY, 7, 8)));
        long early = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.toString()).get("/api/visits").then()
                .body("items.id", contains((int) early));
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.minusDays(1).toString())
                .get("/api/visits").then().body("total", equalTo(0));
    }

    @Test
    void shouldNameTheUnreadableFilters() {
        assertProblem(as(DISPATCHER).queryParam("date", "02.12.2026").get("/api/visits").then(), 400, "date");
        assertProblem(as(DISPATCHER).queryParam("status", "LOST").get("/api/visits").then(), 400, "status");
    }

    @Test
    void shouldListOnlyTheTechniciansOwnVisits() {
        long region = TestData.region();
        var me = TestData.technician(region);
        var colleague = TestData.technician(region);
        long visit = TestData.visit(TestData.ticket(region), DAY);

        // Visits get a technician through planning only, so nothing is assigned to this technician yet.
        as(me.login()).get("/api/visits").then().statusCode(200).body("total", equalTo(0)).body("items", empty());
        as(me.login()).queryParam("technicianId", me.id()).get("/api/visits").then().statusCode(200)
                .body("total", equalTo(0));
        assertProblem(as(me.login()).queryParam("technicianId", colleague.id()).get("/api/visits").then(), 403);
        // A colleague's visit and a missing one look the same to a technician.
        assertProblem(as(me.login()).get("/api/visits/" + visit).then(), 404)
                .body("detail", equalTo("The visit (" + visit + ") does not exist."));
        assertProblem(as(me.login()).get("/api/visits/999999998").then(), 404)
                .body("detail", equalTo("The visit (999999998) does not exist."));
        as(DISPATCHER).queryParam("technicianId", me.id()).get("/api/visits").then().body("total", equalTo(0));
        as(me.login()).body(visitBody(TestData.ticket(region), DAY)).post("/api/visits").then().statusCode(403);
    }

    @Test
    void shouldNotGetUnknownVisit() {
        assertProblem(as(AGENT).get("/api/visits/999999999").then(), 404);
        assertProblem(as(AGENT).body(Map.of("reason", "x")).post("/api/visits/999999999/cancel").then(), 404);
    }

    @Test
    void shouldRejectAnonymousCallers() {
        anonymous().get("/api/visits").then().statusCode(401);
    }
}
