package org.tehai.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
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
class RegionResourceTest {

    private static Map<String, Object> body(String code, String name, String timeZone, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("timeZone", timeZone);
        body.put("version", version);
        return body;
    }

    @Test
    void shouldCreateRegionAndReadItBack() {
        String code = unique("TOKYO");
        var response = as(ADMIN).body(body(code, "Tokyo West", "Asia/Tokyo", null)).post("/api/regions");
        response.then().statusCode(201).body("code", equalTo(code)).body("version", equalTo(0));
        long id = idFromLocation(response.header("Location"));

        as(AGENT).get("/api/regions/" + id).then().statusCode(200)
                .body("name", equalTo("Tokyo West")).body("timeZone", equalTo("Asia/Tokyo"));
        as(AGENT).get("/api/regions").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void shouldUpdateRegionAndIncrementVersion() {
        long id = TestData.region();
        String code = unique("OSAKA");
        as(ADMIN).body(body(code, "Osaka", "Asia/Tokyo", 0L)).put("/api/regions/" + id).then().statusCode(200)
                .body("name", equalTo("Osaka")).body("version", equalTo(1));
        as(ADMIN).get("/api/regions/" + id).then().body("code", equalTo(code)).body("version", equalTo(1));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long id = TestData.region();
        String code = unique("R");
        as(ADMIN).body(body(code, "First edit", "Asia/Tokyo", 0L)).put("/api/regions/" + id).then().statusCode(200);

        assertProblem(as(ADMIN).body(body(code, "Second edit", "Asia/Tokyo", 0L)).put("/api/regions/" + id).then(),
                409, "version");
        as(ADMIN).get("/api/regions/" + id).then().body("name", equalTo("First edit"));
    }

    @Test
    void shouldRequireVersionOnUpdate() {
        long id = TestData.region();
        assertProblem(as(ADMIN).body(body(unique("R"), "No version", "Asia/Tokyo", null)).put("/api/regions/" + id)
                .then(), 400, "version");
    }

    @Test
    void shouldNameTheUnknownTimeZone() {
        assertProblem(as(ADMIN).body(body(unique("R"), "Mars", "Mars/Olympus", null)).post("/api/regions").then(),
                400, "timeZone");
    }

    @Test
    void shouldNameTheMissingName() {
        assertProblem(as(ADMIN).body(body(unique("R"), " ", "Asia/Tokyo", null)).post("/api/regions").then(),
                400, "name");
    }

    @Test
    void shouldRejectDuplicateCode() {
        String code = unique("R");
        as(ADMIN).body(body(code, "One", "Asia/Tokyo", null)).post("/api/regions").then().statusCode(201);
        assertProblem(as(ADMIN).body(body(code, "Two", "Asia/Tokyo", null)).post("/api/regions").then(), 409, "code");
    }

    @Test
    void shouldNotGetUnknownRegion() {
        assertProblem(as(AGENT).get("/api/regions/999999999").then(), 404);
    }

    @Test
    void shouldLetOnlyAdminsChangeRegions() {
        anonymous().body(body(unique("R"), "X", "UTC", null)).post("/api/regions").then().statusCode(401);
        as(AGENT).body(body(unique("R"), "X", "UTC", null)).post("/api/regions").then().statusCode(403);
        as("dispatcher").body(body(unique("R"), "X", "UTC", null)).post("/api/regions").then().statusCode(403);
        long id = TestData.region();
        as("manager").body(body(unique("R"), "X", "UTC", 0L)).put("/api/regions/" + id).then().statusCode(403);
        assertThat(as(ADMIN).get("/api/regions/" + id).then().extract().jsonPath().getString("name"))
                .isEqualTo("Test region");
    }
}
