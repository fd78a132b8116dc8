package org.tehai.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.support.AdjustableClock;
import org.tehai.support.Api;
import org.tehai.support.TestData;
import org.tehai.visit.Visit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The story the desk was built for: two neighbours whose flats hang off one building booster call forty minutes
 * apart about a dead TV signal. The second call must reveal the shared fault.
 */
@QuarkusTest
class TwoNeighboursScenarioTest {

    @Inject
    AdjustableClock clock;

    @Inject
    Notifications notifications;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldTurnTwoCallsAboutOneBoosterIntoOneIncidentWithOneVisit() {
        long region = TestData.region();
        String building = Api.unique("Koenji Heights");
        long plantRoom = TestData.site(null, region, building, null, 35.7051, 139.6499);
        String boosterSerial = Api.unique("BST");
        long booster = TestData.asset(plantRoom, null, "Maspro BH-35 booster", boosterSerial);
        long customer301 = TestData.customer("Tanaka Yui", TestData.tokyoPhone());
        long flat301 = TestData.site(customer301, region, building, "301", 35.7051, 139.6499);
        long outlet301 = TestData.asset(flat301, booster, "TV wall outlet", null);
        long customer302 = TestData.customer("Suzuki Ren", TestData.tokyoPhone());
        long flat302 = TestData.site(customer302, region, building, "302", 35.7051, 139.6499);
        long outlet302 = TestData.asset(flat302, booster, "TV wall outlet", null);

        JsonPath first = as("agent").body(Map.of("customerId", customer301, "siteId", flat301, "assetId", outlet301,
                "troubleCode", "TV/NO_SIGNAL", "impact", "NO_SERVICE", "description", "No picture on any channel"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
        assertThat(first.<Object>get("incident")).as("one call is not an incident").isNull();
        String firstPriority = first.getString("priority");
        long firstTicket = first.getLong("id");
        long ownVisit = as("agent").body(Map.of("ticketId", firstTicket, "estimatedDurationMinutes", 45,
                "requiredSkills", List.of(Map.of("skill", "TV", "minLevel", 1)), "requiredTools", List.of(),
                "requiredParts", List.of(), "availability", List.of(Map.of("startsAt", "2030-01-07T09:00:00+09:00",
                        "endsAt", "2030-01-07T12:00:00+09:00"))))
                .post("/api/visits").then().statusCode(201).extract().jsonPath().getLong("id");

        clock.advance(Duration.ofMinutes(40));

        JsonPath second = as("agent").body(Map.of("customerId", customer302, "siteId", flat302, "assetId", outlet302,
                "troubleCode", "TV/NO_SIGNAL", "impact", "NO_SERVICE", "description", "TV dead since this morning"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();

        // The agent taking the second call sees the first call and the shared booster.
        List<Map<String, Object>> related = second.getList("related");
        assertThat(related).anySatisfy(link -> {
            assertThat(link.get("number")).isEqualTo(first.getString("number"));
            assertThat(link.get("reason")).isEqualTo("SHARED_EQUIPMENT");
            assertThat(((Number) link.get("sharedAssetId")).longValue()).isEqualTo(booster);
            assertThat((String) link.get("detail")).contains("Maspro BH-35 booster").contains(boosterSerial);
        });
        assertThat(second.getString("incident.kind")).isEqualTo("SHARED_EQUIPMENT");
        assertThat(second.getString("incident.status")).isEqualTo("SUSPECTED");
        assertThat(second.getString("incident.statusText")).contains("Maspro BH-35 booster");

        long incidentId = second.getLong("incident.id");
        JsonPath incident = as("agent").get("/api/incidents/" + incidentId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(incident.getLong("asset.id")).isEqualTo(booster);
        // Where the shared equipment is, for the incident board's map.
        assertThat(incident.getDouble("asset.latitude")).isEqualTo(35.7051);
        assertThat(incident.getDouble("asset.longitude")).isEqualTo(139.6499);
        assertThat(incident.getList("tickets.number", String.class))
                .containsExactlyInAnyOrder(first.getString("number"), second.getString("number"));

        // Priority is raised above what either caller alone would get.
        for (String number : incident.getList("tickets.number", String.class)) {
            String priority = incident.getString("tickets.find { it.number == '" + number + "' }.priority");
            assertThat(priority).isLessThan(firstPriority);
        }
        assertThat(incident.getString("priority")).isLessThan(firstPriority);

        // Exactly one visit, to the booster in the plant room; the flat's own visit is no longer needed.
        assertThat(incident.getList("visits")).hasSize(1);
        JsonPath visit = as("dispatcher").get("/api/visits/" + incident.getLong("visits[0].id")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(visit.getLong("assetId")).isEqualTo(booster);
        assertThat(visit.getLong("siteId")).isEqualTo(plantRoom);
        assertThat(visit.getString("status")).isEqualTo("UNPLANNED");
        assertThat(visit.getLong("incidentId")).isEqualTo(incidentId);
        as("dispatcher").get("/api/visits/" + ownVisit).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));

        // The incident banner is on the agents' list of open incidents.
        assertThat(as("agent").get("/api/incidents?open=true&regionId=" + region).then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).containsExactly(incidentId);

        // News about the one booster visit reaches both flats.
        long boosterVisit = incident.getLong("visits[0].id");
        List<String> told = QuarkusTransaction.requiringNew().call(() -> notifications.aboutAll(
                Visit.findById(boosterVisit), NotificationKind.TECHNICIAN_ON_THE_WAY).stream()
                .map(n -> n.ticket.number).toList());
        assertThat(told).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void shouldLinkALaterThirdCallToTheOpenIncidentWithoutASecondVisit() {
        long region = TestData.region();
        String building = Api.unique("Nakano Court");
        long plantRoom = TestData.site(null, region, building, null, 35.7074, 139.6638);
        long booster = TestData.asset(plantRoom, null, "Booster", Api.unique("BST"));
        long[] tickets = new long[3];
        long incidentId = 0;
        for (int flat = 0; flat < 3; flat++) {
            long customer = TestData.customer("Flat " + flat, TestData.tokyoPhone());
            long site = TestData.site(customer, region, building, "10" + flat, 35.7074, 139.6638);
            long outlet = TestData.asset(site, booster, "TV wall outlet", null);
            JsonPath ticket = as("agent").body(Map.of("customerId", customer, "siteId", site, "assetId", outlet,
                    "troubleCode", "TV/PIXELATION")).post("/api/tickets").then().statusCode(201).extract().jsonPath();
            tickets[flat] = ticket.getLong("id");
            if (flat > 0) {
                incidentId = ticket.getLong("incident.id");
            }
            clock.advance(Duration.ofHours(2));
        }
        JsonPath incident = as("agent").get("/api/incidents/" + incidentId).then().statusCode(200).extract().jsonPath();
        assertThat(incident.getList("tickets.id", Long.class)).containsExactlyInAnyOrder(tickets[0], tickets[1],
                tickets[2]);
        assertThat(incident.getList("visits")).hasSize(1);
    }

    @Test
    void shouldNotOpenAnIncidentForCallsOfDifferentCategories() {
        long region = TestData.region();
        String building = Api.unique("Ogikubo Terrace");
        long plantRoom = TestData.site(null, region, building, null, 35.7046, 139.6200);
        long booster = TestData.asset(plantRoom, null, "Booster", Api.unique("BST"));
        String[] codes = { "TV/NO_SIGNAL", "INTERNET/SLOW" };
        JsonPath last = null;
        for (int flat = 0; flat < 2; flat++) {
            long customer = TestData.customer("Flat " + flat, TestData.tokyoPhone());
            long site = TestData.site(customer, region, building, "20" + flat, 35.7046, 139.6200);
            long outlet = TestData.asset(site, booster, "TV wall outlet", null);
            last = as("agent").body(Map.of("customerId", customer, "siteId", site, "assetId", outlet,
                    "troubleCode", codes[flat])).post("/api/tickets").then().statusCode(201).extract().jsonPath();
        }
        assertThat(last.<Object>get("incident")).isNull();
        // Another category on the same booster is other trouble in the building, not shared equipment.
        assertThat(last.getList("related.reason", String.class)).containsExactly("OTHER_TROUBLE_SAME_BUILDING");
    }
}
