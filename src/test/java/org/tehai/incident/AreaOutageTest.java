package org.tehai.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AreaOutageTest {

    private static final String STATUS_TEXT = "A fibre cable was cut by road works; engineers expect service back by 18:00.";

    @Test
    void shouldLinkNewMatchingCallsToADeclaredOutageAndGiveAgentsItsStatusText() {
        long region = TestData.region();
        String building = Api.unique("Asagaya Mansion");
        long outage = as("manager").body(Map.of("regionId", region, "category", "INTERNET", "title",
                "Fibre cut in Asagaya", "statusText", STATUS_TEXT, "buildings", List.of(building)))
                .post("/api/outages").then().statusCode(201).extract().jsonPath().getLong("id");

        long customer = TestData.customer("Kato Mei", TestData.tokyoPhone());
        long site = TestData.site(customer, region, building, "402", 35.7047, 139.6358);
        JsonPath ticket = as("agent").body(Map.of("customerId", customer, "siteId", site,
                "troubleCode", "INTERNET/NO_SYNC")).post("/api/tickets").then().statusCode(201).extract().jsonPath();

        assertThat(ticket.getLong("incident.id")).isEqualTo(outage);
        assertThat(ticket.getString("incident.kind")).isEqualTo("AREA_OUTAGE");
        assertThat(ticket.getString("incident.statusText")).isEqualTo(STATUS_TEXT);
        assertThat(ticket.getList("visits")).as("no visit per caller during an outage").isEmpty();
        as("agent").get("/api/incidents/" + outage).then().statusCode(200)
                .body("tickets[0].id", equalTo(ticket.getInt("id")))
                .body("visits.size()", equalTo(0));
    }

    @Test
    void shouldLinkCallsInsideADeclaredAreaButNotOtherCategories() {
        long region = TestData.region();
        as("admin").body(Map.of("regionId", region, "category", "TV", "title", "Head-end failure",
                "statusText", "TV signal lost in Koenji; being repaired.", "latitude", 35.7054, "longitude", 139.6496,
                "radiusMetres", 800)).post("/api/outages").then().statusCode(201);
        long customer = TestData.customer("Ito Sota", TestData.tokyoPhone());
        long near = TestData.site(customer, region, null, null, 35.7080, 139.6520);
        long far = TestData.site(customer, region, null, null, 35.6616, 139.6670);

        as("agent").body(Map.of("customerId", customer, "siteId", near, "troubleCode", "TV/NO_SIGNAL"))
                .post("/api/tickets").then().statusCode(201).body("incident.kind", equalTo("AREA_OUTAGE"));
        as("agent").body(Map.of("customerId", customer, "siteId", near, "troubleCode", "PHONE/NO_DIAL_TONE"))
                .post("/api/tickets").then().statusCode(201).body("incident", equalTo(null));
        as("agent").body(Map.of("customerId", customer, "siteId", far, "troubleCode", "TV/NO_SIGNAL"))
                .post("/api/tickets").then().statusCode(201).body("incident", equalTo(null));
    }

    @Test
    void shouldResolveLinkedTicketsWithTheIncidentAndKeepEachContactHistory() {
        long region = TestData.region();
        String building = Api.unique("Nerima Grand Coop");
        long outage = as("manager").body(Map.of("regionId", region, "category", "TV", "title", "Booster failure",
                "statusText", "Being repaired", "buildings", List.of(building))).post("/api/outages").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long[] tickets = new long[2];
        for (int i = 0; i < 2; i++) {
            long customer = TestData.customer("Caller " + i, TestData.tokyoPhone());
            long site = TestData.site(customer, region, building, "50" + i, 35.7379, 139.6540);
            tickets[i] = as("agent").body(Map.of("customerId", customer, "siteId", site, "troubleCode",
                    "TV/NO_SIGNAL", "description", "call " + i)).post("/api/tickets").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
        }

        as("dispatcher").body(Map.of("cause", "Power supply of the head-end amplifier failed; replaced."))
                .post("/api/incidents/" + outage + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));

        for (int i = 0; i < 2; i++) {
            as("agent").get("/api/tickets/" + tickets[i]).then().statusCode(200).body("status", equalTo("RESOLVED"))
                    .body("closing.resolution", org.hamcrest.Matchers.containsString("head-end amplifier"));
            as("agent").get("/api/tickets/" + tickets[i] + "/contacts").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].notes", equalTo("call " + i));
        }
        as("dispatcher").body(Map.of("cause", "again")).post("/api/incidents/" + outage + "/resolve").then()
                .statusCode(409);
    }

    @Test
    void shouldLetOnlyManagersAndAdminsDeclareOutages() {
        long region = TestData.region();
        as("agent").body(Map.of("regionId", region, "category", "TV", "title", "x", "statusText", "y",
                "buildings", List.of("B"))).post("/api/outages").then().statusCode(403);
    }

    @Test
    void shouldRequireBuildingsOrAnArea() {
        long region = TestData.region();
        as("manager").body(Map.of("regionId", region, "category", "TV", "title", "x", "statusText", "y"))
                .post("/api/outages").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("buildings"));
    }
}
