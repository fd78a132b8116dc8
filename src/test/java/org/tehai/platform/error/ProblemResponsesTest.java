package org.tehai.platform.error;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemResponsesTest {

    @Test
    void shouldDescribeANotFoundRecord() {
        assertProblem(as(AGENT).get("/api/customers/424242424").then(), 404)
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("The customer (424242424) does not exist."))
                .body("instance", equalTo("/api/customers/424242424"));
    }

    @Test
    void shouldListEveryInvalidFieldAndNameTheFirst() {
        assertProblem(as(ADMIN).body("{\"code\":\"\",\"name\":\"\",\"timeZone\":\"Asia/Tokyo\"}").post("/api/regions")
                .then(), 400, "code")
                .body("errors.field", hasItems("code", "name"));
    }

    @Test
    void shouldNameThePageSizeThatIsNotANumber() {
        assertProblem(as(AGENT).queryParam("size", "ten").get("/api/customers").then(), 400);
        assertProblem(as(AGENT).queryParam("regionId", "west").get("/api/tickets").then(), 400);
        assertProblem(as(AGENT).get("/api/tickets/TK-1").then(), 400);
        as(AGENT).get("/api/no-such-resource").then().statusCode(404);
    }

    @Test
    void shouldReportMalformedJson() {
        assertProblem(as(AGENT).body("{\"name\": ").post("/api/customers").then(), 400)
                .body("detail", notNullValue());
    }

    @Test
    void shouldNameAValueOfTheWrongType() {
        assertProblem(as(AGENT).body("{\"name\":\"Oda\",\"phones\":[{\"number\":\"03-1111-2222\"}],"
                + "\"contract\":\"GOLD\"}").post("/api/customers").then(), 400, "contract");
    }

    @Test
    void shouldNameTheUnreadableShiftDateInThePath() {
        var technician = TestData.technician(TestData.region());
        assertProblem(as(DISPATCHER).body(TestData.shiftBody("08:00", "17:00"))
                .put("/api/technicians/" + technician.id() + "/shifts/1-12-2026").then(), 400, "date");
    }
}
