package org.tehai.site;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.Api.unique;
import static org.tehai.support.TestData.siteBody;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SiteResourceTest {

    @Test
    void shouldCreateSiteAndReadItBack() {
        long region = TestData.region();
        String building = unique("Koenji Heights");
        Map<String, Object> body = siteBody(region, building, true);
        body.put("unit", "301");
        var response = as(AGENT).body(body).post("/api/sites");
        response.then().statusCode(201).body("version", equalTo(0));
        long id = idFromLocation(response.header("Location"));

        as(MANAGER).get("/api/sites/" + id).then().statusCode(200)
                .body("regionId", equalTo((int) region))
                .body("latitude", equalTo(35.7046f))
                .body("addressLine", equalTo("2-14-3 Koenji-minami, Suginami-ku, flat 301 (" + building + ")"));
    }

    @Test
    void shouldUpdateSiteAndIncrementVersion() {
        long region = TestData.region();
        long id = TestData.site(region, null, false);
        Map<String, Object> body = siteBody(region, "Added later", true);
        body.put("version", 0);
        as(DISPATCHER).body(body).put("/api/sites/" + id).then().statusCode(200)
                .body("building", equalTo("Added later")).body("longitude", equalTo(139.6494f))
                .body("version", equalTo(1));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long region = TestData.region();
        long id = TestData.site(region);
        Map<String, Object> body = siteBody(region, "First", true);
        body.put("version", 0);
        as(AGENT).body(body).put("/api/sites/" + id).then().statusCode(200);
        body.put("building", "Second");
        assertProblem(as(AGENT).body(body).put("/api/sites/" + id).then(), 409, "version");
        as(AGENT).get("/api/sites/" + id).then().body("building", equalTo("First"));
    }

    @Test
    void shouldListTheFlatsOfABuildingIgnoringCase() {
        long region = TestData.region();
        String building = unique("Maison Asagaya");
        long flat1 = TestData.site(region, building, true);
        long flat2 = TestData.site(region, building, true);
        TestData.site(region, unique("Other"), true);

        as(AGENT).queryParam("building", building.toUpperCase()).get("/api/sites").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder((int) flat1, (int) flat2));
    }

    @Test
    void shouldListSitesOfARegionPageByPage() {
        long region = TestData.region();
        long first = TestData.site(region);
        long second = TestData.site(region);
        as(AGENT).queryParam("regionId", region).queryParam("size", 1).get("/api/sites").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) first));
        as(AGENT).queryParam("regionId", region).queryParam("size", 1).queryParam("page", 1).get("/api/sites").then()
                .body("items.id", contains((int) second));
    }

    @Test
    void shouldAllowASiteWithoutCoordinates() {
        long id = TestData.site(TestData.region(), null, false);
        as(AGENT).get("/api/sites/" + id).then().body("latitude", nullValue());
    }

    @Test
    void shouldNameTheMissingHalfOfACoordinatePair() {
        Map<String, Object> body = siteBody(TestData.region(), null, true);
        body.remove("longitude");
        assertProblem(as(AGENT).body(body).post("/api/sites").then(), 400, "longitude");
    }

    @Test
    void shouldNameTheLatitudeOutOfRange() {
        Map<String, Object> body = siteBody(TestData.region(), null, true);
        body.put("latitude", 91.0);
        assertProblem(as(AGENT).body(body).post("/api/sites").then(), 400, "latitude");
    }

    @Test
    void shouldNameTheMissingStreet() {
        Map<String, Object> body = siteBody(TestData.region(), null, true);
        body.put("street", "");
        assertProblem(as(AGENT).body(body).post("/api/sites").then(), 400, "street");
    }

    @Test
    void shouldNameTheUnknownRegion() {
        assertProblem(as(AGENT).body(siteBody(999999999L, null, true)).post("/api/sites").then(), 422, "regionId");
    }

    @Test
    void shouldNameTheUnknownCustomer() {
        Map<String, Object> body = siteBody(TestData.region(), null, true);
        body.put("customerId", 999999999L);
        assertProblem(as(AGENT).body(body).post("/api/sites").then(), 422, "customerId");
    }

    @Test
    void shouldNotGetUnknownSite() {
        assertProblem(as(AGENT).get("/api/sites/999999999").then(), 404);
    }

    @Test
    void shouldRestrictSitesToOfficeRoles() {
        long region = TestData.region();
        anonymous().get("/api/sites").then().statusCode(401);
        as(TestData.technician(region).login()).get("/api/sites").then().statusCode(403);
        as(MANAGER).body(siteBody(region, null, true)).post("/api/sites").then().statusCode(403);
    }
}
