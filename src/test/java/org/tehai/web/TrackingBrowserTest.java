package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.notification.PublicAddress;
import org.tehai.notification.TrackingLinks;
import org.tehai.notification.TrackingSettings;
import org.tehai.support.AdjustableClock;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The customer's tracking link, in a phone-sized browser: the link a notification in the outbox carries opens the
 * visit's page in English and Japanese; another visit's id, a guessed token and the link of a visit ended more than a
 * day ago open nothing (and hostile tokens never a server error); "please call me" puts a call-back on the desk's
 * queue and on the desk's page; "I can't be there" offers the next times and books one; a link used too often, and
 * one client address over all links, answer 429 (a forwarded-for header does not get round the address's limit).
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

    @Inject
    TrackingSettings settings;

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
        TestData.proposeAndPublish(region, DAY);
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
        // ... and on the desk's page, as an agent of the region sees the queue (in Japanese: why, too).
        String customerName = as(AGENT).get("/api/tickets/" + ticket).then().extract().jsonPath()
                .getString("customer.name");
        Page desk = agentAtTheDesk(region);
        Locator due = desk.locator("#callbacks li", new Page.LocatorOptions().setHasText(number));
        assertThat(due).containsText(customerName, SOON);
        assertThat(due).containsText("お客様の依頼");
        assertThat(due).containsText("お客様が追跡ページから折り返しの電話を希望しました(訪問は予定済み)。");
        assertThat(due).not().containsText("期限超過");
        assertThat(due.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完了"))).isVisible();
        Browser.screenshot(desk, "desk-callback-from-tracking");
        desk.context().close();

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
        // The customer reads Japanese: the messages about the visit are written in Japanese.
        long customer = as(AGENT).get("/api/tickets/" + ticket).then().extract().jsonPath().getLong("customer.id");
        JsonPath known = as(AGENT).get("/api/customers/" + customer).then().extract().jsonPath();
        as(AGENT).body(Map.of("name", known.getString("name"), "language", "ja", "phones", List.of(Map.of("number",
                known.getString("phones[0].number"))),
                "version", known.getLong("version"))).put("/api/customers/" + customer).then().statusCode(200);

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
        String told = as(AGENT).get("/api/notifications?ticketId=" + ticket).then().extract().jsonPath()
                .getString("items.find { it.kind == 'WINDOW_QUOTED' }.message");
        assertThat(told).startsWith("ご依頼(").contains("の間です。").containsPattern("訪問の状況はこちらでご確認いただけます: \\S+/t/");
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

    @Test
    void shouldLimitOneClientAddressOverAllLinksWhateverForwardedHeadersItSends() throws IOException {
        // No proxy is configured as trusted (quarkus.http.proxy.* unset), so the limit counts the address the
        // connection comes from: a client cannot spread its requests by naming other addresses in X-Forwarded-For or
        // Forwarded. Requests come from a loopback address of their own, so no other test shares their count.
        long ticket = TestData.ticket(TestData.region());
        String token = links.tokenFor(TestData.visit(ticket, DAY), ticket);
        InetAddress server = InetAddress.getByName(base.getHost());
        assertThat(server.isLoopbackAddress() && server.getAddress().length == 4).as("the test server on IPv4 loopback")
                .isTrue();
        InetAddress client = InetAddress.getByName("127.0.0." + (2 + new Random().nextInt(250)));
        String guessed = "/t/" + "Q".repeat(TrackingLinks.LENGTH);
        for (int i = 0; i < settings.limitPerAddress(); i++) {
            String link = i < 3 ? "/t/" + token : guessed;
            assertThat(get(client, link, "en", "X-Forwarded-For: 203.0.113." + i, "Forwarded: for=198.51.100." + i))
                    .as("request %d", i).matches("(?s)HTTP/1\\.1 (200|404) .*");
        }
        String refused = get(client, "/t/" + token, "en", "X-Forwarded-For: 203.0.113.250", "X-Real-IP: 203.0.113.251");
        assertThat(refused).startsWith("HTTP/1.1 429").containsPattern("(?i)retry-after: \\d+")
                .contains("Too many requests");
        assertThat(get(client, guessed, "ja")).startsWith("HTTP/1.1 429").contains("アクセスが多すぎます");

        // The page as the customer's browser shows it.
        Page page = phone("en-US");
        String limitedPage = body(refused);
        page.route("**/t/limited", route -> route.fulfill(new Route.FulfillOptions().setStatus(429)
                .setContentType("text/html; charset=utf-8").setBody(limitedPage)));
        page.navigate(base + "t/limited");
        assertThat(page.locator("#limited h1")).hasText("Too many requests");
        assertThat(page.locator("#limited")).containsText("minute");
        Browser.screenshot(page, "tracking-limited-address");
        page.unrouteAll();

        // Another address (the browser's own) still opens the link, even naming the limited one as forwarded.
        page.setExtraHTTPHeaders(Map.of("X-Forwarded-For", client.getHostAddress()));
        page.navigate(base + "t/" + token);
        assertThat(page.locator("#headline")).isVisible();
        page.context().close();
    }

    /** A GET sent from the address {@code from}, with extra header lines; the whole answer as text. */
    private String get(InetAddress from, String path, String language, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAccept-Language: " + language + "\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The body of a whole HTTP answer, chunks joined when it came in chunks. */
    private static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, end).toLowerCase();
        String rest = answer.substring(end + 4);
        if (!head.contains("transfer-encoding: chunked")) {
            return rest;
        }
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int line = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, line - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(bytes, line + 2, size);
            at = line + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("A chunk without its size line.");
    }

    private Page agentAtTheDesk(long region) {
        Page page = Browser.page(URI.create(base.toString()), "ja-JP");
        page.navigate(base + "desk");
        page.getByLabel("ユーザー").fill("agent");
        page.getByLabel("パスワード").fill("agent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("サインイン")).click();
        page.locator("#desk[data-ready=true]").waitFor();
        page.locator("#region").selectOption(String.valueOf(region));
        return page;
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
