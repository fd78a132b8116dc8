package org.tehai.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.incident.Buildings.call;
import static org.tehai.incident.Buildings.correct;
import static org.tehai.incident.Buildings.incident;
import static org.tehai.incident.Buildings.incidentOf;
import static org.tehai.incident.Buildings.ticket;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.incident.Buildings.Building;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The rules that decide which calls the desk links into one incident, as an agent sees their outcome. */
@QuarkusTest
class IncidentLinkingRulesTest {

    private static final LocalDate DAY = LocalDate.now().plusDays(3);

    @Test
    void shouldTreatTheSameFlatCallingTwiceAsARepeatContactNotASharedFault() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Repeat Heights", 2, 35.7051, 139.6499);
        JsonPath first = call(building.flats().get(0), "TV/NO_SIGNAL");
        JsonPath again = call(building.flats().get(0), "TV/PIXELATION");

        assertThat(again.<Object>get("incident")).as("one flat calling twice is not a shared fault").isNull();
        assertThat(again.getList("related.reason", String.class)).containsExactly("REPEAT_CONTACT");
        assertThat(again.getString("related[0].number")).isEqualTo(first.getString("number"));

        // A neighbour on the same booster is the second address: now it is a suspected incident with all three calls.
        JsonPath neighbour = call(building.flats().get(1), "TV/NO_SIGNAL");
        assertThat(neighbour.getString("incident.kind")).isEqualTo("SHARED_EQUIPMENT");
        assertThat(incident(neighbour.getLong("incident.id")).getList("tickets.number", String.class))
                .containsExactlyInAnyOrder(first.getString("number"), again.getString("number"),
                        neighbour.getString("number"));
    }

    @Test
    void shouldMoveACorrectedTicketToTheRightIncidentAndCloseTheOneItLeaves() {
        long region = TestData.region();
        Building a = Buildings.building(region, "Wrong Court", 2, 35.7000, 139.6400);
        Building b = Buildings.building(region, "Right Court", 3, 35.7200, 139.6700);
        long a1 = call(a.flats().get(0), "TV/NO_SIGNAL").getLong("id");
        long ownVisit = TestData.visit(a1, DAY);
        // The agent picked a flat of building A, but the caller lives in building B, flat 103.
        JsonPath wrong = call(a.flats().get(1), "TV/NO_SIGNAL");
        long incidentA = wrong.getLong("incident.id");
        assertThat(ticket(a1).getList("visits.status", String.class)).containsExactly("CANCELLED");
        long b1 = call(b.flats().get(0), "TV/NO_SIGNAL").getLong("id");
        long incidentB = call(b.flats().get(1), "TV/NO_SIGNAL").getLong("incident.id");

        JsonPath corrected = correct(wrong.getLong("id"), b.flats().get(2).site(), b.flats().get(2).outlet());

        assertThat(corrected.getLong("incident.id")).as("joins the right incident").isEqualTo(incidentB);
        assertThat(corrected.getLong("incident.visit.id")).isEqualTo(incident(incidentB).getLong("visits[0].id"));
        assertThat(incident(incidentB).getList("tickets.id", Long.class)).contains(b1, wrong.getLong("id"));
        // Building A is left with one caller: its suspected incident closes and drops its visit to the booster.
        JsonPath left = incident(incidentA);
        assertThat(left.getString("status")).isEqualTo("RESOLVED");
        assertThat(left.getList("visits.status", String.class)).containsOnly("CANCELLED");
        assertThat(left.getList("tickets.id", Long.class)).doesNotContain(wrong.getLong("id"));
        // ... and the remaining caller gets its own visit back, with the needs of the one the incident replaced.
        JsonPath remaining = ticket(a1);
        assertThat(remaining.<Object>get("incident")).isNull();
        assertThat(remaining.getList("visits.status", String.class)).containsExactly("CANCELLED", "UNPLANNED");
        long back = remaining.getLong("visits[1].id");
        JsonPath restored = as("dispatcher").get("/api/visits/" + back).then().statusCode(200).extract().jsonPath();
        JsonPath original = as("dispatcher").get("/api/visits/" + ownVisit).then().statusCode(200).extract().jsonPath();
        assertThat(restored.getString("jobType")).isEqualTo(original.getString("jobType"));
        assertThat(restored.getLong("siteId")).isEqualTo(a.flats().get(0).site());
    }

    @Test
    void shouldGiveACorrectedTicketItsOwnVisitBackWhenItLeavesASharedFault() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Three Flats", 3, 35.7100, 139.6500);
        long house = TestData.site(TestData.customer("Detached House", TestData.tokyoPhone()), region, null, null,
                35.6900, 139.6200);
        long settop = TestData.asset(house, null, "4K set-top box", null);
        long incidentId = 0;
        long moved = 0;
        for (int i = 0; i < 3; i++) {
            JsonPath t = call(building.flats().get(i), "TV/NO_SIGNAL");
            if (i == 2) {
                incidentId = t.getLong("incident.id");
                moved = t.getLong("id");
            }
        }

        JsonPath corrected = correct(moved, house, settop);

        assertThat(corrected.<Object>get("incident")).isNull();
        assertThat(corrected.getList("visits.status", String.class)).containsExactly("UNPLANNED");
        // Two flats still call about the booster: the incident and its one visit stay.
        JsonPath stays = incident(incidentId);
        assertThat(stays.getString("status")).isEqualTo("SUSPECTED");
        assertThat(stays.getList("tickets.id", Long.class)).hasSize(2).doesNotContain(moved);
        assertThat(stays.getList("visits.status", String.class)).containsExactly("UNPLANNED");
    }

    @Test
    void shouldLetADeclaredOutageAbsorbASuspectedIncidentAndCancelItsVisit() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Outage Mansion", 2, 35.7300, 139.6300);
        long first = call(building.flats().get(0), "TV/NO_SIGNAL").getLong("id");
        JsonPath second = call(building.flats().get(1), "TV/NO_SIGNAL");
        long suspected = second.getLong("incident.id");
        long boosterVisit = second.getLong("incident.visit.id");

        JsonPath outage = as("manager").body(Map.of("regionId", region, "category", "TV", "title",
                "Head-end failure", "statusText", "TV signal lost in the area; engineers are on it.", "latitude",
                35.7300, "longitude", 139.6300, "radiusMetres", 500)).post("/api/outages").then().statusCode(201)
                .extract().jsonPath();
        long outageId = outage.getLong("id");

        assertThat(outage.getList("tickets.id", Long.class)).containsExactlyInAnyOrder(first, second.getLong("id"));
        JsonPath absorbed = incident(suspected);
        assertThat(absorbed.getString("status")).isEqualTo("RESOLVED");
        assertThat(absorbed.getString("cause")).contains("INC-" + outageId);
        JsonPath visit = as("dispatcher").get("/api/visits/" + boosterVisit).then().statusCode(200).extract()
                .jsonPath();
        assertThat(visit.getString("status")).isEqualTo("CANCELLED");
        assertThat(visit.getString("outcome")).contains("INC-" + outageId);
        assertThat(ticket(first).getLong("incident.id")).isEqualTo(outageId);
        assertThat(ticket(first).getString("incident.kind")).isEqualTo("AREA_OUTAGE");
    }

    @Test
    void shouldLetABuildingOutageCatchAnIntercomCallByTheCataloguesCategory() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Intercom House", 2, 35.7400, 139.6400);
        assertProblem(as("manager").body(Map.of("regionId", region, "category", "INTERCOM", "title", "Intercom",
                "statusText", "Intercom down", "buildings", List.of(building.name()))).post("/api/outages").then(),
                422, "category");
        long outage = as("manager").body(Map.of("regionId", region, "category", "BUILDING", "title",
                "Building systems down", "statusText", "Power failure in the building's systems room.", "buildings",
                List.of(building.name()))).post("/api/outages").then().statusCode(201).extract().jsonPath().getLong("id");

        JsonPath intercom = as("agent").body(Map.of("customerId", building.flats().get(0).customer(), "siteId",
                building.flats().get(0).site(), "troubleCode", "INTERCOM/DEAD")).post("/api/tickets").then()
                .statusCode(201).extract().jsonPath();
        assertThat(incidentOf(intercom)).isEqualTo(outage);
        assertThat(intercom.getString("incident.kind")).isEqualTo("AREA_OUTAGE");
        // A TV call in the same building is not building-systems trouble.
        assertThat(call(building.flats().get(1), "TV/NO_SIGNAL").<Object>get("incident")).isNull();
    }

    @Test
    void shouldShowTheOneSharedVisitInTheIntakeAnswer() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Visit Court", 2, 35.7500, 139.6500);
        long first = call(building.flats().get(0), "TV/NO_SIGNAL").getLong("id");
        JsonPath second = call(building.flats().get(1), "TV/NO_SIGNAL");

        long visitId = second.getLong("incident.visit.id");
        assertThat(second.getString("incident.visit.status")).isEqualTo("UNPLANNED");
        assertThat(second.<Object>get("incident.visit.quotedWindowStart")).as("no window quoted yet").isNull();
        assertThat(second.getString("incident.statusText")).contains("visit " + visitId);
        assertThat(second.getLong("incident.visit.id")).isEqualTo(incident(second.getLong("incident.id"))
                .getLong("visits[0].id"));
        assertThat(ticket(first).getLong("incident.visit.id")).isEqualTo(visitId);
        JsonPath visit = as("dispatcher").get("/api/visits/" + visitId).then().statusCode(200).extract().jsonPath();
        assertThat(visit.getLong("assetId")).isEqualTo(building.booster());
    }

    @Test
    void shouldRefuseAVisitOfItsOwnForACoveredTicketUnlessTheRequestSaysWhy() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Covered Court", 3, 35.7600, 139.6600);
        call(building.flats().get(0), "TV/NO_SIGNAL");
        JsonPath covered = call(building.flats().get(1), "TV/NO_SIGNAL");
        long ticketId = covered.getLong("id");
        long incidentId = covered.getLong("incident.id");

        assertProblem(as("dispatcher").body(TestData.visitBody(ticketId, DAY)).post("/api/visits").then(), 409,
                "ticketId").body("detail", org.hamcrest.Matchers.containsString("INC-" + incidentId));
        as("dispatcher").queryParam("ticketId", ticketId).get("/api/visits").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));

        Map<String, Object> withReason = new java.util.HashMap<>(TestData.visitBody(ticketId, DAY));
        withReason.put("separateVisitReason", "The flat's own wall socket is also burnt; needs a separate repair.");
        long separate = as("dispatcher").body(withReason).post("/api/visits").then().statusCode(201)
                .body("separateVisitReason", org.hamcrest.Matchers.startsWith("The flat's own wall socket"))
                .extract().jsonPath().getLong("id");
        // A third caller joins the incident: the visit planned on purpose is kept.
        call(building.flats().get(2), "TV/NO_SIGNAL");
        as("dispatcher").get("/api/visits/" + separate).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UNPLANNED"));

        Map<String, Object> tooLong = new java.util.HashMap<>(TestData.visitBody(ticketId, DAY));
        tooLong.put("separateVisitReason", "x".repeat(org.tehai.platform.api.TextLimits.FREE_TEXT + 1));
        assertProblem(as("dispatcher").body(tooLong).post("/api/visits").then(), 400, "separateVisitReason");
    }

    @Test
    void shouldRefuseAVisitOfItsOwnForATicketInsideADeclaredOutage() {
        long region = TestData.region();
        Building building = Buildings.building(region, "Outage Court", 1, 35.7700, 139.6700);
        long outage = as("manager").body(Map.of("regionId", region, "category", "TV", "title", "Head-end",
                "statusText", "Being repaired", "buildings", List.of(building.name()))).post("/api/outages").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long ticketId = call(building.flats().get(0), "TV/NO_SIGNAL").getLong("id");
        assertProblem(as("dispatcher").body(TestData.visitBody(ticketId, DAY)).post("/api/visits").then(), 409,
                "ticketId").body("detail", org.hamcrest.Matchers.containsString("INC-" + outage));
    }
}
