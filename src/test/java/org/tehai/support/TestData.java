package org.tehai.support;

import static org.awaitility.Awaitility.await;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.unique;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates records through the API, as users would, and returns their ids. Every record gets unique codes so tests
 * can share the one database.
 */
public final class TestData {

    public static final String ZONE = "Asia/Tokyo";

    private TestData() {
    }

    public static long region() {
        return as(ADMIN).body(Map.of("code", unique("R"), "name", "Test region", "timeZone", ZONE))
                .post("/api/regions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static String part() {
        String code = unique("P");
        as(ADMIN).body(Map.of("code", code, "name", "Part " + code)).post("/api/parts").then().statusCode(201);
        return code;
    }

    public static long partId(String code) {
        return as(ADMIN).get("/api/parts").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.code == '" + code + "' }.id");
    }

    /** A technician request body; the login is also the user name and password of the technician user. */
    public static Map<String, Object> technicianBody(long regionId, String login) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", login.toUpperCase());
        body.put("login", login);
        body.put("firstName", "Kenji");
        body.put("lastName", "Tanaka");
        body.put("regionId", regionId);
        body.put("homeLatitude", 35.70);
        body.put("homeLongitude", 139.65);
        body.put("skills", List.of(Map.of("skill", "FIBER", "level", 3)));
        body.put("tools", List.of("LADDER"));
        body.put("vanStock", List.of());
        return body;
    }

    public static String newLogin() {
        return unique("tech").toLowerCase();
    }

    /** A technician in the region; returns its record. */
    public static Technician technician(long regionId) {
        String login = newLogin();
        long id = as(DISPATCHER).body(technicianBody(regionId, login)).post("/api/technicians").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new Technician(id, login);
    }

    public record Technician(long id, String login) {
    }

    public static Map<String, Object> shiftBody(String start, String end) {
        return Map.of("start", start, "end", end, "maxOvertimeMinutes", 30, "breaks", List.of());
    }

    public static void shift(long technicianId, LocalDate date) {
        as(DISPATCHER).body(shiftBody("08:30", "17:30")).put("/api/technicians/" + technicianId + "/shifts/" + date)
                .then().statusCode(200);
    }

    public static Map<String, Object> customerBody(String name, String phone) {
        return Map.of("name", name, "phones", List.of(Map.of("number", phone, "label", "home")));
    }

    public static long customer(String name, String phone) {
        return as(AGENT).body(customerBody(name, phone)).post("/api/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long customer(String name, String phone, String contract) {
        Map<String, Object> body = new HashMap<>(customerBody(name, phone));
        body.put("contract", contract);
        return as(AGENT).body(body).post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A unique Tokyo number in the national format, e.g. "03-1234-5678". */
    public static String tokyoPhone() {
        String digits = Api.uniqueDigits(8);
        return "03-" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    public static Map<String, Object> siteBody(Long regionId, String building, boolean withCoordinates) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionId", regionId);
        body.put("street", "2-14-3 Koenji-minami");
        body.put("city", "Suginami-ku");
        body.put("building", building);
        if (withCoordinates) {
            body.put("latitude", 35.7046);
            body.put("longitude", 139.6494);
        }
        return body;
    }

    public static long site(long regionId) {
        return site(regionId, null, true);
    }

    public static long site(Long regionId, String building, boolean withCoordinates) {
        return as(AGENT).body(siteBody(regionId, building, withCoordinates)).post("/api/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A customer's site (or a building's common site, without customer) at the given point. */
    public static long site(Long customerId, long regionId, String building, String unit, double latitude,
            double longitude) {
        Map<String, Object> body = siteBody(regionId, building, false);
        body.put("customerId", customerId);
        body.put("unit", unit);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return as(AGENT).body(body).post("/api/sites").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long asset(long siteId, Long parentAssetId, String model, String serialNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", siteId);
        body.put("parentAssetId", parentAssetId);
        body.put("model", model);
        body.put("serialNumber", serialNumber);
        return as(AGENT).body(body).post("/api/assets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long asset(long siteId, Long parentAssetId) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", siteId);
        body.put("parentAssetId", parentAssetId);
        body.put("model", "TV booster BX-2");
        return as(AGENT).body(body).post("/api/assets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> ticketBody(long customerId, Long siteId) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("siteId", siteId);
        body.put("troubleCode", "TV/NO_SIGNAL");
        body.put("description", "No picture on any channel");
        return body;
    }

    /** An open ticket for a new customer at a new site with coordinates in the region. */
    public static long ticket(long regionId) {
        long customer = customer("Sato Hanako", tokyoPhone());
        return ticket(customer, site(regionId));
    }

    public static long ticket(long customerId, Long siteId) {
        return as(AGENT).body(ticketBody(customerId, siteId)).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A window on the local date in the test zone, e.g. 09:00-12:00. */
    public static Map<String, Object> window(LocalDate date, int fromHour, int toHour) {
        ZoneId zone = ZoneId.of(ZONE);
        return Map.of("startsAt", OffsetDateTime.of(date.atTime(fromHour, 0), zone.getRules().getOffset(date.atTime(fromHour, 0))).toString(),
                "endsAt", OffsetDateTime.of(date.atTime(toHour, 0), zone.getRules().getOffset(date.atTime(toHour, 0))).toString());
    }

    public static Map<String, Object> visitBody(long ticketId, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("ticketId", ticketId);
        body.put("jobType", "TV_BOOSTER_REPAIR");
        body.put("estimatedDurationMinutes", 60);
        body.put("requiredSkills", List.of(Map.of("skill", "FIBER", "minLevel", 2)));
        body.put("requiredTools", List.of("LADDER"));
        body.put("requiredParts", List.of());
        body.put("availability", List.of(window(date, 9, 12)));
        return body;
    }

    public static long visit(long ticketId, LocalDate date) {
        return as(DISPATCHER).body(visitBody(ticketId, date)).post("/api/visits").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /**
     * Proposes the region-day with a short solve, waits until it is done and publishes it: windows are quoted and
     * the visits dispatched.
     */
    public static void proposeAndPublish(long regionId, LocalDate day) {
        String path = "/api/regions/" + regionId + "/days/" + day;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1))
                .post(path + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(as(DISPATCHER)
                .get(path + "/proposals/current").then().extract().jsonPath().getString("status")));
        as(DISPATCHER).post(path + "/proposals/current/publish").then().statusCode(200);
    }
}
