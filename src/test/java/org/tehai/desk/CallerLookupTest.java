package org.tehai.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.JapaneseText;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CallerLookupTest {

    /** Stored as 03-6123-4567 by another agent; callers and agents type it any way. */
    @ParameterizedTest
    @ValueSource(strings = { "03-6123-4567", "0361234567", "03 6123 4567", "(03) 6123-4567", "+81 3 6123 4567",
            "+81-3-6123-4567", "+81361234567", "0081 3 6123 4567", "81361234567" })
    void shouldFindTheCallerByPhoneInAnyFormat(String typed) {
        ensureCustomer("Yamada Hina", "03-6123-4567");
        JsonPath result = as("agent").queryParam("q", typed).get("/api/callers").then().statusCode(200).extract()
                .jsonPath();
        assertThat(result.getList("customer.name", String.class)).containsExactly("Yamada Hina");
        assertThat(result.getString("[0].matchedBy")).isEqualTo("PHONE");
    }

    @Test
    void shouldShowOpenTicketsLastContactsAndUpcomingVisitsInOneAnswer() {
        long region = TestData.region();
        String phone = TestData.tokyoPhone();
        long customer = TestData.customer("Hayashi Naoko", phone);
        long site = TestData.site(customer, region, Api.unique("Mejiro Park House"), "801", 35.7212,
                139.7065);
        JsonPath ticket = as("agent").body(Map.of("customerId", customer, "siteId", site, "troubleCode",
                "INTERNET/NO_SYNC")).post("/api/tickets").then().statusCode(201).extract().jsonPath();
        as("agent").body(Map.of("ticketId", ticket.getLong("id"), "estimatedDurationMinutes", 60,
                "requiredSkills", List.of(Map.of("skill", "FIBER", "minLevel", 2)), "requiredTools", List.of(),
                "requiredParts", List.of(), "availability", List.of(Map.of("startsAt", "2030-03-04T13:00:00+09:00",
                        "endsAt", "2030-03-04T17:00:00+09:00")))).post("/api/visits").then().statusCode(201);

        JsonPath card = as("agent").queryParam("q", phone).get("/api/callers").then().statusCode(200).extract()
                .jsonPath();
        assertThat(card.getList("openTickets[0].number", String.class)).containsExactly(ticket.getString("number"));
        assertThat(card.getList("lastContacts[0].kind", String.class)).containsExactly("NEW_REPORT");
        assertThat(card.getList("upcomingVisits[0].status", String.class)).containsExactly("UNPLANNED");
        assertThat(card.getList("sites[0].unit", String.class)).containsExactly("801");

        as("agent").queryParam("q", ticket.getString("number").toLowerCase()).get("/api/callers").then()
                .statusCode(200).body("[0].customer.id", equalTo((int) customer))
                .body("[0].matchedBy", equalTo("TICKET_NUMBER"));
    }

    @Test
    void shouldFindCallersByNameFragmentOrBuilding() {
        long region = TestData.region();
        String name = Api.unique("Kimura");
        long customer = TestData.customer(name, TestData.tokyoPhone());
        String building = Api.unique("Ekoda Maison");
        TestData.site(customer, region, building, "203", 35.7376, 139.6727);

        as("agent").queryParam("q", name.substring(2).toUpperCase()).get("/api/callers").then().statusCode(200)
                .body("customer.name", org.hamcrest.Matchers.hasItem(name));
        as("agent").queryParam("q", building.toLowerCase()).get("/api/callers").then().statusCode(200)
                .body("[0].customer.id", equalTo((int) customer)).body("[0].matchedBy", equalTo("ADDRESS"));
        as("agent").queryParam("q", "x").get("/api/callers").then().statusCode(400).body("field", equalTo("q"));
        as("sato.nobody").get("/api/callers?q=abc").then().statusCode(401);
    }

    static List<String> dashLookAlikes() {
        return JapaneseText.DASH_LOOK_ALIKES;
    }

    /** "０３ー１２３４ー５６７８" typed in kana mode used to fall through to a name search and find nobody. */
    @ParameterizedTest
    @MethodSource("dashLookAlikes")
    void shouldFindTheCallerByPhoneTypedWithAnyDashLookAlike(String dash) {
        String phone = TestData.tokyoPhone();
        long customer = TestData.customer("Mori Yuto", phone);
        as("agent").queryParam("q", JapaneseText.fullWidthPhone(phone, dash)).get("/api/callers").then()
                .statusCode(200).body("customer.id", org.hamcrest.Matchers.contains((int) customer))
                .body("[0].matchedBy", equalTo("PHONE"));
        as("agent").queryParam("q", phone.replace("-", dash)).get("/api/callers").then().statusCode(200)
                .body("customer.id", org.hamcrest.Matchers.contains((int) customer));
    }

    @Test
    void shouldFindATicketNumberTypedInFullWidthWithALongVowelMark() {
        long region = TestData.region();
        long customer = TestData.customer("Abe Rin", TestData.tokyoPhone());
        String number = as("agent").body(TestData.ticketBody(customer, TestData.site(region))).post("/api/tickets")
                .then().statusCode(201).extract().path("number");
        as("agent").queryParam("q", JapaneseText.fullWidth(number).replace("－", "ー")).get("/api/callers").then()
                .statusCode(200).body("[0].customer.id", equalTo((int) customer))
                .body("[0].matchedBy", equalTo("TICKET_NUMBER"));
    }

    @Test
    void shouldFindCallersByNameInAnyWidthOrKanaAndListNamesBeforeAddresses() {
        long region = TestData.region();
        String unique = JapaneseText.uniqueKatakana(8);
        long halfWidth = TestData.customer("ｻﾄｳ" + JapaneseText.toHalfWidth(unique) + " ﾊﾅｺ", TestData.tokyoPhone());
        long neighbour = TestData.customer("Kondo Shun", TestData.tokyoPhone());
        TestData.site(neighbour, region, "サトウ" + unique + "ハイツ", "101", 35.7, 139.65);

        JsonPath byKatakana = as("agent").queryParam("q", "サトウ" + unique).get("/api/callers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byKatakana.getList("customer.id", Integer.class))
                .containsExactly((int) halfWidth, (int) neighbour);
        assertThat(byKatakana.getList("matchedBy", String.class)).containsExactly("NAME", "ADDRESS");

        as("agent").queryParam("q", "さとう" + JapaneseText.toHiragana(unique)).get("/api/callers").then()
                .statusCode(200).body("customer.id", org.hamcrest.Matchers.contains((int) halfWidth));

        String family = Api.unique("Sato");
        long wide = TestData.customer(JapaneseText.fullWidth(family + " Hanako"), TestData.tokyoPhone());
        as("agent").queryParam("q", family.toLowerCase()).get("/api/callers").then().statusCode(200)
                .body("customer.id", org.hamcrest.Matchers.contains((int) wide)).body("[0].matchedBy", equalTo("NAME"));
        long plain = TestData.customer(family + "x Ken", TestData.tokyoPhone());
        as("agent").queryParam("q", JapaneseText.fullWidth(family.toUpperCase() + "X")).get("/api/callers").then()
                .statusCode(200).body("customer.id", org.hamcrest.Matchers.contains((int) plain));
    }

    private static void ensureCustomer(String name, String phone) {
        int found = as("agent").queryParam("phone", phone).get("/api/customers").then().extract().path("total");
        if (found == 0) {
            TestData.customer(name, phone);
        }
    }
}
