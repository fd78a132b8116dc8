package org.tehai.platform.security;

import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoUserTest {

    @Test
    void shouldStopAnInactiveTechnicianFromSigningIn() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        as(technician.login()).get("/api/technicians/" + technician.id()).then().statusCode(200);

        Map<String, Object> leaving = new HashMap<>(TestData.technicianBody(region, technician.login()));
        leaving.put("active", false);
        leaving.put("version", 0);
        as(DISPATCHER).body(leaving).put("/api/technicians/" + technician.id()).then().statusCode(200)
                .body("active", equalTo(false));

        as(technician.login()).get("/api/technicians/" + technician.id()).then().statusCode(401);
    }

    @Test
    void shouldExplainAWrongRoleAsAProblem() {
        as("agent").body(Map.of("code", "X", "name", "X", "timeZone", "UTC")).post("/api/regions").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
