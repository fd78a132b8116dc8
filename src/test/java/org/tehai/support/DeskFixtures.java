package org.tehai.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Creates the records a desk scenario needs through the API, with names unique to the test run. */
public final class DeskFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(new java.util.Random().nextInt(5_000_000));

    private DeskFixtures() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A phone number no other test uses: 03-5xxx-xxxx. */
    public static String uniquePhone() {
        int n = SEQUENCE.incrementAndGet();
        return String.format("03-5%03d-%04d", (n / 10_000) % 1000, n % 10_000);
    }

    public static long region() {
        return id(as("admin").body(Map.of("code", unique("R"), "name", "Test region", "timeZone", "Asia/Tokyo"))
                .post("/api/regions"));
    }

    public static long customer(String name, String phone) {
        return id(as("agent").body(Map.of("name", name, "phones", java.util.List.of(Map.of("number", phone))))
                .post("/api/customers"));
    }

    public static long customer(String name, String phone, String contract) {
        return id(as("agent").body(Map.of("name", name, "contract", contract,
                "phones", java.util.List.of(Map.of("number", phone)))).post("/api/customers"));
    }

    public static long site(Long customerId, long regionId, String building, String unit, double lat, double lon) {
        var body = new java.util.HashMap<String, Object>();
        body.put("customerId", customerId);
        body.put("regionId", regionId);
        body.put("street", "2-14-3 Koenji-minami");
        body.put("city", "Suginami-ku, Tokyo");
        body.put("building", building);
        body.put("unit", unit);
        body.put("latitude", lat);
        body.put("longitude", lon);
        return id(as("agent").body(body).post("/api/sites"));
    }

    public static long asset(long siteId, Long parentId, String model, String serial) {
        var body = new java.util.HashMap<String, Object>();
        body.put("siteId", siteId);
        body.put("parentAssetId", parentId);
        body.put("model", model);
        body.put("serialNumber", serial);
        return id(as("agent").body(body).post("/api/assets"));
    }

    private static long id(io.restassured.response.Response response) {
        response.then().statusCode(201);
        return ((Number) response.path("id")).longValue();
    }
}
