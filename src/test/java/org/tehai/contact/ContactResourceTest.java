package org.tehai.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.unique;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContactResourceTest {

    private static String contacts(long ticketId) {
        return "/api/tickets/" + ticketId + "/contacts";
    }

    @Test
    void shouldLogContactsOldestFirst() {
        long ticket = TestData.ticket(TestData.region());
        var response = as(AGENT).body(Map.of("kind", "ARRIVAL_INQUIRY", "notes", "Where is the technician?"))
                .post(contacts(ticket));
        response.then().statusCode(201).body("kind", equalTo("ARRIVAL_INQUIRY")).body("author", equalTo("agent"))
                .body("channel", equalTo("PHONE")).body("ticketId", equalTo((int) ticket));
        assertThat(response.header("Location")).contains(contacts(ticket) + "/");
        as(DISPATCHER).body(Map.of("kind", "CALLBACK_DONE", "direction", "OUTBOUND")).post(contacts(ticket)).then()
                .statusCode(201);

        as(MANAGER).get(contacts(ticket)).then().statusCode(200)
                .body("kind", contains("NEW_REPORT", "ARRIVAL_INQUIRY", "CALLBACK_DONE"))
                .body("direction", contains("INBOUND", "INBOUND", "OUTBOUND"));
    }

    @Test
    void shouldLogAComplaintAsTheFirstContactOfAComplaintTicket() {
        Map<String, Object> body = new HashMap<>(Map.of("caller",
                Map.of("name", unique("Angry"), "phone", TestData.tokyoPhone()), "troubleCode", "COMPLAINT/LATE_TECHNICIAN",
                "kind", "COMPLAINT"));
        long ticket = as(AGENT).body(body).post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        as(AGENT).get(contacts(ticket)).then().body("kind", contains("COMPLAINT"));
    }

    @Test
    void shouldKeepTheTimeTheContactHappened() {
        long ticket = TestData.ticket(TestData.region());
        OffsetDateTime earlier = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(2).withNano(0);
        as(AGENT).body(Map.of("kind", "CALLBACK_REQUEST", "occurredAt", earlier.toString())).post(contacts(ticket))
                .then().statusCode(201).body("occurredAt", equalTo(earlier.toInstant().toString()));
        as(AGENT).get(contacts(ticket)).then().body("kind", contains("CALLBACK_REQUEST", "NEW_REPORT"));
    }

    @Test
    void shouldNameTheMissingOrUnknownKind() {
        long ticket = TestData.ticket(TestData.region());
        assertProblem(as(AGENT).body(Map.of("notes", "no kind")).post(contacts(ticket)).then(), 400, "kind");
        assertProblem(as(AGENT).body(Map.of("kind", "GOSSIP")).post(contacts(ticket)).then(), 400, "kind");
        as(AGENT).get(contacts(ticket)).then().body("kind", contains("NEW_REPORT"));
    }

    @Test
    void shouldRejectAContactInTheFuture() {
        long ticket = TestData.ticket(TestData.region());
        assertProblem(as(AGENT).body(Map.of("kind", "OTHER", "occurredAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString())).post(contacts(ticket)).then(), 400,
                "occurredAt");
    }

    @Test
    void shouldNotLogOnUnknownTicket() {
        assertProblem(as(AGENT).get(contacts(999999999L)).then(), 404);
        assertProblem(as(AGENT).body(Map.of("kind", "OTHER")).post(contacts(999999999L)).then(), 404);
    }

    @Test
    void shouldRestrictTheContactLogToOfficeRoles() {
        long region = TestData.region();
        long ticket = TestData.ticket(region);
        anonymous().get(contacts(ticket)).then().statusCode(401);
        as(TestData.technician(region).login()).get(contacts(ticket)).then().statusCode(403);
        as(MANAGER).body(Map.of("kind", "OTHER")).post(contacts(ticket)).then().statusCode(403);
    }
}
