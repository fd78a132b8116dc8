package org.tehai.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldReportReadyWithTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/tickets"));
    }

    @Test
    void shouldDescribeWhatTheDispatcherBoardReads() {
        // Whatever the board does, the API does: its read endpoints are in the document with what they answer.
        var api = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String day = "paths.'/api/regions/{region}/days/{date}";
        org.assertj.core.api.Assertions.assertThat(api.getString(day + "/board'.get.summary"))
                .isEqualTo("The day's board in one answer");
        org.assertj.core.api.Assertions.assertThat(api.getString(day + "/unassigned'.get.summary")).isNotBlank();
        org.assertj.core.api.Assertions.assertThat(api.getString(day + "/proposals/current/publication'.get.summary"))
                .isEqualTo("What publishing would do now");
        org.assertj.core.api.Assertions.assertThat(api.getString(day + "/proposals/current/explanation'.get.description"))
                .contains("share of the score");
    }

    @Test
    void shouldRejectAnonymousCallers() {
        given().when().get("/api/regions").then().statusCode(401);
    }

    @Test
    void shouldRejectWrongPassword() {
        given().auth().preemptive().basic("agent", "nope").when().get("/api/regions").then().statusCode(401);
    }

    @Test
    void shouldForbidRolesWithoutAccess() {
        given().auth().preemptive().basic("agent", "agent").contentType("application/json")
                .body("{\"code\":\"X\",\"name\":\"X\",\"timeZone\":\"UTC\"}")
                .when().post("/api/regions").then().statusCode(403);
    }
}
