package org.tehai.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.Api.unique;
import static org.tehai.support.Api.uniqueDigits;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TicketResourceTest {

    private static Map<String, Object> callerTicket(String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("caller", Map.of("name", name, "phone", phone));
        body.put("troubleCode", "TV/NO_SIGNAL");
        return body;
    }

    private static Map<String, Object> update(Long siteId, Long assetId, String priority, String status, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", siteId);
        body.put("assetId", assetId);
        body.put("troubleCode", "TV/NO_SIGNAL");
        body.put("description", "Booster light off");
        body.put("priority", priority);
        body.put("priorityOverrideReason", "Agreed with the customer");
        body.put("status", status);
        body.put("version", version);
        return body;
    }

    @Test
    void shouldOpenTicketWithOnlyCallerNameAndPhone() {
        String name = unique("Nakamura Aoi");
        String phone = TestData.tokyoPhone();
        var response = as(AGENT).body(callerTicket(name, phone)).post("/api/tickets");
        response.then().statusCode(201)
                .body("number", startsWith("TK-"))
                .body("status", equalTo("OPEN")).body("priority", equalTo("P3")).body("channel", equalTo("PHONE"))
                .body("customer.name", equalTo(name)).body("customer.phones", contains(phone))
                .body("siteId", nullValue()).body("assetId", nullValue())
                .body("callerName", equalTo(name)).body("callerPhone", equalTo(phone));
        long id = idFromLocation(response.header("Location"));
        long customerId = response.jsonPath().getLong("customer.id");

        as(AGENT).queryParam("phone", phone).get("/api/customers").then().body("items.id", contains((int) customerId));
        as(AGENT).get("/api/tickets/" + id + "/contacts").then().statusCode(200)
                .body("kind", contains("NEW_REPORT")).body("author", contains("agent"))
                .body("direction", contains("INBOUND"));
    }

    @Test
    void shouldReuseTheCustomerWhenTheSameCallerRingsAgain() {
        String name = unique("Hayashi Riko");
        String digits = uniqueDigits(8);
        String phone = "03-" + digits.substring(0, 4) + "-" + digits.substring(4);
        long first = as(AGENT).body(callerTicket(name, phone)).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath().getLong("customer.id");
        long second = as(AGENT).body(callerTicket(name.toUpperCase(), "+81 3 " + digits.substring(0, 4) + " "
                + digits.substring(4))).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath().getLong("customer.id");

        assertThat(second).isEqualTo(first);
        as(AGENT).queryParam("customerId", first).get("/api/tickets").then().body("total", equalTo(2));
        as(AGENT).queryParam("phone", phone).get("/api/customers").then().body("total", equalTo(1));
    }

    @ParameterizedTest
    @CsvSource({ "P1, 4", "P2, 8", "P3, 24", "P4, 72" })
    void shouldSetTheSlaDueTimeFromThePriority(String priority, int hours) {
        Map<String, Object> body = callerTicket(unique("Caller"), TestData.tokyoPhone());
        body.put("priority", priority);
        body.put("priorityOverrideReason", "Set by the test for each priority");
        JsonPath ticket = as(AGENT).body(body).post("/api/tickets").then().statusCode(201).extract().jsonPath();

        Instant openedAt = Instant.parse(ticket.getString("openedAt"));
        Instant dueAt = Instant.parse(ticket.getString("slaDueAt"));
        assertThat(ticket.getString("priority")).isEqualTo(priority);
        assertThat(Duration.between(openedAt, dueAt)).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void shouldAddSiteAndAssetLater() {
        long region = TestData.region();
        long site = TestData.site(region);
        long asset = TestData.asset(site, null);
        long id = as(AGENT).body(callerTicket(unique("Caller"), TestData.tokyoPhone())).post("/api/tickets").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        as(AGENT).body(update(site, asset, "P3", "OPEN", 0L)).put("/api/tickets/" + id).then().statusCode(200)
                .body("siteId", equalTo((int) site)).body("assetId", equalTo((int) asset))
                .body("regionId", equalTo((int) region)).body("address", startsWith("2-14-3 Koenji-minami"))
                .body("description", equalTo("Booster light off")).body("version", equalTo(1));
        as(MANAGER).get("/api/tickets/" + id).then().body("assetId", equalTo((int) asset)).body("version", equalTo(1));
    }

    @Test
    void shouldPlaceTheTicketAtTheSiteOfAnAssetAddedLater() {
        long region = TestData.region();
        long site = TestData.site(region);
        long asset = TestData.asset(site, null);
        long id = as(AGENT).body(callerTicket(unique("Caller"), TestData.tokyoPhone())).post("/api/tickets").then()
                .extract().jsonPath().getLong("id");
        as(AGENT).body(update(null, asset, "P3", "OPEN", 0L)).put("/api/tickets/" + id).then().statusCode(200)
                .body("assetId", equalTo((int) asset)).body("siteId", equalTo((int) site))
                .body("regionId", equalTo((int) region));
    }

    @Test
    void shouldNameTheUnknownSiteOnUpdate() {
        long id = TestData.ticket(TestData.region());
        assertProblem(as(AGENT).body(update(999999999L, null, "P3", "OPEN", 0L)).put("/api/tickets/" + id).then(),
                422, "siteId");
        assertProblem(as(AGENT).body(update(null, null, "P3", null, 0L)).put("/api/tickets/" + id).then(), 400,
                "status");
    }

    @Test
    void shouldRecomputeTheSlaWhenThePriorityChanges() {
        long id = as(AGENT).body(callerTicket(unique("Caller"), TestData.tokyoPhone())).post("/api/tickets").then()
                .extract().jsonPath().getLong("id");
        JsonPath updated = as(DISPATCHER).body(update(null, null, "P1", "OPEN", 0L)).put("/api/tickets/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(Duration.between(Instant.parse(updated.getString("openedAt")),
                Instant.parse(updated.getString("slaDueAt")))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void shouldCloseAndReopenTicket() {
        long id = TestData.ticket(TestData.region());
        as(AGENT).body(update(null, null, "P3", "RESOLVED", 0L)).put("/api/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("closedAt", notNullValue());
        as(AGENT).body(update(null, null, "P3", "OPEN", 1L)).put("/api/tickets/" + id).then().statusCode(200)
                .body("closedAt", nullValue());
    }

    @Test
    void shouldRejectAnAssetFromAnotherSite() {
        long region = TestData.region();
        long id = TestData.ticket(TestData.customer("Ueda Sho", TestData.tokyoPhone()), TestData.site(region));
        long elsewhere = TestData.asset(TestData.site(region), null);
        assertProblem(as(AGENT).body(update(null, elsewhere, "P3", "OPEN", 0L)).put("/api/tickets/" + id).then(),
                422, "assetId");
        as(AGENT).get("/api/tickets/" + id).then().body("assetId", nullValue()).body("version", equalTo(0));
    }

    @Test
    void shouldRejectAnAssetFromAnotherSiteWhenOpening() {
        long region = TestData.region();
        Map<String, Object> body = TestData.ticketBody(TestData.customer("Abe Nao", TestData.tokyoPhone()),
                TestData.site(region));
        body.put("assetId", TestData.asset(TestData.site(region), null));
        assertProblem(as(AGENT).body(body).post("/api/tickets").then(), 422, "assetId");
    }

    @Test
    void shouldTakeTheSiteFromTheAssetWhenOpening() {
        long region = TestData.region();
        long site = TestData.site(region);
        Map<String, Object> body = TestData.ticketBody(TestData.customer("Abe Nao", TestData.tokyoPhone()), null);
        body.put("assetId", TestData.asset(site, null));
        as(AGENT).body(body).post("/api/tickets").then().statusCode(201).body("siteId", equalTo((int) site))
                .body("regionId", equalTo((int) region));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long id = TestData.ticket(TestData.region());
        as(AGENT).body(update(null, null, "P2", "OPEN", 0L)).put("/api/tickets/" + id).then().statusCode(200);
        assertProblem(as(AGENT).body(update(null, null, "P4", "OPEN", 0L)).put("/api/tickets/" + id).then(), 409,
                "version");
        as(AGENT).get("/api/tickets/" + id).then().body("priority", equalTo("P2"));
    }

    @Test
    void shouldListTicketsByStatusRegionAndPriority() {
        long region = TestData.region();
        long customer = TestData.customer("Mori Daichi", TestData.tokyoPhone());
        Map<String, Object> urgent = TestData.ticketBody(customer, TestData.site(region));
        urgent.put("priority", "P1");
        urgent.put("priorityOverrideReason", "Elderly customer living alone");
        long p1 = as(AGENT).body(urgent).post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        long p3 = TestData.ticket(customer, TestData.site(region));
        long working = TestData.ticket(customer, TestData.site(region));
        as(DISPATCHER).body(update(null, null, "P3", "IN_PROGRESS", 0L)).put("/api/tickets/" + working).then()
                .statusCode(200);
        TestData.ticket(TestData.region());

        as(AGENT).queryParam("regionId", region).get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains((int) p1, (int) p3, (int) working));
        as(AGENT).queryParam("regionId", region).queryParam("priority", "P1").get("/api/tickets").then()
                .body("total", equalTo(1)).body("items.id", contains((int) p1));
        // Only the priority's name: a lower-case "p1" is refused.
        as(AGENT).queryParam("regionId", region).queryParam("priority", "p1").get("/api/tickets").then()
                .statusCode(400).body("field", equalTo("priority"));
        as(AGENT).queryParam("regionId", region).queryParam("status", "OPEN").get("/api/tickets").then()
                .body("items.id", containsInAnyOrder((int) p1, (int) p3));
        as(AGENT).queryParam("regionId", region).queryParam("status", "IN_PROGRESS").queryParam("priority", "P3")
                .get("/api/tickets").then().body("items.id", contains((int) working));
        as(AGENT).queryParam("regionId", region).queryParam("size", 2).queryParam("page", 1).get("/api/tickets")
                .then().body("total", equalTo(3)).body("items.id", contains((int) working));
    }

    @Test
    void shouldNameTheUnknownStatusOrPriorityFilter() {
        assertProblem(as(AGENT).queryParam("status", "DONE").get("/api/tickets").then(), 400, "status");
        assertProblem(as(AGENT).queryParam("priority", "P9").get("/api/tickets").then(), 400, "priority");
    }

    @Test
    void shouldNotCreateTheCustomerWhenTheSiteIsUnknown() {
        String phone = TestData.tokyoPhone();
        Map<String, Object> body = callerTicket(unique("Ghost"), phone);
        body.put("siteId", 999999999L);
        assertProblem(as(AGENT).body(body).post("/api/tickets").then(), 422, "siteId");
        as(AGENT).queryParam("phone", phone).get("/api/customers").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldNameTheMissingCallerOrTroubleCode() {
        Map<String, Object> noCaller = new HashMap<>(Map.of("troubleCode", "TV/NO_SIGNAL"));
        assertProblem(as(AGENT).body(noCaller).post("/api/tickets").then(), 400, "caller");

        Map<String, Object> noTrouble = callerTicket(unique("Caller"), TestData.tokyoPhone());
        noTrouble.remove("troubleCode");
        assertProblem(as(AGENT).body(noTrouble).post("/api/tickets").then(), 400, "troubleCode");

        assertProblem(as(AGENT).body(callerTicket(unique("Caller"), "123")).post("/api/tickets").then(), 400,
                "caller.phone");
        assertProblem(as(AGENT).body(callerTicket("", TestData.tokyoPhone())).post("/api/tickets").then(), 400,
                "caller.name");

        Map<String, Object> badPriority = callerTicket(unique("Caller"), TestData.tokyoPhone());
        badPriority.put("priority", "URGENT");
        assertProblem(as(AGENT).body(badPriority).post("/api/tickets").then(), 400, "priority");
    }

    @Test
    void shouldNameTheUnknownCustomer() {
        assertProblem(as(AGENT).body(TestData.ticketBody(999999999L, null)).post("/api/tickets").then(), 422,
                "customerId");
    }

    @Test
    void shouldNotGetUnknownTicket() {
        assertProblem(as(AGENT).get("/api/tickets/999999999").then(), 404);
    }

    @Test
    void shouldRestrictTicketsToOfficeRoles() {
        anonymous().get("/api/tickets").then().statusCode(401);
        as(TestData.technician(TestData.region()).login()).get("/api/tickets").then().statusCode(403);
        as(MANAGER).get("/api/tickets").then().statusCode(200);
        as(MANAGER).body(callerTicket(unique("Caller"), TestData.tokyoPhone())).post("/api/tickets").then()
                .statusCode(403);
        as(ADMIN).body(callerTicket(unique("Caller"), TestData.tokyoPhone())).post("/api/tickets").then()
                .statusCode(201);
    }
}
