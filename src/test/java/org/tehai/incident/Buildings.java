package org.tehai.incident;

import static org.tehai.support.Api.as;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.restassured.path.json.JsonPath;

/** Apartment buildings for linking tests: a plant room with a booster, and flats whose TV outlets hang off it. */
final class Buildings {

    private Buildings() {
    }

    record Building(long region, String name, long plantRoom, long booster, List<Flat> flats, double latitude,
            double longitude) {
    }

    record Flat(long customer, long site, long outlet, Building building) {
    }

    /** A building in the region with its booster and {@code flats} flats, each with an outlet off the booster. */
    static Building building(long region, String namePrefix, int flats, double latitude, double longitude) {
        String name = Api.unique(namePrefix);
        long plantRoom = TestData.site(null, region, name, null, latitude, longitude);
        long booster = TestData.asset(plantRoom, null, "Maspro booster", Api.unique("BST"));
        List<Flat> list = new ArrayList<>();
        Building building = new Building(region, name, plantRoom, booster, list, latitude, longitude);
        for (int i = 0; i < flats; i++) {
            long customer = TestData.customer("Flat " + (101 + i) + " " + name, TestData.tokyoPhone());
            long site = TestData.site(customer, region, name, Integer.toString(101 + i), latitude, longitude);
            long outlet = TestData.asset(site, booster, "TV wall outlet", null);
            list.add(new Flat(customer, site, outlet, building));
        }
        return building;
    }

    /** A call from the flat about its outlet; returns the intake answer. */
    static JsonPath call(Flat flat, String troubleCode) {
        return as("agent").body(Map.of("customerId", flat.customer(), "siteId", flat.site(), "assetId", flat.outlet(),
                "troubleCode", troubleCode, "impact", "NO_SERVICE")).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath();
    }

    /** A call from the flat's customer with the flat's address but no equipment named. */
    static JsonPath callWithoutAsset(Flat flat, String troubleCode) {
        return as("agent").body(Map.of("customerId", flat.customer(), "siteId", flat.site(), "troubleCode",
                troubleCode, "impact", "NO_SERVICE")).post("/api/tickets").then().statusCode(201).extract().jsonPath();
    }

    /** The agent corrects the ticket's site and asset, keeping everything else; returns the answer. */
    static JsonPath correct(long ticketId, long siteId, long assetId) {
        JsonPath ticket = as("agent").get("/api/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", siteId);
        body.put("assetId", assetId);
        body.put("troubleCode", ticket.getString("troubleCode"));
        body.put("priority", ticket.getString("priority"));
        body.put("status", ticket.getString("status"));
        body.put("version", ticket.getLong("version"));
        return as("agent").body(body).put("/api/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath incident(long id) {
        return as("agent").get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath ticket(long id) {
        return as("agent").get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    static Long incidentOf(JsonPath ticket) {
        return ticket.<Object>get("incident") == null ? null : ticket.getLong("incident.id");
    }
}
