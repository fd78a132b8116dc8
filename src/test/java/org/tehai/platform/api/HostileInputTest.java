package org.tehai.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * The inputs that once broke the API, one test each: every one is refused with a 400 that names the field, and
 * none writes anything.
 */
@QuarkusTest
class HostileInputTest {

    private static final String EDGE_TIME = "+999999999-12-31T23:59:59+18:00";
    private static final LocalDate DAY = LocalDate.now().plusDays(2);

    @Inject
    DataSource database;

    private long rows(String table) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private long visit() {
        return TestData.visit(TestData.ticket(TestData.region()), DAY);
    }

    @Test
    void shouldRefuseANulCharacterInABodyAndInAQuery() throws Exception {
        long customers = rows("customer");
        assertProblem(as(AGENT).body("{\"name\":\"Sato\\u0000Hanako\",\"phones\":[{\"number\":\"03-1111-2222\"}]}")
                .post("/api/customers").then(), 400, "name")
                .body("detail", containsString("U+0000"));
        assertProblem(as(AGENT).queryParam("q", "sato\u0000").get("/api/customers").then(), 400, "q");
        assertProblem(as(AGENT).queryParam("q", "\u0000").get("/api/callers").then(), 400, "q");
        assertThat(rows("customer")).isEqualTo(customers);
    }

    @Test
    void shouldKeepNewlinesAndTabsInFreeText() {
        long id = TestData.customer("Ito Aoi", TestData.tokyoPhone());
        as(AGENT).body(Map.of("kind", "NEW_REPORT", "notes", "Line one\n\tLine two"))
                .post("/api/tickets/" + TestData.ticket(id, null) + "/contacts").then().statusCode(201)
                .body("notes", equalTo("Line one\n\tLine two"));
    }

    @Test
    void shouldRefuseAKeyGivenTwice() throws Exception {
        long visit = visit();
        long ticket = TestData.ticket(TestData.region());
        long callbacks = rows("callback");
        long contacts = rows("contact");
        assertProblem(as(DISPATCHER).body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/visits/" + visit + "/cancel")
                .then(), 400, "reason").body("detail", containsString("more than once"));
        assertProblem(as(AGENT).body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/visits/" + visit + "/requote")
                .then(), 400, "reason");
        assertProblem(as(AGENT).body("{\"ticketId\":" + ticket + ",\"dueAt\":\"2026-12-01T10:00:00+09:00\","
                + "\"reason\":\"a\",\"reason\":\"b\"}").post("/api/callbacks").then(), 400, "reason");
        assertProblem(as(AGENT).body("{\"kind\":\"NEW_REPORT\",\"kind\":\"COMPLAINT\"}")
                .post("/api/tickets/" + ticket + "/contacts").then(), 400, "kind");
        assertProblem(as(DISPATCHER).body("{\"cause\":\"a\",\"cause\":\"b\"}").post("/api/incidents/1/resolve").then(),
                400, "cause");
        long region = TestData.region();
        assertProblem(as(DISPATCHER).body("{\"spentLimitSeconds\":5,\"spentLimitSeconds\":6}")
                .post("/api/regions/" + region + "/days/" + DAY + "/proposals").then(), 400,
                "spentLimitSeconds");
        assertProblem(as(MANAGER).body("{\"regionId\":1,\"category\":\"TV\",\"category\":\"TV\",\"title\":\"x\","
                + "\"statusText\":\"y\",\"latitude\":35.7,\"longitude\":139.6,\"radiusMetres\":500}")
                .post("/api/outages").then(), 400, "category");
        as(DISPATCHER).get("/api/visits/" + visit).then().body("status", equalTo("UNPLANNED"));
        assertThat(rows("callback")).isEqualTo(callbacks);
        assertThat(rows("contact")).isEqualTo(contacts);
    }

    @Test
    void shouldRefuseTimesOutsideTheYearsTheBusinessHas() throws Exception {
        long visit = visit();
        long ticket = TestData.ticket(TestData.region());
        long contacts = rows("contact");
        long assets = rows("asset");
        long visits = rows("visit");
        assertProblem(as(AGENT).body(Map.of("kind", "NEW_REPORT", "occurredAt", EDGE_TIME))
                .post("/api/tickets/" + ticket + "/contacts").then(), 400, "occurredAt")
                .body("detail", containsString("2000 to 2099"));
        assertProblem(as(DISPATCHER).body(Map.of("technicianId", 1, "start", EDGE_TIME))
                .put("/api/visits/" + visit + "/pin").then(), 400, "start");
        Map<String, Object> body = TestData.visitBody(ticket, DAY);
        body.put("availability", List.of(Map.of("startsAt", EDGE_TIME, "endsAt", DAY + "T12:00:00+09:00")));
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "availability[0].startsAt");
        long site = TestData.site(TestData.region());
        assertProblem(as(AGENT).body(Map.of("siteId", site, "model", "Booster", "installedOn", "+999999999-12-31"))
                .post("/api/assets").then(), 400, "installedOn");
        assertProblem(as(AGENT).body(Map.of("siteId", site, "model", "Booster", "installedOn", "1899-12-31"))
                .post("/api/assets").then(), 400, "installedOn");
        as(AGENT).body(Map.of("siteId", site, "model", "Booster", "installedOn", "1965-04-01")).post("/api/assets")
                .then().statusCode(201);
        var technician = TestData.technician(TestData.region());
        assertProblem(as(technician.login()).body(Map.of("positions", List.of(Map.of("latitude", 35.7,
                "longitude", 139.6, "recordedAt", EDGE_TIME)))).post("/api/me/positions").then(), 400,
                "positions[0].recordedAt");
        assertProblem(as(technician.login()).body(Map.of("events", List.of(Map.of("eventId", "x-1", "type",
                "DAY_STARTED", "occurredAt", "-999999999-01-01T00:00:00-18:00")))).post("/api/me/events").then(), 400,
                "events[0].occurredAt");
        assertThat(rows("contact")).isEqualTo(contacts);
        assertThat(rows("asset")).isEqualTo(assets + 1);
        assertThat(rows("visit")).isEqualTo(visits);
    }

    @Test
    void shouldRefuseNumbersForNamesAndDatesAndStringsForNumbers() {
        long ticket = TestData.ticket(TestData.region());
        assertProblem(as(AGENT).body(Map.of("kind", 0)).post("/api/tickets/" + ticket + "/contacts").then(), 400,
                "kind");
        assertProblem(as(AGENT).body(Map.of("kind", "new_report")).post("/api/tickets/" + ticket + "/contacts").then(),
                400, "kind");
        assertProblem(as(AGENT).body(Map.of("kind", "NEW_REPORT", "occurredAt", 1_700_000_000))
                .post("/api/tickets/" + ticket + "/contacts").then(), 400, "occurredAt");
        Map<String, Object> body = TestData.visitBody(ticket, DAY);
        body.put("estimatedDurationMinutes", "60");
        assertProblem(as(DISPATCHER).body(body).post("/api/visits").then(), 400, "estimatedDurationMinutes");
        assertProblem(as(AGENT).queryParam("status", "open").get("/api/tickets").then(), 400, "status");
    }

    @Test
    void shouldRefuseAReasonLongerThanItsColumnCanHold() throws Exception {
        long visit = visit();
        long quotes = rows("arrival_quote");
        assertProblem(as(AGENT).body(Map.of("reason", "r".repeat(TextLimits.REASON + 1)))
                .post("/api/visits/" + visit + "/requote").then(), 400, "reason");
        assertProblem(as(AGENT).body(Map.of("reason", "r".repeat(190))).post("/api/visits/" + visit + "/requote")
                .then(), 400, "reason");
        assertThat(rows("arrival_quote")).isEqualTo(quotes);
    }

    @Test
    void shouldRefuseNullInsideAList() throws Exception {
        long customers = rows("customer");
        assertProblem(as(AGENT).body("{\"name\":\"Oda\",\"phones\":[null]}").post("/api/customers").then(), 400,
                "phones[0]");
        assertThat(rows("customer")).isEqualTo(customers);
    }

    @Test
    void shouldRefuseIdsBelowOne() throws Exception {
        long tickets = rows("ticket");
        assertProblem(as(AGENT).get("/api/customers/0").then(), 400, "id");
        assertProblem(as(AGENT).get("/api/tickets/-5").then(), 400, "id");
        Map<String, Object> body = TestData.ticketBody(1, null);
        body.put("customerId", -1);
        assertProblem(as(AGENT).body(body).post("/api/tickets").then(), 400, "customerId");
        assertThat(rows("ticket")).isEqualTo(tickets);
    }

    @Test
    void shouldBoundEveryList() {
        var technician = TestData.technician(TestData.region());
        Map<String, Object> position = Map.of("latitude", 35.7, "longitude", 139.6,
                "recordedAt", LocalDate.now() + "T09:00:00+09:00");
        assertProblem(as(technician.login()).body(Map.of("positions", java.util.Collections.nCopies(501, position)))
                .post("/api/me/positions").then(), 400, "positions");
        as(DISPATCHER).get("/api/technicians/" + technician.id()).then().body("lastPosition", equalTo(null));
        Map<String, Object> body = new HashMap<>(TestData.technicianBody(TestData.region(), TestData.newLogin()));
        body.put("tools", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "T" + i).toList());
        assertProblem(as(DISPATCHER).body(body).post("/api/technicians").then(), 400, "tools");
    }

    @Test
    void shouldAcceptOnlyTrueOrFalseForAYesNoParameter() {
        assertProblem(as(AGENT).queryParam("open", "banana").get("/api/incidents").then(), 400, "open");
        assertProblem(as(DISPATCHER).queryParam("active", "1").get("/api/technicians").then(), 400, "active");
        as(AGENT).queryParam("open", "true").get("/api/incidents").then().statusCode(200);
    }

    @Test
    void shouldRefuseARegionCodeThatLooksLikeAnId() {
        assertProblem(as(ADMIN).body(Map.of("code", "12345", "name", "Numbers", "timeZone", "Asia/Tokyo"))
                .post("/api/regions").then(), 400, "code");
        long region = TestData.region();
        String code = as(ADMIN).get("/api/regions/" + region).then().extract().jsonPath().getString("code");
        // Both ways of naming one region reach the same days.
        as(DISPATCHER).get("/api/regions/" + region + "/days").then().statusCode(200);
        as(DISPATCHER).get("/api/regions/" + code + "/days").then().statusCode(200);
    }

    @Test
    void shouldEchoABadValueCutToAHundredCharacters() {
        String value = "w".repeat(300);
        String detail = assertProblem(as(AGENT).queryParam("status", value).get("/api/tickets").then(), 400, "status")
                .extract().jsonPath().getString("detail");
        assertThat(detail).contains("w".repeat(100) + "…").doesNotContain("w".repeat(101));
    }

    @Test
    void shouldAnswerEveryHttpErrorAsAProblem() {
        problem(RestAssured.given().get("/api/regions").then(), 401);
        problem(RestAssured.given().auth().preemptive().basic("agent", "nope").get("/api/regions").then(), 401);
        problem(RestAssured.given().auth().preemptive().basic("tech\u0000", "tech\u0000").get("/api/regions").then(),
                401);
        problem(as(AGENT).get("/api/no-such-thing").then(), 404);
        problem(as(AGENT).get("/no-such-page").then(), 404);
        problem(as(AGENT).patch("/api/customers").then(), 405);
        problem(as(AGENT).contentType("text/plain").body("name=x").post("/api/customers").then(), 415);
        problem(as(AGENT).get("/api/customers?q=" + "a".repeat(9_000)).then(), 414);
        problem(as(AGENT).body("{\"name\":\"" + "n".repeat(11 * 1024 * 1024) + "\"}").post("/api/customers").then(),
                413);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status)).body("title.length()", lessThan(100));
    }
}
