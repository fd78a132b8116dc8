package org.tehai.asset;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.Api.unique;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssetResourceTest {

    private static Map<String, Object> body(Long siteId, Long parentId, String serial, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", siteId);
        body.put("parentAssetId", parentId);
        body.put("model", "ONT-7");
        body.put("kind", "ONT");
        body.put("serialNumber", serial);
        body.put("installedOn", "2024-04-01");
        body.put("version", version);
        return body;
    }

    @Test
    void shouldCreateAssetAndReadItBack() {
        long site = TestData.site(TestData.region());
        String serial = unique("SN");
        var response = as(AGENT).body(body(site, null, serial, null)).post("/api/assets");
        response.then().statusCode(201).body("siteId", equalTo((int) site));
        long id = idFromLocation(response.header("Location"));
        as(MANAGER).get("/api/assets/" + id).then().statusCode(200)
                .body("serialNumber", equalTo(serial)).body("installedOn", equalTo("2024-04-01"));
        as(AGENT).queryParam("serialNumber", serial).get("/api/assets").then().body("items.id",
                containsInAnyOrder((int) id));
    }

    @Test
    void shouldUpdateAssetAndIncrementVersion() {
        long site = TestData.site(TestData.region());
        long id = TestData.asset(site, null);
        String serial = unique("SN");
        as(DISPATCHER).body(body(site, null, serial, 0L)).put("/api/assets/" + id).then().statusCode(200)
                .body("serialNumber", equalTo(serial)).body("version", equalTo(1));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long site = TestData.site(TestData.region());
        long id = TestData.asset(site, null);
        as(AGENT).body(body(site, null, unique("SN"), 0L)).put("/api/assets/" + id).then().statusCode(200);
        assertProblem(as(AGENT).body(body(site, null, unique("SN"), 0L)).put("/api/assets/" + id).then(), 409,
                "version");
    }

    @Test
    void shouldListTheAssetsThatHangOffASharedParent() {
        long region = TestData.region();
        long plantRoom = TestData.site(region);
        long booster = TestData.asset(plantRoom, null);
        long outlet1 = TestData.asset(TestData.site(region), booster);
        long outlet2 = TestData.asset(TestData.site(region), booster);
        TestData.asset(TestData.site(region), null);

        as(AGENT).queryParam("parentAssetId", booster).get("/api/assets").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder((int) outlet1, (int) outlet2))
                .body("items.parentAssetId", containsInAnyOrder((int) booster, (int) booster));
    }

    @Test
    void shouldRefuseAParentThatWouldCloseALoop() {
        long site = TestData.site(TestData.region());
        long booster = TestData.asset(site, null);
        long outlet = TestData.asset(site, booster);
        assertProblem(as(AGENT).body(body(site, outlet, null, 0L)).put("/api/assets/" + booster).then(), 422,
                "parentAssetId");
        assertProblem(as(AGENT).body(body(site, booster, null, 0L)).put("/api/assets/" + booster).then(), 422,
                "parentAssetId");
    }

    @Test
    void shouldRefuseASerialNumberRecordedOnAnotherAsset() {
        long site = TestData.site(TestData.region());
        String serial = unique("SN");
        as(AGENT).body(body(site, null, serial, null)).post("/api/assets").then().statusCode(201);
        assertProblem(as(AGENT).body(body(site, null, serial, null)).post("/api/assets").then(), 409, "serialNumber");
    }

    @Test
    void shouldNameTheMissingSite() {
        assertProblem(as(AGENT).body(body(null, null, null, null)).post("/api/assets").then(), 400, "siteId");
    }

    @Test
    void shouldNameTheUnknownSite() {
        assertProblem(as(AGENT).body(body(999999999L, null, null, null)).post("/api/assets").then(), 422, "siteId");
    }

    @Test
    void shouldNameTheUnreadableInstallDate() {
        Map<String, Object> body = body(TestData.site(TestData.region()), null, null, null);
        body.put("installedOn", "yesterday");
        assertProblem(as(AGENT).body(body).post("/api/assets").then(), 400, "installedOn");
    }

    @Test
    void shouldNotGetUnknownAsset() {
        assertProblem(as(AGENT).get("/api/assets/999999999").then(), 404);
    }

    @Test
    void shouldRestrictAssetsToOfficeRoles() {
        long region = TestData.region();
        anonymous().get("/api/assets").then().statusCode(401);
        as(TestData.technician(region).login()).get("/api/assets").then().statusCode(403);
        as(MANAGER).body(body(TestData.site(region), null, null, null)).post("/api/assets").then().statusCode(403);
    }
}
