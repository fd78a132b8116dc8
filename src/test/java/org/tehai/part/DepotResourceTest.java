package org.tehai.part;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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
class DepotResourceTest {

    private static Map<String, Object> body(long regionId, String code, List<Map<String, Object>> stock, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionId", regionId);
        body.put("code", code);
        body.put("name", "Depot " + code);
        body.put("address", "1-1 Nakano");
        body.put("latitude", 35.70);
        body.put("longitude", 139.66);
        body.put("stock", stock);
        body.put("version", version);
        return body;
    }

    private static List<Map<String, Object>> stock(String partCode, int quantity) {
        return List.of(Map.of("partCode", partCode, "quantity", quantity));
    }

    @Test
    void shouldCreateDepotWithStockAndReadItBack() {
        long region = TestData.region();
        String part = TestData.part();
        String code = unique("D");
        var response = as(DISPATCHER).body(body(region, code, stock(part, 5), null)).post("/api/depots");
        response.then().statusCode(201).body("stock.partCode", contains(part));
        long id = idFromLocation(response.header("Location"));

        as(MANAGER).get("/api/depots/" + id).then().statusCode(200)
                .body("code", equalTo(code)).body("stock.quantity", contains(5))
                .body("stock.partName", contains("Part " + part));
        as(MANAGER).queryParam("regionId", region).get("/api/depots").then().statusCode(200)
                .body("code", contains(code));
    }

    @Test
    void shouldReplaceStockOnUpdateAndIncrementVersion() {
        long region = TestData.region();
        String part = TestData.part();
        String other = TestData.part();
        String code = unique("D");
        long id = as(DISPATCHER).body(body(region, code, stock(part, 5), null)).post("/api/depots").then()
                .extract().jsonPath().getLong("id");

        as(ADMIN).body(body(region, code, stock(other, 2), 0L)).put("/api/depots/" + id).then().statusCode(200)
                .body("stock.partCode", contains(other)).body("version", equalTo(1));
        as(DISPATCHER).get("/api/depots/" + id).then().body("stock.partCode", contains(other))
                .body("version", equalTo(1));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long region = TestData.region();
        String code = unique("D");
        long id = as(DISPATCHER).body(body(region, code, List.of(), null)).post("/api/depots").then()
                .extract().jsonPath().getLong("id");
        Map<String, Object> first = body(region, code, List.of(), 0L);
        first.put("name", "Renamed once");
        as(DISPATCHER).body(first).put("/api/depots/" + id).then().statusCode(200).body("version", equalTo(1));
        Map<String, Object> second = body(region, code, List.of(), 0L);
        second.put("name", "Renamed from an old copy");
        assertProblem(as(DISPATCHER).body(second).put("/api/depots/" + id).then(), 409, "version");
        as(DISPATCHER).get("/api/depots/" + id).then().body("name", equalTo("Renamed once"));
    }

    @Test
    void shouldNameTheUnknownPartOfAStockLine() {
        long region = TestData.region();
        List<Map<String, Object>> lines = List.of(Map.of("partCode", TestData.part(), "quantity", 1),
                Map.of("partCode", unique("NOPE"), "quantity", 1));
        String code = unique("D");
        assertProblem(as(DISPATCHER).body(body(region, code, lines, null)).post("/api/depots").then(), 422,
                "stock[1].partCode");
        as(DISPATCHER).queryParam("regionId", region).get("/api/depots").then().body("size()", equalTo(0));
    }

    @Test
    void shouldNameTheNegativeQuantity() {
        assertProblem(as(DISPATCHER).body(body(TestData.region(), unique("D"), stock(TestData.part(), -1), null))
                .post("/api/depots").then(), 400, "stock[0].quantity");
    }

    @Test
    void shouldNameTheMissingRegion() {
        Map<String, Object> body = body(1, unique("D"), List.of(), null);
        body.remove("regionId");
        assertProblem(as(DISPATCHER).body(body).post("/api/depots").then(), 400, "regionId");
    }

    @Test
    void shouldRejectDuplicateCode() {
        long region = TestData.region();
        String code = unique("D");
        as(DISPATCHER).body(body(region, code, List.of(), null)).post("/api/depots").then().statusCode(201);
        assertProblem(as(DISPATCHER).body(body(region, code, List.of(), null)).post("/api/depots").then(), 409,
                "code");
    }

    @Test
    void shouldNameTheRepeatedPart() {
        String part = TestData.part();
        List<Map<String, Object>> lines = List.of(Map.of("partCode", part, "quantity", 1),
                Map.of("partCode", part, "quantity", 2));
        assertProblem(as(DISPATCHER).body(body(TestData.region(), unique("D"), lines, null)).post("/api/depots")
                .then(), 400, "stock[1].partCode");
    }

    @Test
    void shouldNotGetUnknownDepot() {
        assertProblem(as(DISPATCHER).get("/api/depots/999999999").then(), 404);
    }

    @Test
    void shouldKeepDepotsFromTheDesk() {
        anonymous().get("/api/depots").then().statusCode(401);
        as(AGENT).get("/api/depots").then().statusCode(403);
        long region = TestData.region();
        as(TestData.technician(region).login()).get("/api/depots").then().statusCode(200);
        as(MANAGER).body(body(region, unique("D"), List.of(), null)).post("/api/depots").then().statusCode(403);
    }
}
