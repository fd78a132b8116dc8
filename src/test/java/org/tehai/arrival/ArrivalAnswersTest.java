package org.tehai.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * "Where is the technician?" is a read of what is stored on the visit (the plan, the window told, the live estimate
 * that the technician's reports left there) plus the inquiry written to the ticket's contact log: whatever the
 * visit row says is what the caller hears at once, and every answer leaves its contact row.
 */
@QuarkusTest
class ArrivalAnswersTest {

    private static final LocalDate DAY = LocalDate.of(2030, 4, 9);

    private static Instant at(String time) {
        return OffsetDateTime.parse(DAY + "T" + time + ":00+09:00").toInstant();
    }

    private static void change(long visitId, Consumer<Visit> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Visit.findById(visitId)));
    }

    /** The published plan's part of a visit, without a solver: on the technician's route at a start. */
    private static void dispatch(long visitId, long technicianId, int position, String start) {
        change(visitId, visit -> visit.dispatchTo(Technician.findById(technicianId), null, position, at(start)));
    }

    /**
     * A visit of a job type no other test uses: the visits this test finishes must not teach {@code JobDurations}
     * how other tests' jobs run.
     */
    private static long ownJob(long ticket) {
        Map<String, Object> body = new java.util.HashMap<>(TestData.visitBody(ticket, DAY));
        body.put("jobType", "ARRIVAL_ANSWERS_TEST");
        return as("dispatcher").body(body).post("/api/visits").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static List<String> inquiries(long ticket) {
        return as("agent").get("/api/tickets/" + ticket + "/contacts").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'ARRIVAL_INQUIRY' }.author", String.class);
    }

    @Test
    void shouldTellWhatTheVisitRowSaysAndLogEveryAnswer() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        long before = TestData.visit(TestData.ticket(region), DAY);
        long ticket = TestData.ticket(region);
        long visit = TestData.visit(ticket, DAY);
        dispatch(before, technician.id(), 0, "09:00");
        dispatch(visit, technician.id(), 1, "11:00");
        // What LiveEstimates leaves on the row when the first job overruns; no event was sent, so an answer that
        // recomputed the day would find it on plan.
        change(visit, v -> {
            v.quote(at("11:00"), at("12:00"));
            v.estimate(at("12:40"), "previous job overran");
            v.flagAtRisk(Instant.now());
        });

        String arrival = "/api/tickets/" + ticket + "/arrival";
        as("agent").get(arrival).then().statusCode(200).body("ticketId", equalTo((int) ticket))
                .body("visitId", equalTo((int) visit)).body("state", equalTo("PLANNED"))
                .body("technicianFirstName", equalTo("Kenji")).body("visitsBefore", equalTo(1))
                .body("quotedWindow.start", equalTo(DAY + "T11:00:00+09:00"))
                .body("quotedWindow.end", equalTo(DAY + "T12:00:00+09:00"))
                .body("plannedStart", equalTo(DAY + "T11:00:00+09:00"))
                .body("liveEstimate", equalTo(DAY + "T12:40:00+09:00")).body("delayMinutes", equalTo(100))
                .body("delayReason", equalTo("previous job overran")).body("atRisk", equalTo(true))
                .body("lastPositionAgeMinutes", equalTo(null))
                .body("sayToCaller", containsString("now looks like about 12:40"))
                .body("sentences.en", containsString("previous job")).body("sentences.ja", containsString("12:40"));

        // The technician catches up and the window is told again: the next answer says so, nothing is kept.
        change(visit, v -> {
            v.quote(at("11:00"), at("12:00"));
            v.estimate(at("11:10"), null);
        });
        as("agent").get(arrival).then().statusCode(200).body("atRisk", equalTo(false))
                .body("liveEstimate", equalTo(DAY + "T11:10:00+09:00")).body("delayMinutes", equalTo(10))
                .body("delayReason", equalTo(null)).body("sayToCaller", containsString("still holds"));

        String phone = as("agent").get("/api/tickets/" + ticket).then().extract().jsonPath()
                .getString("customer.phones[0]");
        as("agent").queryParam("phone", phone.replace("-", " ")).get("/api/arrivals").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].ticketId", equalTo((int) ticket))
                .body("[0].liveEstimate", equalTo(DAY + "T11:10:00+09:00")).body("[0].visitsBefore", equalTo(1));

        List<Map<String, Object>> contacts = as("agent").get("/api/tickets/" + ticket + "/contacts").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'ARRIVAL_INQUIRY' }");
        assertThat(contacts).hasSize(3).allSatisfy(contact -> {
            assertThat(contact.get("author")).isEqualTo("agent");
            assertThat(contact.get("direction")).isEqualTo("INBOUND");
            assertThat(contact.get("channel")).isEqualTo("PHONE");
            assertThat(contact.get("noteKey")).isNotNull();
            assertThat((String) contact.get("notesJapanese")).isNotBlank();
            // The call that opened the ticket is an earlier inbound contact within the week.
            assertThat(contact.get("repeatContact")).isEqualTo(true);
        });
        assertThat(contacts.get(0).get("notes")).asString().contains("now looks like about 12:40");
        assertThat(contacts.get(2).get("notes")).asString().contains("still holds");
    }

    @Test
    void shouldAnswerForTheVisitTheCallerWaitsFor() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);

        // A finished visit and a follow-up on its way: the follow-up.
        long ticket = TestData.ticket(region);
        long done = ownJob(ticket);
        long next = ownJob(ticket);
        dispatch(done, technician.id(), 0, "09:00");
        dispatch(next, technician.id(), 1, "11:00");
        change(done, v -> {
            v.advanceTo(VisitStatus.ON_SITE, at("09:00"));
            v.finish(VisitStatus.DONE, at("10:00"), "fixed");
        });
        change(next, v -> v.advanceTo(VisitStatus.EN_ROUTE, at("10:30")));
        as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200)
                .body("visitId", equalTo((int) next)).body("state", equalTo("ON_THE_WAY"))
                .body("visitsBefore", equalTo(null));
        // Both finished: the latest.
        change(next, v -> {
            v.advanceTo(VisitStatus.ON_SITE, at("11:00"));
            v.finish(VisitStatus.DONE, at("12:00"), "fixed");
        });
        as("agent").get("/api/tickets/" + ticket + "/arrival").then().statusCode(200)
                .body("visitId", equalTo((int) next)).body("state", equalTo("DONE"));

        // Only a cancelled visit: nothing planned.
        long cancelled = TestData.ticket(region);
        long gone = TestData.visit(cancelled, DAY);
        change(gone, v -> v.cancel("customer fixed it"));
        as("agent").get("/api/tickets/" + cancelled + "/arrival").then().statusCode(200)
                .body("visitId", equalTo(null)).body("state", equalTo("NOT_YET_PLANNED"))
                .body("sayToCaller", containsString("not scheduled yet"));
        assertThat(inquiries(cancelled)).containsExactly("agent");

        // Two flats on one booster: both callers wait for the incident's one visit.
        String building = Api.unique("Arrival Heights");
        long plantRoom = TestData.site(null, region, building, null, 35.7051, 139.6499);
        long booster = TestData.asset(plantRoom, null, "Maspro booster", Api.unique("BST"));
        long[] tickets = new long[2];
        for (int i = 0; i < 2; i++) {
            long customer = TestData.customer("Flat " + (201 + i) + " " + building, TestData.tokyoPhone());
            long flat = TestData.site(customer, region, building, Integer.toString(201 + i), 35.7051, 139.6499);
            long outlet = TestData.asset(flat, booster, "TV wall outlet", null);
            tickets[i] = as("agent").body(Map.of("customerId", customer, "siteId", flat, "assetId", outlet,
                    "troubleCode", "TV/NO_SIGNAL", "impact", "NO_SERVICE")).post("/api/tickets").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
        }
        JsonPath incident = as("agent").get("/api/incidents/" + as("agent").get("/api/tickets/" + tickets[1]).then()
                .extract().jsonPath().getLong("incident.id")).then().statusCode(200).extract().jsonPath();
        long shared = incident.getLong("visits[0].id");
        dispatch(shared, technician.id(), 2, "14:00");
        for (long caller : tickets) {
            as("agent").get("/api/tickets/" + caller + "/arrival").then().statusCode(200)
                    .body("visitId", equalTo((int) shared)).body("state", equalTo("PLANNED"))
                    .body("technicianFirstName", equalTo("Kenji"))
                    .body("plannedStart", equalTo(DAY + "T14:00:00+09:00"));
            assertThat(inquiries(caller)).containsExactly("agent");
        }
    }

    @Test
    void shouldRefuseBadRequestsWithProblemsAndLogNothing() {
        assertProblem(as("agent").get("/api/tickets/0/arrival").then(), 400, "id");
        assertProblem(as("agent").get("/api/tickets/987654321/arrival").then(), 404);
        assertProblem(as("agent").get("/api/arrivals").then(), 400, "phone");
        assertProblem(as("agent").queryParam("phone", "not a number").get("/api/arrivals").then(), 400, "phone");
        as("agent").queryParam("phone", TestData.tokyoPhone()).get("/api/arrivals").then().statusCode(200)
                .body("$", hasSize(0));
        long ticket = TestData.ticket(TestData.region());
        as("technician-nobody").get("/api/tickets/" + ticket + "/arrival").then().statusCode(401);
        assertThat(inquiries(ticket)).isEmpty();
    }
}
