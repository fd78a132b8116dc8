package org.tehai.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.unique;
import static org.tehai.support.Api.uniqueDigits;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** A fault report from the first call to the resolved ticket, as the desk and the dispatcher handle it. */
@QuarkusTest
class TicketLifecycleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Test
    void shouldCarryAFaultReportFromFirstCallToResolution() {
        long region = TestData.region();
        String building = unique("Koenji Heights");
        String digits = uniqueDigits(8);
        String phone = "03-" + digits.substring(0, 4) + "-" + digits.substring(4);
        String caller = unique("Tanaka Yui");

        // The caller rings with nothing but a name, a number and "no picture".
        long ticket = as(AGENT).body(Map.of("caller", Map.of("name", caller, "phone", phone), "troubleCode",
                "TV/NO_SIGNAL", "impact", "NO_SERVICE")).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        // The agent finds where: the flat, and the outlet that hangs off the building's booster.
        long customer = as(AGENT).queryParam("phone", "+81 3 " + digits.substring(0, 4) + " " + digits.substring(4))
                .get("/api/customers").then().body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");
        Map<String, Object> flat = TestData.siteBody(region, building, true);
        flat.put("customerId", customer);
        flat.put("unit", "301");
        long site = as(AGENT).body(flat).post("/api/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        long booster = TestData.asset(TestData.site(region, building, true), null);
        long outlet = TestData.asset(site, booster);
        Map<String, Object> located = new HashMap<>(Map.of("siteId", site, "assetId", outlet, "troubleCode",
                "TV/NO_SIGNAL", "priority", "P2", "status", "OPEN", "version", 0));
        as(AGENT).body(located).put("/api/tickets/" + ticket).then().statusCode(200)
                .body("regionId", equalTo((int) region)).body("address", equalTo(
                        "2-14-3 Koenji-minami, Suginami-ku, flat 301 (" + building + ")"));

        // The dispatcher needs a visit; the customer is home in the morning.
        long visit = TestData.visit(ticket, DAY);
        as(DISPATCHER).queryParam("regionId", region).queryParam("date", DAY.toString()).get("/api/visits").then()
                .body("items.id", contains((int) visit)).body("items[0].priority", equalTo("P2"));

        // The caller rings again; the same customer is found, and the call is logged on the ticket.
        as(AGENT).body(Map.of("kind", "ARRIVAL_INQUIRY", "notes", "Asked when the technician comes"))
                .post("/api/tickets/" + ticket + "/contacts").then().statusCode(201);

        // The booster is fixed from the plant room: the visit is not needed and the ticket is resolved.
        as(DISPATCHER).body(Map.of("reason", "Fixed at the building booster")).post("/api/visits/" + visit + "/cancel")
                .then().statusCode(200);
        located.put("status", "RESOLVED");
        located.put("version", 1);
        as(AGENT).body(located).put("/api/tickets/" + ticket).then().statusCode(200).body("status", equalTo("RESOLVED"));

        var seen = as(MANAGER).get("/api/tickets/" + ticket).then().statusCode(200)
                .body("visits.status", contains("CANCELLED")).body("customer.id", equalTo((int) customer))
                .extract().jsonPath();
        assertThat(seen.getString("closedAt")).isNotNull();
        as(MANAGER).get("/api/tickets/" + ticket + "/contacts").then()
                .body("kind", contains("NEW_REPORT", "ARRIVAL_INQUIRY"));
        as(AGENT).queryParam("parentAssetId", booster).get("/api/assets").then().body("items.id",
                contains((int) outlet));
    }
}
