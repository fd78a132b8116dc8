package org.tehai.platform.security;

import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.withToken;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;
import org.tehai.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenAuthenticationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void shouldLetTechnicianTokenReadOnlyItsOwnData() {
        long region = TestData.region();
        var me = TestData.technician(region);
        var colleague = TestData.technician(region);
        TestData.shift(me.id(), DAY);
        TestData.visit(TestData.ticket(region), DAY);
        String token = Tokens.forUser(me.login(), Roles.TECHNICIAN);

        withToken(token).get("/api/technicians/" + me.id()).then().statusCode(200).body("login", equalTo(me.login()));
        withToken(token).get("/api/technicians/" + me.id() + "/shifts").then().statusCode(200)
                .body("workDate[0]", equalTo(DAY.toString()));
        assertProblem(withToken(token).get("/api/technicians/" + colleague.id()).then(), 403);
        assertProblem(withToken(token).get("/api/technicians/" + colleague.id() + "/shifts").then(), 403);
        withToken(token).get("/api/visits").then().statusCode(200).body("total", equalTo(0));
        assertProblem(withToken(token).queryParam("technicianId", colleague.id()).get("/api/visits").then(), 403);
        withToken(token).get("/api/customers").then().statusCode(403);
    }

    @Test
    void shouldRefuseTechnicianTokenOfAnUnknownLogin() {
        var someone = TestData.technician(TestData.region());
        String token = Tokens.forUser("nobody-" + someone.login(), Roles.TECHNICIAN);
        assertProblem(withToken(token).get("/api/technicians/" + someone.id()).then(), 403);
        assertProblem(withToken(token).get("/api/visits").then(), 403);
    }

    @Test
    void shouldTakeRolesFromTheGroupsClaim() {
        long region = TestData.region();
        var technician = TestData.technician(region);
        withToken(Tokens.forUser("d.sato", Roles.DISPATCHER)).queryParam("regionId", region).get("/api/technicians")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) technician.id()));
        withToken(Tokens.forUser("a.ito", Roles.AGENT)).body(Map.of("code", "X", "name", "X",
                "timeZone", "UTC")).post("/api/regions").then().statusCode(403);
    }

    @Test
    void shouldRejectExpiredForgedOrForeignTokens() {
        withToken(Tokens.expired("d.sato", Roles.DISPATCHER)).get("/api/technicians").then().statusCode(401);
        withToken(Tokens.signedWithUnknownKey("d.sato", Roles.DISPATCHER)).get("/api/technicians").then()
                .statusCode(401);
        withToken(Tokens.fromOtherIssuer("d.sato", Roles.DISPATCHER)).get("/api/technicians").then().statusCode(401);
        withToken("not-a-token").get("/api/technicians").then().statusCode(401);
    }
}
