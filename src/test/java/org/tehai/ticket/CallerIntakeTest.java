package org.tehai.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.JapaneseText;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Intake with only the caller's name and phone: the number finds the customer, whatever order or script the caller
 * gives the name in; a number several customers share makes the agent choose.
 */
@QuarkusTest
class CallerIntakeTest {

    private static Map<String, Object> callerTicket(String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("caller", Map.of("name", name, "phone", phone));
        body.put("troubleCode", "TV/NO_SIGNAL");
        return body;
    }

    private static Map<String, Object> newCustomerTicket(String name, String phone) {
        Map<String, Object> body = callerTicket(name, phone);
        body.put("caller", Map.of("name", name, "phone", phone, "newCustomer", true));
        return body;
    }

    private static int customersOn(String phone) {
        return as(AGENT).queryParam("phone", phone).get("/api/customers").then().statusCode(200).extract()
                .path("total");
    }

    private static int allCustomers() {
        return as(ADMIN).queryParam("size", 1).get("/api/customers").then().statusCode(200).extract().path("total");
    }

    private static int allTickets() {
        return as(ADMIN).queryParam("size", 1).get("/api/tickets").then().statusCode(200).extract().path("total");
    }

    @Test
    void shouldAttachACallerWhoGivesTheGivenNameFirstToTheCustomerOfThatNumber() {
        String phone = TestData.tokyoPhone();
        long itoAoi = TestData.customer("Ito Aoi", phone);

        String typed = JapaneseText.fullWidthPhone(phone, "ー");
        as(AGENT).body(callerTicket("Aoi Ito", typed)).post("/api/tickets").then().statusCode(201)
                .body("customer.id", equalTo((int) itoAoi)).body("customer.name", equalTo("Ito Aoi"))
                .body("callerName", equalTo("Aoi Ito")).body("callerPhone", equalTo(typed));

        assertThat(customersOn(phone)).isEqualTo(1);
        as(AGENT).queryParam("customerId", itoAoi).get("/api/tickets").then().body("total", equalTo(1));
    }

    @Test
    void shouldAttachTheCallerOfTheOnlyCustomerOnTheNumberEvenUnderAnotherName() {
        // A family line: the daughter calls about the TV of the customer on record.
        String phone = TestData.tokyoPhone();
        long customer = TestData.customer("Ito Aoi", phone);
        as(AGENT).body(callerTicket("Ito Hina", phone)).post("/api/tickets").then().statusCode(201)
                .body("customer.id", equalTo((int) customer)).body("callerName", equalTo("Ito Hina"));
        assertThat(customersOn(phone)).isEqualTo(1);
    }

    @Test
    void shouldCreateANewCustomerWhenTheAgentSaysTheCallerIsNew() {
        String phone = TestData.tokyoPhone();
        long existing = TestData.customer("Ito Aoi", phone);

        JsonPath ticket = as(AGENT).body(newCustomerTicket("Aoi Ito", phone)).post("/api/tickets").then()
                .statusCode(201).body("customer.name", equalTo("Aoi Ito")).body("callerName", equalTo("Aoi Ito"))
                .extract().jsonPath();

        assertThat(ticket.getLong("customer.id")).isNotEqualTo(existing);
        as(AGENT).queryParam("phone", phone).get("/api/customers").then().body("total", equalTo(2))
                .body("items.id", hasItem(ticket.getInt("customer.id")));
    }

    @Test
    void shouldAskWhichCustomerWhenSeveralShareTheNumberAndWriteNothing() {
        long region = TestData.region();
        String phone = TestData.tokyoPhone();
        long ren = TestData.customer("Kimura Ren", phone);
        long mei = TestData.customer("Kimura Mei", phone);
        TestData.site(mei, region, "Nakano Green Court", "502", 35.7074, 139.6638);
        int customersBefore = allCustomers();
        int ticketsBefore = allTickets();

        assertProblem(as(AGENT).body(callerTicket("Kimura Sora", phone)).post("/api/tickets").then(), 409,
                "caller.phone")
                .body("detail", startsWith("The phone number (" + phone + ") belongs to 2 customers"))
                .body("candidates.id", containsInAnyOrder((int) ren, (int) mei))
                .body("candidates.name", containsInAnyOrder("Kimura Ren", "Kimura Mei"))
                .body("candidates.phone", contains(phone, phone))
                .body("candidates.find { it.id == " + mei + " }.address", equalTo(
                        "2-14-3 Koenji-minami, Suginami-ku, flat 502 (Nakano Green Court)"))
                .body("candidates.find { it.id == " + ren + " }.address", equalTo(null));

        assertThat(allCustomers()).isEqualTo(customersBefore);
        assertThat(allTickets()).isEqualTo(ticketsBefore);
        assertThat(customersOn(phone)).isEqualTo(2);

        // The agent asks, and sends the chosen customer; or says the caller is a new customer.
        Map<String, Object> chosen = TestData.ticketBody(mei, null);
        as(AGENT).body(chosen).post("/api/tickets").then().statusCode(201).body("customer.id", equalTo((int) mei));
        as(AGENT).body(newCustomerTicket("Kimura Sora", phone)).post("/api/tickets").then().statusCode(201)
                .body("customer.id", not(equalTo((int) ren))).body("customer.id", not(equalTo((int) mei)));
        assertThat(customersOn(phone)).isEqualTo(3);
    }

    @Test
    void shouldTakeTheCustomerOfTheCallersNameAmongThoseSharingTheNumber() {
        String phone = TestData.tokyoPhone();
        TestData.customer("Kimura Ren", phone);
        long mei = TestData.customer("Kimura Mei", phone);
        as(AGENT).body(callerTicket("ｍｅｉ　ｋｉｍｕｒａ", phone)).post("/api/tickets").then().statusCode(201)
                .body("customer.id", equalTo((int) mei)).body("callerName", equalTo("ｍｅｉ　ｋｉｍｕｒａ"));
        assertThat(customersOn(phone)).isEqualTo(2);
    }

    @Test
    void shouldStoreTheNormalNumberAndASearchableNameForACustomerCreatedAtIntake() {
        String national = TestData.tokyoPhone();
        String unique = JapaneseText.uniqueKatakana(8);
        String name = "ｲﾄｳ" + JapaneseText.toHalfWidth(unique) + " ｱｵｲ";
        long customer = as(AGENT).body(callerTicket(name, JapaneseText.fullWidthPhone(national, "―")))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("customer.id");

        as(AGENT).get("/api/customers/" + customer).then().body("phones[0].number", equalTo(national))
                .body("phones[0].normalized", equalTo("+81" + national.replace("-", "").substring(1)));
        as(AGENT).queryParam("q", "いとう" + JapaneseText.toHiragana(unique)).get("/api/customers").then()
                .body("items.id", contains((int) customer));
        as(AGENT).queryParam("q", "イトウ" + unique).get("/api/callers").then().statusCode(200)
                .body("customer.id", contains((int) customer));
    }

    @Test
    void shouldNameTheCallersPhoneWhenItIsNoNumber() {
        assertProblem(as(AGENT).body(callerTicket("Kato Mei", "03〜1234〜5678")).post("/api/tickets").then(), 400,
                "caller.phone");
        Map<String, Object> notABoolean = callerTicket("Kato Mei", TestData.tokyoPhone());
        notABoolean.put("caller", Map.of("name", "Kato Mei", "phone", TestData.tokyoPhone(), "newCustomer", "maybe"));
        assertProblem(as(AGENT).body(notABoolean).post("/api/tickets").then(), 400, "caller.newCustomer");
    }

    @Test
    void shouldAnswerWhereIsTheTechnicianForANumberTypedWithALongVowelMark() {
        long region = TestData.region();
        String phone = TestData.tokyoPhone();
        long customer = TestData.customer("Okada Yui", phone);
        long ticket = TestData.ticket(customer, TestData.site(region));
        as(AGENT).queryParam("phone", JapaneseText.fullWidthPhone(phone, "ー")).get("/api/arrivals").then()
                .statusCode(200).body("ticketId", contains((int) ticket));
        assertProblem(as(AGENT).queryParam("phone", "03〜1234").get("/api/arrivals").then(), 400, "phone");
    }

    @Test
    void shouldKeepTheCandidatesOutOfOtherProblems() {
        as(AGENT).body(callerTicket("Kato Mei", "12")).post("/api/tickets").then().statusCode(400)
                .body("$", not(org.hamcrest.Matchers.hasKey("candidates")));
    }
}
