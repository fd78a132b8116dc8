package org.tehai.preference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.as;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A person's home region and language: kept per login through the API and the pages' language switch, refused
 * naming the field when wrong, and the pages start from them.
 */
@QuarkusTest
class PreferencesTest {

    @Test
    void shouldKeepAHomeRegionAndALanguageThatThePagesStartFrom() {
        long region = TestData.region();
        String code = as(ADMIN).get("/api/regions/" + region).then().extract().jsonPath().getString("code");
        String me = TestData.technician(region).login();
        as(me).get("/api/me/preferences").then().statusCode(200).body("login", equalTo(me))
                .body("homeRegion", nullValue()).body("language", nullValue());
        given().auth().preemptive().basic(me, me).header("Accept-Language", "en").get("/tech").then().statusCode(200)
                .body(containsString("lang=\"en\""));

        as(me).body(Map.of("homeRegion", code, "language", "ja")).put("/api/me/preferences").then().statusCode(200)
                .body("homeRegion", equalTo(code)).body("language", equalTo("ja"));
        as(me).get("/api/me/preferences").then().body("homeRegion", equalTo(code)).body("language", equalTo("ja"));
        // The page speaks the kept language on any browser; the switch's cookie on this browser still wins.
        given().auth().preemptive().basic(me, me).header("Accept-Language", "en").get("/tech").then().statusCode(200)
                .body(containsString("lang=\"ja\""));
        given().auth().preemptive().basic(me, me).cookie("tehai-lang", "en").get("/tech").then()
                .body(containsString("lang=\"en\""));

        // The switch keeps the choice for the person too.
        given().auth().preemptive().basic(me, me).redirects().follow(false).get("/language/en?back=/tech").then()
                .statusCode(303);
        as(me).get("/api/me/preferences").then().body("language", equalTo("en")).body("homeRegion", equalTo(code));
    }

    @Test
    void shouldRefuseARegionThatDoesNotExistAndALanguageThePagesDoNotSpeakAndWriteNothing() {
        long region = TestData.region();
        String code = as(ADMIN).get("/api/regions/" + region).then().extract().jsonPath().getString("code");
        String me = TestData.technician(region).login();
        as(me).body(Map.of("homeRegion", code, "language", "en")).put("/api/me/preferences").then().statusCode(200);

        as(me).body(Map.of("homeRegion", "NO-SUCH-REGION", "language", "ja")).put("/api/me/preferences").then()
                .statusCode(org.hamcrest.Matchers.oneOf(404, 422)).body("field", equalTo("homeRegion"));
        as(me).body(Map.of("homeRegion", code, "language", "fr")).put("/api/me/preferences").then().statusCode(400)
                .body("field", equalTo("language"));
        Map<String, Object> huge = new HashMap<>();
        huge.put("homeRegion", "R".repeat(20_000));
        huge.put("language", "ja");
        as(me).body(huge).put("/api/me/preferences").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        as(me).get("/api/me/preferences").then().body("homeRegion", equalTo(code)).body("language", equalTo("en"));
        given().get("/api/me/preferences").then().statusCode(401);
    }
}
