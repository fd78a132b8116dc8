package org.tehai.ticket;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.tehai.support.Api.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntakeTest {

    @Test
    void shouldSuggestPriorityFromTroubleCodeImpactAndContract() {
        long standard = TestData.customer("Standard Customer", TestData.tokyoPhone());
        long premium = TestData.customer("Premium Customer", TestData.tokyoPhone(), "PREMIUM");
        // TV/NO_SIGNAL is usually P3.
        as("agent").body(Map.of("customerId", standard, "troubleCode", "TV/NO_SIGNAL")).post("/api/tickets").then()
                .statusCode(201).body("suggestedPriority", equalTo("P3")).body("priority", equalTo("P3"));
        as("agent").body(Map.of("customerId", standard, "troubleCode", "TV/NO_SIGNAL", "impact", "NO_SERVICE"))
                .post("/api/tickets").then().statusCode(201).body("suggestedPriority", equalTo("P2"))
                .body("impact", equalTo("NO_SERVICE"));
        as("agent").body(Map.of("customerId", premium, "troubleCode", "TV/NO_SIGNAL", "impact", "NO_SERVICE"))
                .post("/api/tickets").then().statusCode(201).body("suggestedPriority", equalTo("P1"));
        as("agent").body(Map.of("customerId", standard, "troubleCode", "TV/PIXELATION", "impact", "SAFETY_RISK"))
                .post("/api/tickets").then().statusCode(201).body("suggestedPriority", equalTo("P1"));
    }

    @Test
    void shouldRequireAReasonToOverrideTheSuggestedPriority() {
        long customer = TestData.customer("Override Customer", TestData.tokyoPhone());
        as("agent").body(Map.of("customerId", customer, "troubleCode", "TV/NO_SIGNAL", "priority", "P1"))
                .post("/api/tickets").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("priorityOverrideReason"));
        as("agent").get("/api/tickets?customerId=" + customer).then().body("total", equalTo(0));
        as("agent").body(Map.of("customerId", customer, "troubleCode", "TV/NO_SIGNAL", "priority", "P1",
                "priorityOverrideReason", "Customer on home dialysis; TV is the alarm channel"))
                .post("/api/tickets").then().statusCode(201).body("priority", equalTo("P1"))
                .body("suggestedPriority", equalTo("P3"))
                .body("priorityOverrideReason", equalTo("Customer on home dialysis; TV is the alarm channel"));
    }

    @Test
    void shouldRequireAReasonToChangeThePriorityAwayFromTheSuggestionLater() {
        long customer = TestData.customer("Later Change", TestData.tokyoPhone());
        long id = as("agent").body(Map.of("customerId", customer, "troubleCode", "TV/NO_SIGNAL")).post("/api/tickets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent").body(Map.of("troubleCode", "TV/NO_SIGNAL", "priority", "P2", "status", "OPEN", "version", 0))
                .put("/api/tickets/" + id).then().statusCode(422).body("field", equalTo("priorityOverrideReason"));
        as("agent").body(Map.of("troubleCode", "TV/NO_SIGNAL", "priority", "P2", "status", "OPEN", "version", 0,
                "priorityOverrideReason", "Customer's home business depends on it")).put("/api/tickets/" + id).then()
                .statusCode(200).body("priority", equalTo("P2"))
                .body("priorityOverrideReason", equalTo("Customer's home business depends on it"));
    }

    @Test
    void shouldRejectTroubleCodesOutsideTheCatalogue() {
        long customer = TestData.customer("Unknown Code", TestData.tokyoPhone());
        as("agent").body(Map.of("customerId", customer, "troubleCode", "TV/EXPLODED")).post("/api/tickets").then()
                .statusCode(422).body("field", equalTo("troubleCode"));
    }

    @Test
    void shouldListTheCatalogueByCategoryAndLetManagersExtendIt() {
        as("agent").get("/api/trouble-codes?category=TV").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems("TV/NO_SIGNAL", "TV/PIXELATION"))
                .body("category", org.hamcrest.Matchers.everyItem(equalTo("TV")));
        String code = "TV/" + Api.unique("REMOTE").toUpperCase().replace('-', '_');
        as("agent").body(Map.of("code", code, "name", "Remote", "basePriority", "P4", "needsVisit", false))
                .post("/api/trouble-codes").then().statusCode(403);
        as("manager").body(Map.of("code", code, "name", "Remote control lost", "basePriority", "P4",
                "needsVisit", false)).post("/api/trouble-codes").then().statusCode(201)
                .body("category", equalTo("TV"));
        long customer = TestData.customer("New Code User", TestData.tokyoPhone());
        as("agent").body(Map.of("customerId", customer, "troubleCode", code)).post("/api/tickets").then()
                .statusCode(201).body("suggestedPriority", equalTo("P4"));
    }

    @Test
    void shouldCloseAComplaintOnlyWithCauseAndPreventionAction() {
        long customer = TestData.customer("Complaining Customer", TestData.tokyoPhone());
        var ticket = as("agent").body(Map.of("customerId", customer, "kind", "COMPLAINT",
                "troubleCode", "COMPLAINT/LATE_TECHNICIAN", "description", "Waited all day, nobody came"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
        long id = ticket.getLong("id");
        as("agent").get("/api/tickets/" + id + "/contacts").then().body("[0].kind", equalTo("COMPLAINT"));

        var onlyNoProblemFound = new java.util.HashMap<String, Object>(Map.of("troubleCode", "COMPLAINT/LATE_TECHNICIAN",
                "priority", "P3", "status", "CLOSED", "causeCategory", "NO_PROBLEM_FOUND", "version", 0));
        as("agent").body(onlyNoProblemFound).put("/api/tickets/" + id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("causeText", "preventionAction"));

        onlyNoProblemFound.put("causeText", "No problem found.");
        onlyNoProblemFound.put("preventionAction", "none");
        as("agent").body(onlyNoProblemFound).put("/api/tickets/" + id).then().statusCode(422)
                .body("errors.field", equalTo(List.of("causeText")));
        as("agent").get("/api/tickets/" + id).then().body("status", equalTo("OPEN"));

        as("agent").body(Map.of("troubleCode", "COMPLAINT/LATE_TECHNICIAN", "priority", "P3", "status", "CLOSED",
                "causeCategory", "LATE_ARRIVAL", "causeText", "Previous job overran by three hours; nobody told the "
                        + "customer.", "preventionAction", "Desk calls the customer when a window is at risk.",
                "version", 0)).put("/api/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue())
                .body("closing.causeCategory", equalTo("LATE_ARRIVAL"));
    }

    @Test
    void shouldCloseAFaultWithoutComplaintFields() {
        long customer = TestData.customer("Fault Customer", TestData.tokyoPhone());
        long id = as("agent").body(Map.of("customerId", customer, "troubleCode", "WIFI/WEAK")).post("/api/tickets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent").body(Map.of("troubleCode", "WIFI/WEAK", "priority", "P4", "status", "RESOLVED",
                "resolution", "Moved the router", "version", 0)).put("/api/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }
}
