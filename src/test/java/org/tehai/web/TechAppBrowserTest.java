package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.field.TechnicianEvent;
import org.tehai.support.AdjustableClock;
import org.tehai.support.TestData;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A technician's day on a phone (390×844, location allowed): the published route in order and nobody else's, the
 * next-step button through a visit with a part from the van, the network cut in the middle of the day with a
 * reload while offline (route and queue kept), a job that needs a follow-up and a door nobody opens, a report the
 * server refuses with the changed route offered, the sign-in running out while offline, a colleague signing in on the
 * same phone, and a morning made offline (with an answer lost) that leaves the server as the same morning online.
 */
@QuarkusTest
class TechAppBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2030, 5, 14);
    private static final OffsetDateTime MORNING = OffsetDateTime.parse(DAY + "T09:00:00+09:00");
    private static final Geolocation KOENJI = new Geolocation(35.7051, 139.6499);
    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(20_000);

    @TestHTTPResource("/")
    URL base;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Day(long region, TestData.Technician technician, List<Long> route, String part,
            List<Long> colleaguesRoute) {
    }

    /**
     * A technician with 3 parts in the van and {@code visits} visits, published; with a colleague, the colleague gets
     * a visit only it can do (its own skill). The server's clock reads 9:00 on the day.
     */
    private Day publishedDay(int visits, boolean colleague) {
        long region = TestData.region();
        String part = TestData.part();
        String login = TestData.newLogin();
        Map<String, Object> body = new HashMap<>(TestData.technicianBody(region, login));
        body.put("vanStock", List.of(Map.of("partCode", part, "quantity", 3)));
        long id = as(DISPATCHER).body(body).post("/api/technicians").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        TestData.shift(id, DAY);
        for (int i = 0; i < visits; i++) {
            TestData.visit(TestData.ticket(region), DAY);
        }
        String other = null;
        if (colleague) {
            other = TestData.newLogin();
            Map<String, Object> theirs = new HashMap<>(TestData.technicianBody(region, other));
            theirs.put("skills", List.of(Map.of("skill", "ANTENNA", "level", 3)));
            long otherId = as(DISPATCHER).body(theirs).post("/api/technicians").then().statusCode(201).extract()
                    .jsonPath().getLong("id");
            TestData.shift(otherId, DAY);
            Map<String, Object> antenna = new HashMap<>(TestData.visitBody(TestData.ticket(region), DAY));
            antenna.put("requiredSkills", List.of(Map.of("skill", "ANTENNA", "minLevel", 2)));
            as(DISPATCHER).body(antenna).post("/api/visits").then().statusCode(201);
        }
        publish(region);
        clock.setTo(MORNING.toInstant());
        List<Long> route = as(login).get("/api/me/route").then().statusCode(200).extract().jsonPath()
                .getList("visits.visitId", Long.class);
        assertThat(route).hasSize(visits);
        List<Long> colleagues = other == null ? List.of() : as(other).get("/api/me/route").then().statusCode(200)
                .extract().jsonPath().getList("visits.visitId", Long.class);
        return new Day(region, new TestData.Technician(id, login), route, part, colleagues);
    }

    private static void publish(long region) {
        String path = "/api/regions/" + region + "/days/" + DAY;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1)).post(path + "/proposals")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(as(DISPATCHER)
                .get(path + "/proposals/current").then().extract().jsonPath().getString("status")));
        as(DISPATCHER).post(path + "/proposals/current/publish").then().statusCode(200);
    }

    /** A phone: small screen, touch, Tokyo time on the day, location allowed and set; only the application reached. */
    private Page phone(String language) {
        BrowserContext context = Browser.get().newContext(new NewContextOptions().setLocale(language)
                .setViewportSize(390, 844).setHasTouch(true).setTimezoneId("Asia/Tokyo")
                .setPermissions(List.of("geolocation")).setGeolocation(KOENJI));
        String host = URI.create(base.toString()).getHost();
        context.route("**/*", route -> {
            if (URI.create(route.request().url()).getHost().equals(host)) {
                route.resume();
            } else {
                route.abort();
            }
        });
        context.clock().install(new Clock.InstallOptions().setTime(MORNING.toInstant().toEpochMilli()));
        Page page = context.newPage();
        page.onConsoleMessage(m -> System.out.println("[tech console] " + m.type() + " " + m.text()));
        page.onPageError(e -> System.out.println("[tech page error] " + e));
        return page;
    }

    private void signIn(Page page, String login) {
        page.navigate(base + "tech");
        signInOnTheForm(page, login);
    }

    /** The sign-in form on the screen, filled in and sent: back on the app, ready. */
    private static void signInOnTheForm(Page page, String login) {
        page.getByLabel(Pattern.compile("User|ユーザー")).fill(login);
        page.getByLabel(Pattern.compile("Password|パスワード")).fill(login);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in|サインイン")))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/tech$"));
        try {
            page.locator("#tech[data-ready=true]").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
        } catch (RuntimeException notReady) {
            Browser.screenshot(page, "tech-not-ready");
            throw notReady;
        }
    }

    private static void tap(Page page, String name) {
        page.locator("#tech-next").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name)
                .setExact(true)).click();
    }

    private static Locator stop(Page page, long visit) {
        return page.locator(".tech-stop[data-visit='" + visit + "']");
    }

    private static void allSent(Page page) {
        assertThat(page.locator("#tech-queue")).hasAttribute("data-waiting", "0",
                new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    }

    private static JsonPath visit(long id) {
        return as(DISPATCHER).get("/api/visits/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> notifications(long visit) {
        return as("manager").get("/api/notifications?size=500").then().extract().jsonPath()
                .getList("items.findAll { it.visitId == " + visit + " }.kind", String.class);
    }

    @Test
    void shouldShowTodaysRouteInOrderAndWorkAVisitWithAPartFromTheVan() {
        Day day = publishedDay(2, true);
        Page page = phone("en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        signIn(page, day.technician().login());

        // The route in the order the server gives, each visit with its window, customer and the ways to reach it.
        assertThat(page.locator("#tech-route-title")).containsText("Route of");
        List<String> shownOrder = page.locator(".tech-stop").all().stream().map(s -> s.getAttribute("data-visit"))
                .toList();
        assertThat(shownOrder).containsExactlyElementsOf(day.route().stream().map(String::valueOf).toList());
        // The colleague's visit, in the same region on the same day, is not on this phone.
        assertThat(day.colleaguesRoute()).hasSize(1);
        assertThat(shownOrder).doesNotContain(String.valueOf(day.colleaguesRoute().get(0)));
        Locator first = stop(page, day.route().get(0));
        assertThat(first).containsText("Window told:");
        assertThat(first.locator(".tech-home")).hasText("Customer at home: 09:00–12:00");
        assertThat(first).containsText("Sato Hanako");
        assertThat(first.locator("a[href^='tel:']")).isVisible();
        assertThat(first.locator("a[href^='geo:']")).hasText("Navigate");
        assertThat(page.locator("#tech-van li[data-part='" + day.part() + "'] b")).hasText("3");
        Browser.screenshot(page, "tech-route");

        tap(page, "Start the day");
        tap(page, "On the way");
        assertThat(first.locator(".tech-chip")).hasText("On the way");
        tap(page, "Arrived");
        assertThat(first.locator(".tech-chip")).hasText("On site");
        tap(page, "Done");
        page.getByLabel(Pattern.compile(day.part())).fill("1");
        page.getByLabel("Notes").fill("Replaced the booster fuse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record done")).click();
        assertThat(first.locator(".tech-chip")).hasText("Done");
        assertThat(page.locator("#tech-next .tech-heading")).containsText("Visit 2");
        allSent(page);
        assertThat(page.locator("#tech-van li[data-part='" + day.part() + "'] b")).hasText("2", SOON_TEXT);

        // The server follows: the visit done, the part out of the van, the customer told, where the technician is.
        long visit = day.route().get(0);
        assertThat(visit(visit).getString("status")).isEqualTo("DONE");
        JsonPath technician = as(DISPATCHER).get("/api/technicians/" + day.technician().id()).then().extract()
                .jsonPath();
        assertThat(technician.getInt("vanStock[0].quantity")).isEqualTo(2);
        assertThat(technician.getDouble("lastPosition.latitude")).isCloseTo(KOENJI.latitude,
                org.assertj.core.data.Offset.offset(0.0001));
        assertThat(notifications(visit)).contains("TECHNICIAN_ON_THE_WAY", "VISIT_DONE");
        Browser.screenshot(page, "tech-done");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void shouldLetTheTechnicianSayTheJobRunsLongAndMoveTheNextCustomersEstimate() {
        Day day = publishedDay(2, false);
        Page page = phone("en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        signIn(page, day.technician().login());
        long first = day.route().get(0);
        long second = day.route().get(1);
        tap(page, "Start the day");
        tap(page, "On the way");
        tap(page, "Arrived");
        allSent(page);

        // Twenty minutes in, the fault is bigger than the ticket said: about an hour and a half more.
        OffsetDateTime now = MORNING.plusMinutes(20);
        clock.setTo(now.toInstant());
        page.clock().setFixedTime(now.toInstant().toEpochMilli());
        tap(page, "Taking longer");
        assertThat(page.locator("#tech-sheet")).containsText("How much longer will the job take?");
        page.getByLabel("Or minutes left, 1 to 480").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the time left")).click();
        // Refused on the phone (the browser's own message on the field), nothing recorded, the sheet still open.
        assertThat(page.locator("#tech-sheet input[name=other]:invalid")).hasCount(1);
        assertThat(page.locator("#tech-sheet")).isVisible();
        page.getByLabel("Or minutes left, 1 to 480").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the time left")).click();
        assertThat(page.locator("#tech-sheet .tech-error")).hasText("Choose or write the minutes left, from 1 to 480.");
        page.getByLabel("90 min").check();
        Browser.screenshot(page, "tech-running-long-sheet");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the time left")).click();
        assertThat(page.locator("#tech-next .tech-heading")).containsText("done about 10:50");
        assertThat(page.locator("#tech-notes")).containsText("Taking longer: recorded 09:20");
        allSent(page);
        Browser.screenshot(page, "tech-running-long");

        // The server keeps it, and the next customer's estimate moves well past the first job's planned end.
        assertThat(OffsetDateTime.parse(visit(first).getString("expectedDone")))
                .isEqualTo(now.plusMinutes(90));
        JsonPath answer = as("agent").get("/api/tickets/" + visit(second).getLong("ticketId") + "/arrival").then()
                .statusCode(200).extract().jsonPath();
        assertThat(OffsetDateTime.parse(answer.getString("liveEstimate"))).isAfter(MORNING.plusMinutes(60 + 15));
        assertThat(answer.getString("delayReason")).isEqualTo("previous job overran");

        // The same technician on another phone, in Japanese: the time said comes from the server.
        Page other = phone("ja-JP");
        other.clock().setFixedTime(now.plusMinutes(5).toInstant().toEpochMilli());
        signIn(other, day.technician().login());
        assertThat(stop(other, first).locator(".tech-chip")).hasText("作業中");
        // The day was started on the first phone: this one does not ask again.
        assertThat(other.locator("#tech-next").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("業務開始"))).hasCount(0);
        assertThat(other.locator("#tech-next .tech-heading")).containsText("10:50ごろ終了予定");
        assertThat(other.locator("#tech-next").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("作業が延びる"))).isVisible();
        Browser.screenshot(other, "tech-running-long-ja");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void shouldKeepTheRouteAndTheQueueThroughAReloadWhileOffline() {
        Day day = publishedDay(2, false);
        Page page = phone("ja-JP");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        signIn(page, day.technician().login());
        long first = day.route().get(0);
        long second = day.route().get(1);
        tap(page, "業務開始");
        tap(page, "移動開始");
        allSent(page);
        page.waitForFunction("navigator.serviceWorker && navigator.serviceWorker.controller !== null");

        // In the plant room: no network. Arrived and done here, on the way to the next.
        page.context().setOffline(true);
        tap(page, "到着");
        page.clock().runFor(20 * 60_000); // twenty minutes on site
        tap(page, "作業完了");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完了を記録")).click();
        tap(page, "移動開始");
        assertThat(page.locator("#tech-network")).containsText("オフライン");
        assertThat(page.locator("#tech-queue")).hasText("未送信 3件");
        assertThat(stop(page, first).locator(".tech-chip")).hasText("完了");
        assertThat(stop(page, second).locator(".tech-chip")).hasText("移動中");

        // The phone reloads the app while still offline: the route and the queue are still there.
        page.reload();
        page.locator("#tech[data-ready=true]").waitFor();
        assertThat(page.locator("#tech-route-title")).containsText("のルート");
        assertThat(page.locator("#tech-queue")).hasText("未送信 3件");
        assertThat(stop(page, first).locator(".tech-chip")).hasText("完了");
        assertThat(stop(page, second).locator(".tech-chip")).hasText("移動中");
        assertThat(stop(page, second).locator(".tech-home")).hasText("お客様のご在宅: 09:00–12:00");
        Browser.screenshot(page, "tech-offline-ja");
        assertThat(visit(first).getString("status")).isEqualTo("EN_ROUTE");

        // Out of the plant room: the three reports reach the server, in the order they happened, and the day is as
        // if the network had never dropped.
        page.context().setOffline(false);
        allSent(page);
        assertThat(visit(first).getString("status")).isEqualTo("DONE");
        assertThat(visit(second).getString("status")).isEqualTo("EN_ROUTE");
        assertThat(stop(page, first).locator(".tech-chip")).hasText("完了");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void shouldCreateAFollowUpWhenAJobCannotBeFinishedAndACallBackWhenNobodyOpens() {
        Day day = publishedDay(2, false);
        Page page = phone("en-US");
        signIn(page, day.technician().login());
        tap(page, "Start the day");
        tap(page, "On the way");
        tap(page, "Arrived");
        tap(page, "Could not finish");
        page.getByLabel("Time needed (minutes)").fill("90");
        page.getByLabel(Pattern.compile("Parts to bring")).fill(day.part() + " ×1");
        page.getByLabel("What is left to do").fill("Needs a new amplifier");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record: could not finish")).click();
        assertThat(page.locator("#tech-notes")).containsText("Follow-up visit created", SOON);
        assertThat(stop(page, day.route().get(0)).locator(".tech-chip")).hasText("Not finished");

        tap(page, "On the way");
        tap(page, "No access");
        page.getByLabel(Pattern.compile("What you found")).fill("Nobody home, card left");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record: no access")).click();
        allSent(page);
        assertThat(page.locator("#tech-next .tech-heading")).hasText("Every visit of the day has ended.");
        Browser.screenshot(page, "tech-day-ended");

        long ticket = visit(day.route().get(0)).getLong("ticketId");
        List<Map<String, Object>> visits = as(DISPATCHER).get("/api/tickets/" + ticket).then().statusCode(200)
                .extract().jsonPath().getList("visits");
        assertThat(visits).hasSize(2);
        assertThat(visit(day.route().get(1)).getString("status")).isEqualTo("INCOMPLETE");
        List<String> callbacks = as("agent").get("/api/callbacks?regionId=" + day.region()
                + "&dueBefore=2031-01-01T00:00:00Z").then().statusCode(200).extract().jsonPath().getList("items.kind");
        assertThat(callbacks).contains("NO_ACCESS");
    }

    @Test
    void shouldShowAReportTheServerRefusesWithItsReasonAndTheChangedRoute() {
        Day day = publishedDay(2, false);
        Page page = phone("en-US");
        signIn(page, day.technician().login());
        tap(page, "Start the day");
        allSent(page);
        long taken = day.route().get(0);
        as(DISPATCHER).body(Map.of("reason", "Customer cancelled")).post("/api/visits/" + taken + "/cancel").then()
                .statusCode(200);

        tap(page, "On the way");
        Locator refused = page.locator("#tech-refused");
        assertThat(refused).containsText("Not accepted", SOON);
        assertThat(refused).containsText("The visit (" + taken + ")");
        assertThat(stop(page, taken).locator(".tech-refusal")).containsText("The visit (" + taken + ")");
        assertThat(page.locator("#tech-route-changed")).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(20_000));
        assertThat(page.locator("#tech-route-changed")).containsText("The dispatcher changed your route.");
        Browser.screenshot(page, "tech-refused");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the new route")).click();
        assertThat(page.locator(".tech-stop")).hasCount(1);
        assertThat(stop(page, day.route().get(1))).isVisible();
        // The technician switches the phone to Japanese: the refusal reads in the app's words for the server's reason.
        page.navigate(base + "language/ja?back=/tech");
        assertThat(refused).containsText("訪問(" + taken + ")は取り消されました。", SOON);
        assertThat(refused).not().containsText("The visit");
        Browser.screenshot(page, "tech-refused-japanese");
        page.navigate(base + "language/en?back=/tech");
        assertThat(refused).containsText("The visit (" + taken + ") was cancelled.", SOON);
        refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Seen")).click();
        assertThat(refused).isHidden();
    }

    /** The events the server keeps for a technician, in the order it applied them: type, device time, phone's id. */
    private static List<List<String>> serverEvents(long technician) {
        return QuarkusTransaction.requiringNew().call(() -> TechnicianEvent.<TechnicianEvent>list(
                "technician.id = ?1 order by id", technician).stream().map(e -> List.of(e.type.name(),
                        e.occurredAt.toString(), e.clientEventId)).toList());
    }

    /** The event ids of each batch the phone posted to /api/me/events, with the server's answer. */
    private record Posted(int status, List<String> eventIds) {
    }

    private static List<Posted> postedBatches(Page page) {
        List<Posted> posted = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().endsWith("/api/me/events")) {
                posted.add(new Posted(r.status(), JsonPath.from(r.request().postData()).getList("events.eventId",
                        String.class)));
            }
        });
        return posted;
    }

    @Test
    void shouldNeitherShowNorSendAColleaguesReportsOnTheSamePhone() {
        Day a = publishedDay(1, false);
        Day b = publishedDay(1, false);
        long visitOfA = a.route().get(0);
        long visitOfB = b.route().get(0);
        Page pageA = phone("en-US");
        List<Posted> fromA = postedBatches(pageA);
        signIn(pageA, a.technician().login());
        tap(pageA, "Start the day");
        tap(pageA, "On the way");
        allSent(pageA);

        // A's phone loses the server at the door, A records the arrival, and A's sign-in runs out.
        pageA.route("**/api/**", Route::abort);
        tap(pageA, "Arrived");
        assertThat(pageA.locator("#tech-queue")).hasAttribute("data-waiting", "1");
        pageA.context().clearCookies();

        // B signs in on the same phone: B's route, nothing of A's shown or waiting.
        Page pageB = pageA.context().newPage();
        signIn(pageB, b.technician().login());
        assertThat(pageB.locator(".tech-stop")).hasCount(1);
        assertThat(stop(pageB, visitOfB)).isVisible();
        assertThat(stop(pageB, visitOfA)).hasCount(0);
        assertThat(pageB.locator("#tech-queue")).hasAttribute("data-waiting", "0");
        assertThat(pageB.locator("#tech-refused")).isHidden();
        assertThat(pageB.locator("#tech-notes")).not().containsText("Arrived");
        tap(pageB, "Start the day");
        allSent(pageB);
        Browser.screenshot(pageB, "tech-colleague");

        // A's page, still open in the other tab, finds the server again under B's sign-in at its next check: the
        // server refuses, the page keeps A's report and says who must sign in, and takes nothing of B's.
        int before = fromA.size();
        pageA.unroute("**/api/**");
        pageA.clock().runFor(30_000);
        Locator someoneElse = pageA.locator("#tech-signed-out");
        assertThat(someoneElse).containsText("Someone else is signed in", SOON);
        assertThat(someoneElse).containsText(a.technician().login());
        assertThat(pageA.locator("#tech-queue")).hasAttribute("data-waiting", "1");
        assertThat(pageA.locator("#tech-refused")).isHidden();
        assertThat(stop(pageA, visitOfA)).isVisible();
        assertThat(stop(pageA, visitOfB)).hasCount(0);
        assertThat(fromA.subList(before, fromA.size())).allMatch(p -> p.status() == 403);
        assertThat(visit(visitOfA).getString("status")).isEqualTo("EN_ROUTE");
        assertThat(serverEvents(b.technician().id())).extracting(e -> e.get(0)).containsExactly("DAY_STARTED");
        Browser.screenshot(pageA, "tech-someone-else");

        // A signs in again from that page: A's arrival is sent, under A's name.
        someoneElse.getByRole(AriaRole.LINK).click();
        signInOnTheForm(pageA, a.technician().login());
        allSent(pageA);
        assertThat(visit(visitOfA).getString("status")).isEqualTo("ON_SITE");
        assertThat(serverEvents(a.technician().id())).extracting(e -> e.get(0)).containsExactly("DAY_STARTED",
                "EN_ROUTE", "ARRIVED");
        assertThat(serverEvents(b.technician().id())).extracting(e -> e.get(0)).containsExactly("DAY_STARTED");
        assertThat(visit(visitOfB).getString("status")).isEqualTo("DISPATCHED");
        pageA.context().close();
    }

    @Test
    void shouldKeepTheQueueWhenTheSignInRunsOutOfflineAndSendItOnceSignedInAgain() {
        Day day = publishedDay(2, false);
        Page page = phone("en-US");
        List<Posted> posted = postedBatches(page);
        signIn(page, day.technician().login());
        long first = day.route().get(0);
        tap(page, "Start the day");
        tap(page, "On the way");
        allSent(page);

        // Offline in the plant room: arrived, and done twenty minutes later; the page's sign-in runs out meanwhile.
        page.context().setOffline(true);
        tap(page, "Arrived");
        // Counted within the tap itself, while it is being stored: the screen never says "all sent" while one waits.
        assertThat(page.locator("#tech-queue").getAttribute("data-waiting")).isEqualTo("1");
        page.clock().runFor(20 * 60_000);
        tap(page, "Done");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record done")).click();
        assertThat(page.locator("#tech-queue")).hasAttribute("data-waiting", "2");
        page.context().clearCookies();

        // The network returns: the app says to sign in again and keeps both reports.
        page.context().setOffline(false);
        Locator signedOut = page.locator("#tech-signed-out");
        assertThat(signedOut).containsText("Your sign-in has run out", SOON);
        assertThat(page.locator("#tech-queue")).hasAttribute("data-waiting", "2");
        assertThat(page.locator("#tech-refused")).isHidden();
        assertThat(stop(page, first).locator(".tech-chip")).hasText("Done");
        assertThat(visit(first).getString("status")).isEqualTo("EN_ROUTE");
        Browser.screenshot(page, "tech-signed-out");

        // Signing in again sends what waited: once, in the order it happened, the times the phone's own.
        signedOut.getByRole(AriaRole.LINK).click();
        signInOnTheForm(page, day.technician().login());
        allSent(page);
        assertThat(signedOut).isHidden();
        assertThat(visit(first).getString("status")).isEqualTo("DONE");
        List<List<String>> applied = serverEvents(day.technician().id());
        assertThat(applied).extracting(e -> e.get(0)).containsExactly("DAY_STARTED", "EN_ROUTE", "ARRIVED",
                "COMPLETED");
        assertThat(applied).extracting(e -> Instant.parse(e.get(1))).isSorted();
        assertThat(Duration.between(Instant.parse(applied.get(2).get(1)), Instant.parse(applied.get(3).get(1))))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(20));
        List<String> waited = List.of(applied.get(2).get(2), applied.get(3).get(2));
        assertThat(posted).filteredOn(p -> p.status() == 200 && p.eventIds().stream().anyMatch(waited::contains))
                .extracting(Posted::eventIds).containsExactly(waited);
        assertThat(posted).filteredOn(p -> p.status() != 200).allMatch(p -> p.status() == 401);
        page.context().close();
    }

    /** Arrived at 9:30, done at 9:50 with a part from the van for the first visit, on the way to the next at 9:55. */
    private static void workTheFirstVisit(Page page, String part) {
        page.clock().setFixedTime(MORNING.plusMinutes(30).toInstant().toEpochMilli());
        tap(page, "Arrived");
        page.clock().setFixedTime(MORNING.plusMinutes(50).toInstant().toEpochMilli());
        tap(page, "Done");
        page.getByLabel(Pattern.compile(part)).fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record done")).click();
        page.clock().setFixedTime(MORNING.plusMinutes(55).toInstant().toEpochMilli());
        tap(page, "On the way");
        assertThat(page.locator("#tech-next").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Arrived").setExact(true))).isVisible();
    }

    /** A day as {@link #serverDay} holds it, without the "window changed" notifications of narrowed windows. */
    @SuppressWarnings("unchecked")
    private static List<Object> withoutNarrowing(List<Object> day) {
        List<Object> kept = new ArrayList<>();
        for (Object item : day) {
            if (item instanceof List<?> visit && visit.size() == 5) {
                List<Object> copy = new ArrayList<>(visit);
                copy.set(3, ((List<String>) visit.get(3)).stream().filter(kind -> !kind.equals("WINDOW_CHANGED"))
                        .toList());
                kept.add(copy);
            } else {
                kept.add(item);
            }
        }
        return kept;
    }

    /** What the server holds of a day, to compare two days: statuses, times, van stock, what customers were told. */
    private static List<Object> serverDay(Day day) {
        List<Object> seen = new ArrayList<>();
        for (long id : day.route()) {
            JsonPath visit = visit(id);
            seen.add(List.of(visit.getString("status"), String.valueOf(visit.getString("actualArrival")),
                    String.valueOf(visit.getString("actualDeparture")), notifications(id).stream().sorted().toList(),
                    as("agent").get("/api/tickets/" + visit.getLong("ticketId") + "/contacts").then().statusCode(200)
                            .extract().jsonPath().getList("", Map.class).stream()
                            .map(c -> c.get("channel") + " " + c.get("kind") + " " + c.get("direction")).sorted()
                            .toList()));
        }
        seen.add(as(DISPATCHER).get("/api/technicians/" + day.technician().id()).then().statusCode(200).extract()
                .jsonPath().getList("vanStock.quantity"));
        return seen;
    }

    @Test
    void shouldEndTheDayAsOnlineWhenTheNetworkDroppedAndAnAnswerWasLostApplyingEachReportOnce() {
        // The same morning twice, on two days alike: once with the network, once without it in the middle.
        Day online = publishedDay(2, false);
        Page first = phone("en-US");
        signIn(first, online.technician().login());
        tap(first, "Start the day");
        tap(first, "On the way");
        allSent(first);
        workTheFirstVisit(first, online.part());
        allSent(first);
        assertThat(first.locator("#tech-van li[data-part='" + online.part() + "'] b")).hasText("2", SOON_TEXT);
        first.context().close();

        Day offline = publishedDay(2, false);
        Page page = phone("en-US");
        List<Posted> posted = postedBatches(page);
        signIn(page, offline.technician().login());
        tap(page, "Start the day");
        tap(page, "On the way");
        allSent(page);
        page.waitForFunction("navigator.serviceWorker && navigator.serviceWorker.controller !== null");
        page.context().setOffline(true);
        workTheFirstVisit(page, offline.part());
        page.reload();
        page.locator("#tech[data-ready=true]").waitFor();
        assertThat(page.locator("#tech-queue")).hasAttribute("data-waiting", "3");
        assertThat(page.locator("#tech-van li[data-part='" + offline.part() + "'] b")).hasText("2");

        // The network returns; the server takes the three reports, and its answer is lost on the way back.
        List<Integer> lost = new CopyOnWriteArrayList<>();
        page.route("**/api/me/events", route -> {
            if (lost.isEmpty()) {
                lost.add(route.fetch().status());
                route.abort();
            } else {
                route.resume();
            }
        });
        page.context().setOffline(false);
        page.waitForCondition(() -> !lost.isEmpty());
        assertThat(lost).containsExactly(200);
        assertThat(page.locator("#tech-queue")).hasAttribute("data-waiting", "3");
        // So the phone sends the same three again when the network comes back once more: received, nothing changed.
        page.context().setOffline(true);
        page.context().setOffline(false);
        allSent(page);
        assertThat(page.locator("#tech-van li[data-part='" + offline.part() + "'] b")).hasText("2", SOON_TEXT);
        List<Posted> answered = posted.stream().filter(p -> p.status() == 200).toList();
        assertThat(answered.get(answered.size() - 1).eventIds()).hasSize(3);

        // Each report applied once, in the order of the phone's times, the visit's times the phone's own.
        List<List<String>> applied = serverEvents(offline.technician().id());
        assertThat(applied).extracting(e -> e.get(0)).containsExactly("DAY_STARTED", "EN_ROUTE", "ARRIVED",
                "COMPLETED", "EN_ROUTE");
        assertThat(applied).extracting(e -> Instant.parse(e.get(1))).isSorted();
        assertThat(applied).extracting(e -> e.get(2)).doesNotHaveDuplicates();
        JsonPath done = visit(offline.route().get(0));
        assertThat(Instant.parse(done.getString("actualArrival"))).isEqualTo(MORNING.plusMinutes(30).toInstant());
        assertThat(Instant.parse(done.getString("actualDeparture"))).isEqualTo(MORNING.plusMinutes(50).toInstant());
        // And the day is the online one's: statuses, times, van stock, what the customers were told, contacts. A
        // narrower window is the one thing that may differ: it answers what the server knew when (the online phone's
        // positions came as they happened, the offline one's reports all at once), not what happened.
        List<Object> offlineDay = withoutNarrowing(serverDay(offline));
        assertThat(offlineDay).isEqualTo(withoutNarrowing(serverDay(online)));
        assertThat(offlineDay.get(0).toString()).contains("DONE", "VISIT_DONE");
        assertThat(offlineDay.get(1).toString()).contains("EN_ROUTE", "TECHNICIAN_ON_THE_WAY");

        // The stored batch posted once more, as any phone might: received, applied to nothing.
        String batch = page.evaluate("""
                async () => {
                  const events = await new Promise((resolve) => {
                    const open = indexedDB.open('tehai-tech');
                    open.onsuccess = () => {
                      const read = open.result.transaction('events').objectStore('events').getAll();
                      read.onsuccess = () => resolve(read.result);
                    };
                  });
                  return JSON.stringify({ events: events.map((e) => ({ eventId: e.eventId, type: e.type,
                    visitId: e.visitId, occurredAt: e.occurredAt, partsUsed: e.partsUsed ?? null })) });
                }""").toString();
        JsonPath again = as(offline.technician().login()).contentType("application/json").body(batch)
                .post("/api/me/events").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("applied")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(5);
        assertThat(serverEvents(offline.technician().id())).isEqualTo(applied);
        assertThat(withoutNarrowing(serverDay(offline))).isEqualTo(offlineDay);
        Browser.screenshot(page, "tech-sent-once");
        page.context().close();
    }

    private static final LocatorAssertions.HasTextOptions SOON_TEXT = new LocatorAssertions.HasTextOptions()
            .setTimeout(20_000);
}
