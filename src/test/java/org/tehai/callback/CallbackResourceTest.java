package org.tehai.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.as;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CallbackResourceTest {

    @Test
    void shouldListDueCallbacksOfARegionOldestFirstAndCloseThemWithNotes() {
        long region = TestData.region();
        long customer = TestData.customer("Call Me Back", TestData.tokyoPhone());
        long site = TestData.site(customer, region, null, null, 35.70, 139.65);
        long ticket = as("agent").body(Map.of("customerId", customer, "siteId", site, "troubleCode", "PC/NO_BOOT"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9));

        long later = as("agent").body(Map.of("ticketId", ticket, "dueAt", now.plusHours(3).toString(),
                "reason", "Confirm the serial number")).post("/api/callbacks").then().statusCode(201)
                .body("status", equalTo("DUE")).extract().jsonPath().getLong("id");
        long sooner = as("agent").body(Map.of("ticketId", ticket, "dueAt", now.plusMinutes(30).toString(),
                "reason", "Tell the window")).post("/api/callbacks").then().statusCode(201).extract().jsonPath()
                .getLong("id");

        List<Long> due = as("agent").get("/api/callbacks?regionId=" + region).then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class);
        assertThat(due).containsExactly(sooner, later);

        as("agent").body(Map.of("notes", "Told the customer the window 10:00-11:00")).post("/api/callbacks/" + sooner
                + "/done").then().statusCode(200).body("status", equalTo("DONE")).body("closedBy", equalTo("agent"));
        as("agent").body(Map.of("notes", "no answer")).post("/api/callbacks/" + sooner + "/done").then()
                .statusCode(409);
        as("agent").body(Map.of("notes", "No answer twice, left voicemail")).post("/api/callbacks/" + later
                + "/failed").then().statusCode(200).body("status", equalTo("FAILED"));

        assertThat(as("agent").get("/api/callbacks?regionId=" + region).then().extract().jsonPath()
                .getList("items")).isEmpty();
        assertThat(as("agent").get("/api/tickets/" + ticket + "/contacts").then().extract().jsonPath()
                .getList("kind", String.class)).containsExactly("NEW_REPORT", "CALLBACK_REQUEST", "CALLBACK_REQUEST",
                        "CALLBACK_DONE", "CALLBACK_FAILED");
    }

    @Test
    void shouldRejectCallbacksWithoutWhomToCallOrInThePast() {
        as("agent").body(Map.of("dueAt", OffsetDateTime.now().plusHours(1).toString(), "reason", "x"))
                .post("/api/callbacks").then().statusCode(400).body("field", equalTo("ticketId"));
        long customer = TestData.customer("Past Callback", TestData.tokyoPhone());
        as("agent").body(Map.of("customerId", customer, "dueAt", OffsetDateTime.now().minusDays(1).toString(),
                "reason", "x")).post("/api/callbacks").then().statusCode(400).body("field", equalTo("dueAt"));
        as("agent").body(Map.of("customerId", customer, "reason", "x")).post("/api/callbacks").then()
                .statusCode(400).body("field", equalTo("dueAt"));
    }

    @Test
    void shouldKeepCallbacksFromTechnicians() {
        io.restassured.RestAssured.given().get("/api/callbacks").then().statusCode(401);
    }
}
