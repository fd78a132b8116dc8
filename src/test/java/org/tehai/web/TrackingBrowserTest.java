package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.notification.PublicAddress;
import org.tehai.notification.TrackingLinks;
import org.tehai.support.AdjustableClock;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The customer's tracking link, in a phone-sized browser: the link a notification in the outbox carries opens the
 * visit's page in English and Japanese; another visit's id, a guessed token and the link of a visit ended more than a
 * day ago open nothing (and hostile tokens never a server error); "please call me" puts a call-back on the desk's
 * queue; "I can't be there" offers the next times and books one; a link used too often answers 429.
 */
@QuarkusTest
class TrackingBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(20_000);
    private static final Pattern LINK = Pattern.compile("(\\S+)/t/([A-Za-z0-9_-]{" + TrackingLinks.LENGTH + "})");

    /** A working day far enough ahead that nothing else plans it. */
    private static final LocalDate DAY = LocalDate.of(2030, 4, 16);

    @TestHTTPResource("/")
    URL base;

    @Inject
    AdjustableClock clock;

    @Inject
    PublicAddress publicAddress;

    @Inject
    TrackingLinks links;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Page phone(String language) {
        Page page = Browser.page(URI.create(base.toString()), language);
        page.setViewportSize(390, 844);
        return page;
    }

    @Test
    void shouldOpenTheLinkOfANotificationAndNothingElse() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        TestData.shift(technician.id(), DAY);
        long ticket = TestData.ticket(region);
        TestData.visit(ticket, DAY);
        long ended = TestData.ticket(region);
        TestData.visit(ended, DAY);
        String path = "/api/regions/" + region + "/days/" + DAY;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1))
                .post(path + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(as(DISPATCHER)
                .get(path + "/proposals/current").then().extract().jsonPath().getString("status")));
        as(DISPATCHER).post(path + "/proposals/current/publish").then().statusCode(200);
        JsonPath person = as(DISPATCHER).get("/api/technicians/" + technician.id()).then().extract().jsonPath();
        String number = as(AGENT).get("/api/tickets/" + ticket).then().extract().jsonPath().getString("number");

        // The "window quoted" message in the outbox carries the link, under the public address.
        Matcher link = LINK.matcher(as(AGENT).get("/api/notifications?ticketId=" + ticket).then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.kind == 'WINDOW_QUOTED' }.message"));
        assertThat(link.find()).as("a tracking link in the message").isTrue();
        assertThat(link.group(1)).isEqualTo(publicAddress.base());
        String token = link.group(2);

        Page page = phone("en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        page.navigate(base + "t/" + token);
        assertThat(page.locator("#headline")).hasText("Your visit is planned.");
        assertThat(page.locator(".track-ref")).containsText(number);
        assertThat(page.locator("#window")).hasText(Pattern.compile("\\d\\d:\\d\\d–\\d\\d:\\d\\d"));
        assertThat(page.locator("#technician")).hasText(person.getString("firstName"));
        assertThat(page.locator("#address")).containsText("Koenji-minami");
        assertThat(page.locator("main")).not().containsText(person.getString("lastName"));
        Browser.screenshot(page, "tracking-en");

        // Japanese, as the customer's browser asks.
        Page ja = phone("ja-JP");
        ja.navigate(base + "t/" + token);
        assertThat(ja.locator("#headline")).hasText("訪問の予定が決まりました。");
        assertThat(ja.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("電話してほしい"))).isVisible();
        Browser.screenshot(ja, "tracking-ja");
        ja.context().close();
        assertThat(as(AGENT).get("/api/tickets/" + ticket + "/contacts").then().extract().jsonPath()
                .getList("findAll { it.kind == 'TRACKING_VIEW' }")).hasSize(2);

        // Another visit's id in the token, a guessed token: nothing, and nothing said about why.
        long other = as(AGENT).get("/api/visits?ticketId=" + ended).then().extract().jsonPath().getLong("items[0].id");
        page.navigate(base + "t/" + withVisit(token, other));
        assertThat(page.locator("#gone h1")).hasText("This link does not open a visit");
        assertThat(page.locator("main")).not().containsText(number);
        page.navigate(base + "t/" + "Q".repeat(TrackingLinks.LENGTH));
        assertThat(page.locator("#gone")).isVisible();
        for (String hostile : List.of("x", "%00", "..%2F..%2Fetc%2Fpasswd", "A".repeat(4000), token + "A",
                token.substring(1), "%E3%81%82".repeat(17), "<script>")) {
            int status = given().get(base + "t/" + hostile).then().extract().statusCode();
            assertThat(status).as("status of /t/%s", hostile).isBetween(400, 499);
        }

        // "Please call me": a call-back due on the desk's queue of the region.
        page.navigate(base + "t/" + token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Please call me")).click();
        assertThat(page.locator("#notice")).containsText("We will call you soon", SOON);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Please call me"))).hasCount(0);
        Browser.screenshot(page, "tracking-called");
        JsonPath queue = as(AGENT).get("/api/callbacks?regionId=" + region).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.findAll { it.ticketNumber == '" + number + "' }.status")).containsExactly("DUE");

        // The visit of the other ticket is done; its link opens for a day after, then nothing.
        long otherTicketVisit = other;
        String endedToken = LINK.matcher(as(AGENT).get("/api/notifications?ticketId=" + ended).then().extract()
                .jsonPath().getString("items[0].message")).results().findFirst().orElseThrow().group(2);
        as(technician.login()).body(Map.of("events", List.of(event("EN_ROUTE", otherTicketVisit, "08:40"),
                event("ARRIVED", otherTicketVisit, "09:10"), event("COMPLETED", otherTicketVisit, "09:50"))))
                .post("/api/me/events").then().statusCode(200);
        clock.setTo(DAY.atTime(20, 0).atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant());
        page.navigate(base + "t/" + endedToken);
        assertThat(page.locator("#headline")).hasText("The visit is done. Thank you.");
        clock.advance(Duration.ofHours(24));
        page.navigate(base + "t/" + endedToken);
        assertThat(page.locator("#gone")).isVisible();
        assertThat(scriptErrors).isEmpty();
        page.context().close();
    }

    @Test
    void shouldOfferTheNextTimesToACustomerWhoCannotBeThereAndBookOne() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        TestData.shift(technician.id(), DAY);
        long ticket = TestData.ticket(region);
        Map<String, Object> body = new HashMap<>(TestData.visitBody(ticket, DAY));
        body.put("availability", List.of(TestData.window(DAY, 13, 17)));
        long visit = as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        clock.setTo(DAY.minusDays(1).atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant());

        Page page = phone("en-US");
        page.navigate(base + "t/" + links.tokenFor(visit, ticket));
        assertThat(page.locator("#headline")).hasText("We are arranging your visit.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I can't be there")).click();
        Locator offers = page.locator(".track-offer");
        offers.first().waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        String offered = offers.first().innerText().replace("Book ", "");
        Browser.screenshot(page, "tracking-other-time");
        offers.first().click();
        assertThat(page.locator("#notice")).containsText("Booked.", SOON);
        assertThat(page.locator("#window")).hasText(offered.substring(offered.lastIndexOf(' ') + 1));
        assertThat(as(AGENT).get("/api/visits/" + visit).then().extract().jsonPath()
                .getString("quotedWindow.startsAt")).startsWith(DAY.toString());
        page.context().close();
    }

    @Test
    void shouldAnswerALinkUsedTooOftenWithAPageThatSaysWhenToTryAgain() {
        long ticket = TestData.ticket(TestData.region());
        long visit = TestData.visit(ticket, DAY);
        String url = base + "t/" + links.tokenFor(visit, ticket);
        for (int i = 0; i < 30; i++) {
            given().header("Accept-Language", "ja").get(url).then().statusCode(200);
        }
        var refused = given().header("Accept-Language", "ja").get(url).then().statusCode(429).extract();
        assertThat(refused.header("Retry-After")).matches("\\d+");
        assertThat(refused.asString()).contains("アクセスが多すぎます");
    }

    private static Map<String, Object> event(String type, long visit, String time) {
        return Map.of("eventId", Api.unique("ev"), "type", type, "visitId", visit, "occurredAt",
                DAY + "T" + time + ":00+09:00", "latitude", 35.70, "longitude", 139.65);
    }

    /** The token with another visit's id in place of its own, signature left as it was. */
    private static String withVisit(String token, long visitId) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        ByteBuffer.wrap(bytes).putLong(0, visitId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
