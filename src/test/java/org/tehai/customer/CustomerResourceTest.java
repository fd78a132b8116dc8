package org.tehai.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.anonymous;
import static org.tehai.support.Api.as;
import static org.tehai.support.Api.assertProblem;
import static org.tehai.support.Api.idFromLocation;
import static org.tehai.support.Api.unique;
import static org.tehai.support.Api.uniqueDigits;
import static org.tehai.support.TestData.customer;
import static org.tehai.support.TestData.customerBody;
import static org.tehai.support.TestData.tokyoPhone;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tehai.support.JapaneseText.fullWidth;
import static org.tehai.support.JapaneseText.fullWidthPhone;
import static org.tehai.support.JapaneseText.toHalfWidth;
import static org.tehai.support.JapaneseText.toHiragana;
import static org.tehai.support.JapaneseText.uniqueKatakana;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tehai.support.JapaneseText;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerResourceTest {

    @Test
    void shouldCreateCustomerAndReadItBack() {
        String phone = tokyoPhone();
        var response = as(AGENT).body(customerBody("Suzuki Ichiro", phone)).post("/api/customers");
        response.then().statusCode(201).body("name", equalTo("Suzuki Ichiro")).body("version", equalTo(0));
        long id = idFromLocation(response.header("Location"));

        as(MANAGER).get("/api/customers/" + id).then().statusCode(200)
                .body("phones[0].number", equalTo(phone))
                .body("phones[0].normalized", equalTo("+81" + phone.replace("-", "").substring(1)))
                .body("contract", equalTo("STANDARD"));
    }

    @Test
    void shouldUpdateCustomerAndIncrementVersion() {
        long id = customer("Takahashi Yumi", tokyoPhone());
        String newPhone = tokyoPhone();
        Map<String, Object> body = new HashMap<>(customerBody("Takahashi Yumi", newPhone));
        body.put("email", "yumi@example.jp");
        body.put("version", 0);
        as(DISPATCHER).body(body).put("/api/customers/" + id).then().statusCode(200)
                .body("email", equalTo("yumi@example.jp")).body("version", equalTo(1))
                .body("phones.number", contains(newPhone));
        as(AGENT).get("/api/customers?phone=" + newPhone).then().body("items.id", contains((int) id));
    }

    @Test
    void shouldRejectStaleUpdate() {
        long id = customer("Ito Ken", tokyoPhone());
        Map<String, Object> first = new HashMap<>(customerBody("Ito Ken (first)", tokyoPhone()));
        first.put("version", 0);
        as(AGENT).body(first).put("/api/customers/" + id).then().statusCode(200);

        Map<String, Object> second = new HashMap<>(customerBody("Ito Ken (second)", tokyoPhone()));
        second.put("version", 0);
        assertProblem(as(AGENT).body(second).put("/api/customers/" + id).then(), 409, "version");
        as(AGENT).get("/api/customers/" + id).then().body("name", equalTo("Ito Ken (first)"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+81 3 %s %s", "0%s%s", "+81-3-%s-%s", "03 (%s) %s", "0081 3 %s %s" })
    void shouldFindCallerByPhoneInAnyFormat(String format) {
        String digits = uniqueDigits(8);
        String stored = "03-" + digits.substring(0, 4) + "-" + digits.substring(4);
        long id = customer("Watanabe Jun", stored);
        String typed = format.startsWith("0%s") ? "03" + digits
                : String.format(format, digits.substring(0, 4), digits.substring(4));

        as(AGENT).queryParam("phone", typed).get("/api/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) id));
    }

    @Test
    void shouldFindCallerByPhoneWithTrunkPrefixInBrackets() {
        String digits = uniqueDigits(8);
        long id = customer("Ishikawa Rin", "03-" + digits.substring(0, 4) + "-" + digits.substring(4));
        as(AGENT).queryParam("phone", "+81 (0)3 " + digits.substring(0, 4) + " " + digits.substring(4))
                .get("/api/customers").then().statusCode(200).body("items.id", contains((int) id));
    }

    @Test
    void shouldFindCallerByPhoneTypedInFullWidthDigits() {
        String digits = uniqueDigits(8);
        long id = customer("Ogawa Sora", "03-" + digits.substring(0, 4) + "-" + digits.substring(4));
        StringBuilder fullWidth = new StringBuilder();
        for (char c : ("03-" + digits.substring(0, 4) + "-" + digits.substring(4)).toCharArray()) {
            fullWidth.append(c == '-' ? '\uFF0D' : (char) (c - '0' + '\uFF10'));
        }
        as(AGENT).queryParam("phone", fullWidth.toString()).get("/api/customers").then().statusCode(200)
                .body("items.id", contains((int) id));
    }

    static List<String> dashLookAlikes() {
        return JapaneseText.DASH_LOOK_ALIKES;
    }

    /** "０３ー１２３４ー５６７８": the IME gives the long-vowel mark or another dash look-alike for '-'. */
    @ParameterizedTest
    @MethodSource("dashLookAlikes")
    void shouldFindCallerByPhoneTypedWithAnyDashLookAlike(String dash) {
        String stored = tokyoPhone();
        long id = customer("Nishida Kaito", stored);
        as(AGENT).queryParam("phone", fullWidthPhone(stored, dash)).get("/api/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) id));
    }

    @Test
    void shouldStoreTheNormalFormOfANumberTypedOnAJapaneseKeyboard() {
        String national = tokyoPhone();
        String typed = "（" + fullWidthPhone(national, "ー").replaceFirst("ー", "）");
        as(AGENT).body(customerBody("Ueda Mao", typed)).post("/api/customers").then().statusCode(201)
                .body("phones[0].normalized", equalTo("+81" + national.replace("-", "").substring(1)))
                .body("phones[0].number", equalTo("(" + national.replaceFirst("-", ")")));
        as(AGENT).queryParam("phone", national).get("/api/customers").then().body("items.name", contains("Ueda Mao"));
    }

    @Test
    void shouldNameTheStrayCharacterOfAPhoneNumber() {
        assertProblem(as(AGENT).body(customerBody("Kato Mei", "03〜1234〜5678")).post("/api/customers").then(), 400,
                "phones[0].number").body("detail", org.hamcrest.Matchers.containsString("character '〜'"));
    }

    @Test
    void shouldFindHalfWidthKanaNamesByFullWidthKanaOrHiragana() {
        String unique = uniqueKatakana(8);
        long id = customer("ｻﾄｳ" + toHalfWidth(unique) + " ﾊﾅｺ", tokyoPhone());
        for (String typed : List.of("サトウ" + unique, "さとう" + toHiragana(unique), "ｻﾄｳ" + toHalfWidth(unique) + "ﾊﾅｺ",
                "サトウ" + unique + "　ハナコ")) {
            as(AGENT).queryParam("q", typed).get("/api/customers").then().statusCode(200)
                    .body("items.id", contains((int) id));
        }
    }

    @Test
    void shouldFindFullWidthKanaNamesByHalfWidthKanaOrHiragana() {
        String unique = uniqueKatakana(8);
        long id = customer("タカハシ" + unique + " ユイ", tokyoPhone());
        as(AGENT).queryParam("q", "ﾀｶﾊｼ" + toHalfWidth(unique)).get("/api/customers").then()
                .body("items.id", contains((int) id));
        as(AGENT).queryParam("q", "たかはし" + toHiragana(unique) + " ゆい").get("/api/customers").then()
                .body("items.id", contains((int) id));
    }

    @Test
    void shouldFindFullWidthLatinNamesByPlainLettersAndTheOtherWayRound() {
        String wideFamily = unique("Sato");
        long wide = customer(fullWidth(wideFamily + " Hanako"), tokyoPhone());
        as(AGENT).queryParam("q", wideFamily.toLowerCase()).get("/api/customers").then()
                .body("items.id", contains((int) wide));

        String plainFamily = unique("Sato");
        long plain = customer(plainFamily + " Hanako", tokyoPhone());
        as(AGENT).queryParam("q", fullWidth(plainFamily.toUpperCase() + " hanako")).get("/api/customers").then()
                .body("items.id", contains((int) plain));
    }

    @Test
    void shouldSearchTheNewNameAfterAnUpdate() {
        String unique = uniqueKatakana(8);
        String phone = tokyoPhone();
        long id = customer("ｲﾄｳ" + toHalfWidth(unique), phone);
        Map<String, Object> body = new HashMap<>(customerBody("カトウ" + unique, phone));
        body.put("version", 0);
        as(AGENT).body(body).put("/api/customers/" + id).then().statusCode(200);
        as(AGENT).queryParam("q", "かとう" + toHiragana(unique)).get("/api/customers").then()
                .body("items.id", contains((int) id));
        as(AGENT).queryParam("q", "いとう" + toHiragana(unique)).get("/api/customers").then()
                .body("items.id", not(hasItem((int) id)));
    }

    @Test
    void shouldIncrementVersionWhenOnlyThePhonesChange() {
        long id = customer("Sakamoto Ryo", tokyoPhone());
        Map<String, Object> body = new HashMap<>(customerBody("Sakamoto Ryo", tokyoPhone()));
        body.put("version", 0);
        as(AGENT).body(body).put("/api/customers/" + id).then().statusCode(200).body("version", equalTo(1));
        body.put("phones", List.of(Map.of("number", tokyoPhone())));
        assertProblem(as(AGENT).body(body).put("/api/customers/" + id).then(), 409, "version");
    }

    @Test
    void shouldFindCustomerByNameFragmentIgnoringCase() {
        String family = unique("Yamamoto");
        long id = customer(family + " Akira", tokyoPhone());
        as(AGENT).queryParam("q", family.toUpperCase().substring(2) + " aKiRa").get("/api/customers").then()
                .statusCode(200).body("items.id", contains((int) id));
    }

    @Test
    void shouldCombinePhoneAndNameWhenSearching() {
        String phone = tokyoPhone();
        String family = unique("Shimizu");
        long wife = customer(family + " Emi", phone);
        customer(family + " Go", phone);
        as(AGENT).queryParam("phone", phone).get("/api/customers").then().body("total", equalTo(2));
        as(AGENT).queryParam("phone", phone).queryParam("q", "emi").get("/api/customers").then()
                .body("items.id", contains((int) wife));
    }

    @Test
    void shouldNameTheInvalidEmail() {
        Map<String, Object> body = new HashMap<>(customerBody("Oda Nobu", tokyoPhone()));
        body.put("email", "not-an-address");
        assertProblem(as(AGENT).body(body).post("/api/customers").then(), 400, "email");
    }

    @Test
    void shouldTreatLikeWildcardsInNameLiterally() {
        String family = unique("Mori");
        customer(family + " Taro", tokyoPhone());
        as(AGENT).queryParam("q", family + "%").get("/api/customers").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldPageThroughSearchResults() {
        String family = unique("Kobayashi");
        for (int i = 0; i < 3; i++) {
            customer(family + " " + i, tokyoPhone());
        }
        as(AGENT).queryParam("q", family).queryParam("size", 2).get("/api/customers").then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items", hasSize(2)).body("items.name", contains(family + " 0", family + " 1"));
        as(AGENT).queryParam("q", family).queryParam("size", 2).queryParam("page", 1).get("/api/customers").then()
                .body("total", equalTo(3)).body("items.name", contains(family + " 2"));
    }

    @Test
    void shouldNameTheInvalidPageSize() {
        assertProblem(as(AGENT).queryParam("size", 0).get("/api/customers").then(), 400, "size");
        assertProblem(as(AGENT).queryParam("page", -1).get("/api/customers").then(), 400, "page");
    }

    @Test
    void shouldNameTheInvalidPhoneNumber() {
        Map<String, Object> body = Map.of("name", "Kato Mei", "phones",
                List.of(Map.of("number", tokyoPhone()), Map.of("number", "12")));
        assertProblem(as(AGENT).body(body).post("/api/customers").then(), 400, "phones[1].number");
        assertProblem(as(AGENT).body(customerBody("Kato Mei", "03-12ab-5678")).post("/api/customers").then(), 400,
                "phones[0].number");
    }

    @Test
    void shouldNameTheBlankPhoneNumber() {
        assertProblem(as(AGENT).body(customerBody("Kato Mei", " ")).post("/api/customers").then(), 400,
                "phones[0].number");
    }

    @Test
    void shouldNameTheMissingName() {
        assertProblem(as(AGENT).body(customerBody("", tokyoPhone())).post("/api/customers").then(), 400, "name");
    }

    @Test
    void shouldRequireAPhoneNumber() {
        assertProblem(as(AGENT).body(Map.of("name", "No Phone", "phones", List.of())).post("/api/customers").then(),
                400, "phones");
    }

    @Test
    void shouldNameTheUnreadablePhoneSearch() {
        assertProblem(as(AGENT).queryParam("phone", "12").get("/api/customers").then(), 400, "phone");
    }

    @Test
    void shouldNotWriteAnythingWhenAPhoneIsInvalid() {
        String name = unique("Half Written");
        Map<String, Object> body = Map.of("name", name, "phones",
                List.of(Map.of("number", tokyoPhone()), Map.of("number", "x")));
        as(AGENT).body(body).post("/api/customers").then().statusCode(400);
        as(AGENT).queryParam("q", name).get("/api/customers").then().body("total", equalTo(0));
    }

    @Test
    void shouldNotGetUnknownCustomer() {
        assertProblem(as(AGENT).get("/api/customers/999999999").then(), 404);
    }

    @Test
    void shouldRestrictCustomersToOfficeRoles() {
        anonymous().get("/api/customers").then().statusCode(401);
        var technician = TestData.technician(TestData.region());
        as(technician.login()).get("/api/customers").then().statusCode(403);
        as(MANAGER).body(customerBody("Manager Made", tokyoPhone())).post("/api/customers").then().statusCode(403);
        assertThat(as(ADMIN).get("/api/customers").then().statusCode(200).extract().jsonPath().getInt("size"))
                .isEqualTo(50);
    }
}
