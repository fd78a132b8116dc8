package org.tehai.part;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.Api.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PartResourceTest {

    private static Map<String, Object> body(String code, String name, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("version", version);
        return body;
    }

    @Test
    void shouldCreatePartAndReadItBack() {
        String code = unique("ONT-7");
        var response = as(ADMIN).body(body(code, "Optical network terminal", null)).post("/api/parts");
        response.then().statusCode(201).body("code", equalTo(code));
        long id = idFromLocation(response.header("Location"));
        as(AGENT).get("/api/parts/" + id).then().statusCode(200).body("name", equalTo("Optical network terminal"));
        as(AGENT).get("/api/parts").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void shouldUpdatePartAndIncrementVersion() {
        long id = TestData.partId(TestData.part());
        String code = unique("SPL");
        as(ADMIN).body(body(code, "Splitter 1:8", 0L)).put("/api/parts/" + id).then().statusCode(200)
                .body("code", equalTo(code)).body("version", equalTo(1));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long id = TestData.partId(TestData.part());
        as(ADMIN).body(body(unique("P"), "First", 0L)).put("/api/parts/" + id).then().statusCode(200);
        assertProblem(as(ADMIN).body(body(unique("P"), "Second", 0L)).put("/api/parts/" + id).then(), 409, "version");
    }

    @Test
    void shouldShowWherePiecesOfAPartAre() {
        long region = TestData.region();
        String code = TestData.part();
        long partId = TestData.partId(code);
        String depotCode = unique("D");
        as(DISPATCHER).body(Map.of("regionId", region, "code", depotCode, "name", "Depot West", "latitude", 35.7,
                "longitude", 139.6, "stock", List.of(Map.of("partCode", code, "quantity", 12))))
                .post("/api/depots").then().statusCode(201);
        String login = TestData.newLogin();
        Map<String, Object> technician = TestData.technicianBody(region, login);
        technician.put("vanStock", List.of(Map.of("partCode", code, "quantity", 3)));
        as(DISPATCHER).body(technician).post("/api/technicians").then().statusCode(201);

        as(DISPATCHER).get("/api/parts/" + partId + "/stock").then().statusCode(200)
                .body("partCode", equalTo(code))
                .body("depots.code", contains(depotCode)).body("depots.quantity", contains(12))
                .body("vans.code", contains(login.toUpperCase())).body("vans.quantity", contains(3))
                .body("total", equalTo(15));
    }

    @Test
    void shouldNameTheInvalidCode() {
        assertProblem(as(ADMIN).body(body("ONT 7!", "Bad", null)).post("/api/parts").then(), 400, "code");
    }

    @Test
    void shouldRejectDuplicateCode() {
        String code = TestData.part();
        assertProblem(as(ADMIN).body(body(code, "Again", null)).post("/api/parts").then(), 409, "code");
    }

    @Test
    void shouldNotGetUnknownPart() {
        assertProblem(as(AGENT).get("/api/parts/999999999").then(), 404);
        assertProblem(as(DISPATCHER).get("/api/parts/999999999/stock").then(), 404);
    }

    @Test
    void shouldLetEveryoneReadTheCatalogueButOnlyAdminsChangeIt() {
        anonymous().get("/api/parts").then().statusCode(401);
        String technician = TestData.technician(TestData.region()).login();
        as(technician).get("/api/parts").then().statusCode(200);
        long id = TestData.partId(TestData.part());
        as(technician).get("/api/parts/" + id + "/stock").then().statusCode(403);
        as(AGENT).get("/api/parts/" + id + "/stock").then().statusCode(403);
        as(DISPATCHER).body(body(unique("P"), "Not mine", null)).post("/api/parts").then().statusCode(403);
        as(MANAGER).body(body(unique("P"), "Not mine", 0L)).put("/api/parts/" + id).then().statusCode(403);
    }
}
