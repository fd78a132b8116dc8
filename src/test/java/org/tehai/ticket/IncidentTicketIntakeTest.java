package org.tehai.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the agent sees and may do at intake when a call belongs to an incident. */
@QuarkusTest
class IncidentTicketIntakeTest {

    private record Flat(long customer, long site, long outlet) {
    }

    private static List<Flat> building(long region, String name, long booster, int flats, double lat, double lon) {
        List<Flat> list = new java.util.ArrayList<>();
        for (int i = 0; i < flats; i++) {
            long customer = TestData.customer("Flat " + i, TestData.tokyoPhone());
            long site = TestData.site(customer, region, name, Integer.toString(201 + i), lat, lon);
            list.add(new Flat(customer, site, TestData.asset(site, booster, "TV wall outlet", null)));
        }
        return list;
    }

    private static JsonPath call(Flat flat, String code) {
        return as("agent").body(Map.of("customerId", flat.customer(), "siteId", flat.site(), "assetId", flat.outlet(),
                "troubleCode", code, "impact", "NO_SERVICE")).post("/api/tickets").then().statusCode(201).extract()
                .jsonPath();
    }

    @Test
    void shouldNeedAReasonToLowerAnIncidentTicketBelowTheIncidentsPriority() {
        long region = TestData.region();
        String name = Api.unique("Priority Heights");
        long booster = TestData.asset(TestData.site(null, region, name, null, 35.70, 139.65), null, "Booster", null);
        List<Flat> flats = building(region, name, booster, 2, 35.70, 139.65);
        call(flats.get(0), "TV/NO_SIGNAL");
        JsonPath linked = call(flats.get(1), "TV/NO_SIGNAL");
        long id = linked.getLong("id");
        String incidentPriority = linked.getString("incident.priority");
        assertThat(linked.getString("priority")).isEqualTo(incidentPriority).isEqualTo("P1");
        assertThat(linked.getString("suggestedPriority")).isEqualTo("P2");

        Map<String, Object> lower = new HashMap<>(Map.of("siteId", flats.get(1).site(), "assetId",
                flats.get(1).outlet(), "troubleCode", "TV/NO_SIGNAL", "priority", "P2", "status", "OPEN",
                "description", "changed", "version", linked.getLong("version")));
        // Even back to the suggested priority: the incident made it urgent, so lowering it needs a reason.
        assertProblem(as("agent").body(lower).put("/api/tickets/" + id).then(), 422, "priorityOverrideReason")
                .body("detail", org.hamcrest.Matchers.containsString("INC-" + linked.getLong("incident.id")));
        JsonPath unchanged = as("agent").get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(unchanged.getString("priority")).isEqualTo("P1");
        assertThat(unchanged.getLong("version")).isEqualTo(linked.getLong("version"));
        assertThat(unchanged.getString("description")).isNotEqualTo("changed");

        lower.put("priorityOverrideReason", "Customer is away until Friday; no one is affected before then.");
        as("agent").body(lower).put("/api/tickets/" + id).then().statusCode(200)
                .body("priority", org.hamcrest.Matchers.equalTo("P2"));
    }

    @Test
    void shouldListSameEquipmentSameTroubleFirstAndCapOtherTroubleInTheBuilding() {
        long region = TestData.region();
        String name = Api.unique("Busy Tower");
        long booster = TestData.asset(TestData.site(null, region, name, null, 35.71, 139.66), null, "Booster", null);
        List<Flat> flats = building(region, name, booster, 7, 35.71, 139.66);
        for (int i = 0; i < 5; i++) {
            call(flats.get(i), "TV/NO_SIGNAL");
        }
        long pc = TestData.asset(flats.get(5).site(), null, "Desktop PC", null);
        JsonPath pcCall = as("agent").body(Map.of("customerId", flats.get(5).customer(), "siteId", flats.get(5).site(),
                "assetId", pc, "troubleCode", "PC/NO_BOOT")).post("/api/tickets").then().statusCode(201).extract()
                .jsonPath();
        assertThat(pcCall.<Object>get("incident")).isNull();
        assertThat(pcCall.getList("related.reason", String.class)).hasSize(3)
                .containsOnly("OTHER_TROUBLE_SAME_BUILDING");
        assertThat(pcCall.getString("related[0].detail")).contains("Other trouble (TV)");
        assertThat(pcCall.getInt("relatedNotShown")).isEqualTo(2);

        JsonPath tvCall = call(flats.get(6), "TV/PIXELATION");
        List<String> reasons = tvCall.getList("related.reason", String.class);
        assertThat(reasons).hasSize(6);
        assertThat(reasons.subList(0, 5)).containsOnly("SHARED_EQUIPMENT");
        assertThat(reasons.get(5)).isEqualTo("OTHER_TROUBLE_SAME_BUILDING");
        assertThat(tvCall.getString("related[0].detail")).contains("Booster");
    }
}
