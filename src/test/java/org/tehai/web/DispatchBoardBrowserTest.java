package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.ADMIN;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A dispatcher's day on the board, in a real browser: sign in, pick the day, propose, watch it solve, read the
 * timeline and the unassigned reasons, move a visit with its score impact shown first, publish, and see the windows;
 * in Japanese after the switch; and a technician turned away.
 */
@QuarkusTest
class DispatchBoardBrowserTest {

    private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(30_000);

    @TestHTTPResource("/")
    URL base;

    /** The language switch keeps the choice for the dispatcher: each journey starts from none. */
    @AfterEach
    void forgetTheLanguageChosen() {
        as(DISPATCHER).body(Map.of()).put("/api/me/preferences").then().statusCode(200);
    }

    private record Day(String regionCode, LocalDate date, List<Long> technicians, List<Long> visits, long unservable) {
    }

    /** Three technicians on shift tomorrow, eight visits they can do, and one that needs a skill nobody has. */
    private static Day tomorrowInANewRegion() {
        long region = TestData.region();
        String code = as(ADMIN).get("/api/regions/" + region).then().statusCode(200).extract().jsonPath()
                .getString("code");
        LocalDate date = LocalDate.now(ZoneId.of(TestData.ZONE)).plusDays(1);
        List<Long> technicians = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = TestData.technician(region).id();
            TestData.shift(id, date);
            technicians.add(id);
        }
        List<Long> visits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            visits.add(TestData.visit(TestData.ticket(region), date));
        }
        Map<String, Object> robot = new java.util.HashMap<>(TestData.visitBody(TestData.ticket(region), date));
        robot.put("requiredSkills", List.of(Map.of("skill", "ROBOTICS", "minLevel", 5)));
        long unservable = as(DISPATCHER).body(robot).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        return new Day(code, date, technicians, visits, unservable);
    }

    private Page signIn(String user, String language) {
        Page page = Browser.page(URI.create(base.toString()), language);
        page.navigate(base + "dispatch");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
        if (language.startsWith("en")) {
            Browser.screenshot(page, "login");
        }
        page.getByLabel(Pattern.compile("User|ユーザー")).fill(user);
        page.getByLabel(Pattern.compile("Password|パスワード")).fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in|サインイン")))
                .click();
        page.waitForLoadState();
        return page;
    }

    @Test
    void shouldReviewMoveAndPublishADayOnTheBoard() {
        Day day = tomorrowInANewRegion();
        Page page = signIn("dispatcher", "en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        assertThat(page).hasURL(Pattern.compile(".*/dispatch$"));
        page.locator("#region").selectOption(day.regionCode());
        page.locator("#board[data-days-of='" + day.regionCode() + "']").waitFor();
        page.locator("#day").selectOption(day.date().toString());
        assertThat(page.locator("#status")).containsText("No plan yet");
        assertThat(page.locator("#day option:checked")).containsText("3 technicians on shift");
        Browser.screenshot(page, "dispatch-empty-day");

        // Every line the status shows while it solves is kept, to see the progress move.
        page.evaluate("() => { window.statusLines = []; new MutationObserver(() => window.statusLines.push("
                + "document.getElementById('status').textContent)).observe(document.getElementById('status'), "
                + "{ childList: true, characterData: true, subtree: true }); }");
        page.locator("#limit").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose")).click();
        assertThat(page.locator("#status")).containsText("Solving", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop"))).isEnabled();
        assertThat(page.locator("#status")).containsText("8 assigned / 1 Unassigned",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#status")).not().containsText("Solving");
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) page.evaluate("() => window.statusLines");
        assertThat(lines.stream().filter(l -> l.contains("Solving") && l.matches(".*elapsed \\d+ s.*")).distinct())
                .as("the progress lines while solving (score, counts, elapsed) in %s", lines)
                .hasSizeGreaterThanOrEqualTo(2);

        // One timeline row per technician on shift, the visits on them, the unservable one listed with its reason.
        assertThat(page.locator(".vis-label")).hasCount(3);
        assertThat(page.locator(".vis-item.visit")).hasCount(8);
        Locator waiting = page.locator("#unassigned tbody tr");
        assertThat(waiting).hasCount(1);
        assertThat(waiting.first()).containsText("ROBOTICS");
        assertThat(page.locator(".vis-item.visit.diff-NEW")).hasCount(0); // nothing published to compare with
        Browser.screenshot(page, "dispatch-proposal");

        // A bar has the keyboard: focused and Enter opens its panel.
        Locator firstBar = page.locator(".vis-item.visit").first();
        assertThat(firstBar).hasAttribute("tabindex", "0");
        firstBar.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#visit")).isVisible(SOON);
        assertThat(page.locator("#visit")).containsText("Status");
        assertThat(page.locator("#visit dt:text('Status') + dd")).containsText("open");
        assertThat(page.locator("#visit .impact-table")).containsText("Travel time");
        page.locator("#visit-close").click();

        // Move a visit to another technician: the score impact is shown before anything changes.
        page.locator(".vis-item.visit").first().click();
        Locator panel = page.locator("#visit");
        assertThat(panel).isVisible(SOON);
        assertThat(panel).containsText("Why here");
        String movedRef = page.locator(".vis-item.visit").first().innerText().strip();
        Locator technician = page.locator("#move-technician");
        String current = technician.inputValue();
        String other = technician.locator("option").all().stream().map(o -> o.getAttribute("value"))
                .filter(v -> !v.equals(current)).findFirst().orElseThrow();
        technician.selectOption(other);
        page.locator("#move-go").click();
        Locator dialog = page.locator("#move-dialog");
        assertThat(dialog).isVisible(SOON);
        assertThat(dialog).containsText("Score change");
        Browser.screenshot(page, "dispatch-move-impact");
        page.locator("#move-apply").click();
        assertThat(dialog).isHidden();
        page.locator(".vis-item.visit", new Page.LocatorOptions().setHasText(movedRef)).click();
        assertThat(panel).containsText("pinned", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

        // Publish: a summary first, then the published plan with the windows told to the customers.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        Locator publish = page.locator("#publish-dialog");
        assertThat(publish).containsText("8 visits will be dispatched and 1 left unassigned; 8 arrival windows "
                + "quoted for the first time and 0 changed; 8 notifications go to customers.");
        Browser.screenshot(page, "dispatch-publish-summary");
        page.locator("#publish-confirm").click();
        assertThat(page.locator("#status")).containsText(Pattern.compile("Published version \\d+: 8 dispatched"),
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator("input[name=view][value=published]")).isChecked();
        assertThat(page.locator(".vis-item.visit")).hasCount(8);
        page.locator(".vis-item.visit").first().click();
        assertThat(panel.locator("dt:text('Quoted window') + dd")).containsText(Pattern.compile("\\d\\d:\\d\\d"));
        Browser.screenshot(page, "dispatch-published");
        assertThat(scriptErrors).as("errors of the board's script").isEmpty();
        page.context().close();
    }

    @Test
    void shouldSwitchTheBoardToJapanese() {
        Day day = tomorrowInANewRegion();
        Page page = signIn("dispatcher", "en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("日本語")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("計画を作る"))).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("配車ボード"))).isVisible();
        page.navigate(base + "dispatch");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("公開"))).isVisible();
        page.locator("#region").selectOption(day.regionCode());
        page.locator("#board[data-days-of='" + day.regionCode() + "']").waitFor();
        page.locator("#day").selectOption(day.date().toString());
        assertThat(page.locator("#day option:checked")).containsText("3 名が勤務");
        assertThat(page.locator("#status")).containsText("この日の計画はまだありません");
        assertThat(page.locator("#unassigned-count")).hasText("(0)");
        Browser.screenshot(page, "dispatch-japanese");

        // Proposed: why a visit sits where it does and why one is left unassigned, in Japanese too.
        page.locator("#limit").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("計画を作る")).click();
        assertThat(page.locator("#status")).containsText("8 割り当て済み / 1 未割り当て",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#status")).not().containsText("計算中");
        assertThat(page.locator("#unassigned tbody tr .reason")).containsText(
                "で勤務する技術者に、スキル ROBOTICS レベル5を持つ人がいません。", new LocatorAssertions
                        .ContainsTextOptions().setTimeout(10_000));
        page.locator(".vis-item.visit").first().click();
        Locator panel = page.locator("#visit");
        assertThat(panel).containsText("この位置の理由", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(panel.locator("ul")).containsText("件目の訪問です。");
        assertThat(panel.locator("ul")).containsText("開始で、お客様の在宅時間");
        assertThat(panel.locator("ul")).not().containsText("drive from");
        Browser.screenshot(page, "dispatch-japanese-reasons");
        assertThat(scriptErrors).as("errors of the board's script").isEmpty();
        page.context().close();
    }

    @Test
    void shouldGreetAJapaneseBrowserInJapanese() {
        Page page = Browser.page(URI.create(base.toString()), "ja-JP");
        page.navigate(base + "login");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("サインイン"))).isVisible();
        Browser.screenshot(page, "login-japanese");
        page.context().close();
    }

    @Test
    void shouldTurnATechnicianAwayFromTheBoardWithAPage() {
        long region = TestData.region();
        String login = TestData.technician(region).login();
        Page page = signIn(login, "en-US");
        assertThat(page).hasURL(Pattern.compile(".*/dispatch$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You may not open this page")))
                .isVisible();
        com.microsoft.playwright.Response response = page.navigate(base + "dispatch");
        assertThat(response.status()).isEqualTo(403);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to my page")).click();
        assertThat(page).hasURL(Pattern.compile(".*/tech$"));
        Browser.screenshot(page, "dispatch-forbidden");
        page.context().close();
    }

    @Test
    void shouldLetAnAdminChooseAPage() {
        Page page = Browser.page(URI.create(base.toString()), "en-US");
        page.navigate(base.toString());
        page.getByLabel("User").fill("admin");
        page.getByLabel("Password").fill("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/choose$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a page"))).isVisible();
        Browser.screenshot(page, "choose");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Dispatcher board")).click();
        assertThat(page).hasURL(Pattern.compile(".*/dispatch$"));
        page.context().close();
    }

    @Test
    void shouldSignOutAndKeepTheApiOnProblemsNotRedirects() {
        Page page = signIn("dispatcher", "en-US");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?signed-out=true$"));
        assertThat(page.locator("[role=status]")).hasText("You are signed out.");
        Browser.screenshot(page, "signed-out");
        page.navigate(base + "dispatch");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
        com.microsoft.playwright.APIResponse api = page.request().get(base + "api/regions");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().get("content-type")).startsWith("application/problem+json");
        page.context().close();
    }

    @Test
    void shouldShowTheScoreImpactOfADragBeforeChangingAnything() {
        Day day = tomorrowInANewRegion();
        Page page = signIn("dispatcher", "en-US");
        page.locator("#region").selectOption(day.regionCode());
        page.locator("#board[data-days-of='" + day.regionCode() + "']").waitFor();
        page.locator("#day").selectOption(day.date().toString());
        page.locator("#limit").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose")).click();
        assertThat(page.locator("#status")).containsText("8 assigned",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#status")).not().containsText("Solving");
        assertThat(page.locator(".vis-item.visit")).hasCount(8);

        // Select a bar not on the last technician's row (the timeline drags a selected bar), then drag it onto that
        // row.
        Locator rows = page.locator(".vis-foreground .vis-group");
        Locator bar = null;
        for (int i = 0; i < rows.count() - 1 && bar == null; i++) {
            bar = rows.nth(i).locator(".vis-item.visit").count() > 0 ? rows.nth(i).locator(".vis-item.visit").first()
                    : null;
        }
        if (bar == null) {
            throw new AssertionError("No visit off the last technician's row to drag onto it");
        }
        String moved = bar.innerText().strip();
        dragOntoLastRow(page, bar);

        Locator dialog = page.locator("#move-dialog");
        assertThat(dialog).isVisible(SOON);
        assertThat(dialog).containsText("Score change");
        assertThat(dialog).containsText(moved);
        Browser.screenshot(page, "dispatch-drag-impact");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
        assertThat(dialog).isHidden();
        // Cancelled: the proposal is as it was, nothing pinned.
        page.locator(".vis-item.visit", new Page.LocatorOptions().setHasText(moved)).click();
        assertThat(page.locator("#visit")).isVisible(SOON);
        assertThat(page.locator("#visit h2")).not().containsText("pinned");

        // Published, then proposed again: the board compares the new proposal with the plan in force.
        String path = "/api/regions/" + day.regionCode() + "/days/" + day.date();
        as(DISPATCHER).post(path + "/proposals/current/publish").then().statusCode(200);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 1)).post(path + "/proposals").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "DONE".equals(
                as(DISPATCHER).get(path + "/proposals/current").then().extract().jsonPath().getString("status")));
        page.navigate(base + "dispatch?region=" + day.regionCode() + "&day=" + day.date());
        assertThat(page.locator("input[name=view][value=proposal]")).isChecked();
        assertThat(page.locator(".vis-item.visit")).hasCount(8);
        assertThat(page.locator(".vis-item.visit.diff-NEW")).hasCount(0);

        // The same drag again, applied this time: the visit moves to that row, pinned there and marked as moved to
        // another technician against the published plan.
        dragOntoLastRow(page, page.locator(".vis-item.visit", new Page.LocatorOptions().setHasText(moved)));
        assertThat(dialog).isVisible(SOON);
        page.locator("#move-apply").click();
        assertThat(dialog).isHidden();
        Locator lastRow = page.locator(".vis-foreground .vis-group").last();
        assertThat(lastRow.locator(".vis-item.visit.pinned.diff-MOVED", new Locator.LocatorOptions()
                .setHasText(moved))).isVisible(SOON);
        assertThat(page.locator(".legend")).containsText("other technician");
        Browser.screenshot(page, "dispatch-drag-applied");
        page.context().close();
    }

    private static void dragOntoLastRow(Page page, Locator bar) {
        bar.click();
        assertThat(page.locator("#visit")).isVisible(SOON);
        var from = bar.boundingBox();
        var row = page.locator(".vis-foreground .vis-group").last().boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, new com.microsoft.playwright
                .Mouse.MoveOptions().setSteps(3));
        page.mouse().move(from.x + from.width / 2 + 20, row.y + row.height / 2, new com.microsoft.playwright.Mouse
                .MoveOptions().setSteps(10));
        page.mouse().up();
    }

    @Test
    void shouldFlagAVisitAtRiskWhileTheBoardIsOpenAndRunLiveRePlanning() {
        // One technician, three visits, proposed and published for a day of the region.
        long region = TestData.region();
        String code = as(ADMIN).get("/api/regions/" + region).then().extract().jsonPath().getString("code");
        LocalDate date = LocalDate.of(2030, 3, 6);
        TestData.Technician technician = TestData.technician(region);
        TestData.shift(technician.id(), date);
        for (int i = 0; i < 3; i++) {
            TestData.visit(TestData.ticket(region), date);
        }
        String day = "/api/regions/" + region + "/days/" + date;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1)).post(day + "/proposals")
                .then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "DONE".equals(
                as(DISPATCHER).get(day + "/proposals/current").then().extract().jsonPath().getString("status")));
        as(DISPATCHER).post(day + "/proposals/current/publish").then().statusCode(200);
        List<Long> order = as(technician.login()).get("/api/me/route?date=" + date).then().extract().jsonPath()
                .getList("visits.visitId", Long.class);

        Page page = signIn("dispatcher", "en-US");
        page.navigate(base + "dispatch?region=" + code + "&day=" + date);
        assertThat(page.locator(".vis-item.visit")).hasCount(3);
        assertThat(page.locator("input[name=view][value=published]")).isChecked(); // the plan in force first
        assertThat(page.locator(".vis-item.at-risk")).hasCount(0);

        // The first job starts hours late: the board flags the rest without being reloaded.
        as(technician.login()).body(Map.of("events", List.of(
                report("late-1", "EN_ROUTE", order.get(0), date + "T13:30:00+09:00"),
                report("late-2", "ARRIVED", order.get(0), date + "T14:00:00+09:00")))).post("/api/me/events").then()
                .statusCode(200);
        assertThat(page.locator(".vis-item.at-risk").first()).isVisible(SOON);
        Browser.screenshot(page, "dispatch-at-risk");

        // The technician says the job takes another 50 minutes: the visit's panel shows when it should end.
        Map<String, Object> runningLong = new java.util.HashMap<>(report("late-3", "RUNNING_LONG", order.get(0),
                date + "T14:10:00+09:00"));
        runningLong.put("minutesLeft", 50);
        as(technician.login()).body(Map.of("events", List.of(runningLong))).post("/api/me/events").then()
                .statusCode(200).body("applied", org.hamcrest.Matchers.equalTo(1));
        page.locator(".vis-item.visit.fixed").click(); // the one on site
        assertThat(page.locator("#visit")).containsText("Technician says done about",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator("#visit .expected-done")).hasText("15:00");
        Browser.screenshot(page, "dispatch-expected-done");

        // Live re-planning: on, said in the status line, and off again.
        page.locator("#live").check();
        assertThat(page.locator("#status")).containsText("Live re-planning",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        page.locator("#live").uncheck();
        assertThat(page.locator("#status")).not().containsText("Live re-planning",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator("#live")).not().isChecked();
        page.context().close();
    }

    private static Map<String, Object> report(String id, String type, long visit, String at) {
        return Map.of("eventId", id, "type", type, "visitId", visit, "occurredAt", at, "latitude", 35.70,
                "longitude", 139.65);
    }
}
