package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * The agent's calls at the desk, in a real browser: the second neighbour on a shared booster, a caller found by a
 * number typed in full-width digits, a report taken with only name and phone and its address added later, "where is
 * the technician?" with a re-quote, a time offered and booked, a call-back booked and done, and a complaint that
 * closes only with its cause and lesson (in Japanese).
 */
@QuarkusTest
class DeskBrowserTest {

    /** Labels are matched whole: a region named "… City" must not answer to the "City" field. */
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(20_000);

    /** A working day far enough ahead that nothing else plans it. */
    private static final LocalDate DAY = LocalDate.of(2030, 4, 9);

    @TestHTTPResource("/")
    URL base;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Page signIn(String language) {
        Page page = Browser.page(URI.create(base.toString()), language);
        page.navigate(base + "desk");
        page.getByLabel(Pattern.compile("User|ユーザー")).fill("agent");
        page.getByLabel(Pattern.compile("Password|パスワード")).fill("agent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in|サインイン")))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/desk$"));
        page.locator("#desk[data-ready=true]").waitFor();
        return page;
    }

    private static Locator work(Page page) {
        return page.locator("#work");
    }

    private static void find(Page page, String query) {
        page.locator("#q").fill(query);
        page.locator("#results [role=option]").first().waitFor();
    }

    @Test
    void shouldShowTheSecondNeighbourTheFirstCallTheSharedBoosterAndItsOneVisit() {
        long region = TestData.region();
        String building = Api.unique("Koenji Heights");
        long plantRoom = TestData.site(null, region, building, null, 35.7051, 139.6499);
        String serial = Api.unique("BST");
        long booster = TestData.asset(plantRoom, null, "Maspro BH-35 booster", serial);
        String name301 = Api.unique("Tanaka Yui");
        long customer301 = TestData.customer(name301, TestData.tokyoPhone());
        long flat301 = TestData.site(customer301, region, building, "301", 35.7051, 139.6499);
        long outlet301 = TestData.asset(flat301, booster, "TV wall outlet", null);
        String name302 = Api.unique("Suzuki Ren");
        long customer302 = TestData.customer(name302, TestData.tokyoPhone());
        long flat302 = TestData.site(customer302, region, building, "302", 35.7051, 139.6499);
        TestData.asset(flat302, booster, "TV wall outlet", null);
        String first = as(AGENT).body(Map.of("customerId", customer301, "siteId", flat301, "assetId", outlet301,
                "troubleCode", "TV/NO_SIGNAL", "impact", "NO_SERVICE", "description", "No picture on any channel"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getString("number");
        clock.advance(Duration.ofMinutes(40));

        Page page = signIn("en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        find(page, name302);
        page.keyboard().press("Enter");
        assertThat(page.locator("#card-title")).containsText(name302);
        // No open ticket: the intake is ready, with the flat's only address and outlet chosen.
        assertThat(page.locator("#work-title")).hasText("New ticket");
        assertThat(page.locator("#in-site option:checked")).containsText("302");
        assertThat(page.locator("#in-asset option:checked")).containsText("TV wall outlet");
        page.locator("#in-category").selectOption("TV");
        page.locator("#in-code").selectOption("TV/NO_SIGNAL");
        page.locator("#in-impact").selectOption("NO_SERVICE");
        page.getByLabel("What the caller says", EXACT).fill("TV dead since this morning");
        assertThat(page.locator("#in-suggested")).containsText("P2");
        assertThat(page.locator("#in-reason-wrap")).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();

        assertThat(work(page).locator(".desk-ok")).containsText("Ticket opened", SOON);
        // The first neighbour's call, linked through the shared booster.
        Locator related = work(page).locator(".desk-related li", new Locator.LocatorOptions().setHasText(first));
        assertThat(related).containsText("shared equipment");
        assertThat(related).containsText(serial);
        // The incident banner to read out, and its one visit to the booster.
        Locator incident = work(page).locator(".desk-incident");
        assertThat(incident).containsText("Read out to the caller");
        assertThat(incident.locator(".desk-banner-text")).containsText("Maspro BH-35 booster");
        assertThat(incident).containsText("Shared equipment");
        assertThat(page.locator("#incident-visit")).containsText("One visit to the shared equipment for every caller: not planned");
        // The caller card shows the same banner now.
        assertThat(page.locator("#card-banners .desk-banner-text")).containsText("Maspro BH-35 booster", SOON);
        JsonPath incidents = as(AGENT).get("/api/incidents?open=true&regionId=" + region).then().statusCode(200)
                .extract().jsonPath();
        assertThat(incidents.getList("items[0].visits")).hasSize(1);
        assertThat(incidents.getLong("items[0].asset.id")).isEqualTo(booster);
        Browser.screenshot(page, "desk-two-neighbours");
        assertThat(scriptErrors).as("errors of the desk's script").isEmpty();
        page.context().close();
    }

    @Test
    void shouldFindACallerByAFullWidthNumberAndTakeAReportWithOnlyNameAndPhone() {
        long region = TestData.region();
        String known = Api.unique("Yamada Taro");
        TestData.customer(known, "03-1234-5678");
        Page page = signIn("en-US");
        page.locator("#region").selectOption(String.valueOf(region));
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);

        // Typed with a Japanese IME: full-width digits and the long-vowel mark for the dash.
        find(page, "０３ー１２３４ー５６７８");
        Locator result = page.locator("#results [role=option]", new Page.LocatorOptions().setHasText(known));
        assertThat(result).containsText("phone");
        assertThat(page.locator("#desk-status")).containsText("found");
        result.click();
        assertThat(page.locator("#card-title")).containsText(known);
        assertThat(page.locator("#card")).containsText("03-1234-5678");
        Browser.screenshot(page, "desk-caller-found");

        // A new caller: name and phone, nothing else known.
        String name = Api.unique("Ito Aoi");
        String phone = TestData.tokyoPhone();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New caller").setExact(true)).click();
        page.getByLabel("Caller's name", EXACT).fill(name);
        page.getByLabel("Phone number", EXACT).fill(phone);
        page.locator("#in-category").selectOption("INTERNET");
        page.locator("#in-code").selectOption("INTERNET/NO_SYNC");
        assertThat(page.locator("#in-suggested")).containsText("P2");
        // Another priority than the suggested one asks for a reason, and is refused without it.
        page.locator("#in-priority").selectOption("P1");
        assertThat(page.getByLabel("Why another priority", EXACT)).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();
        assertThat(page.locator("#in-error")).containsText("Say why the priority differs");
        assertThat(page.getByLabel("Why another priority", EXACT)).hasAttribute("aria-invalid", "true");
        page.getByLabel("Why another priority", EXACT).fill("Home office, customer works from home today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the ticket")).click();
        assertThat(work(page).locator(".desk-ok")).containsText("Ticket opened", SOON);
        assertThat(page.locator("#work-title .prio")).hasText("P1");
        assertThat(page.locator("#ticket-address")).containsText("No address yet");
        assertThat(page.locator("#card-title")).containsText(name, SOON);

        // The address, found out later in the call.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the address")).first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the address")).click();
        assertThat(page.locator("#st-error")).containsText("Enter the street address");
        page.getByLabel("Postal code", EXACT).fill("166-0003");
        page.getByLabel("City", EXACT).fill("Suginami-ku");
        page.getByLabel("Street and number", EXACT).fill("3-22-1 Koenji-minami");
        page.getByLabel("Building", EXACT).fill("Koenji Mansion");
        page.getByLabel("Flat", EXACT).fill("205");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the address")).click();
        page.locator("#action .desk-ok, #st-error:not(:empty)").first().waitFor();
        assertThat(page.locator("#action")).containsText("Address saved");
        assertThat(page.locator("#ticket-address")).containsText("3-22-1 Koenji-minami");
        JsonPath site = as(AGENT).get("/api/sites?customerId=" + as(AGENT).get("/api/callers?q=" + phone).then()
                .extract().jsonPath().getLong("[0].customer.id")).then().extract().jsonPath();
        assertThat(site.getLong("items[0].regionId")).isEqualTo(region);
        assertThat(page.locator("#card")).containsText("Koenji Mansion", SOON);
        Browser.screenshot(page, "desk-intake-address-later");
        assertThat(scriptErrors).as("errors of the desk's script").isEmpty();
        page.context().close();
    }

    @Test
    void shouldSayWhereTheTechnicianIsRequoteAndBookAnOfferedTime() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        TestData.shift(technician.id(), DAY);
        long onTheWay = TestData.ticket(region);
        TestData.visit(onTheWay, DAY);
        TestData.visit(TestData.ticket(region), DAY);
        TestData.proposeAndPublish(region, DAY);
        long visit = as(AGENT).get("/api/visits?ticketId=" + onTheWay).then().extract().jsonPath()
                .getLong("items[0].id");
        Map<String, Object> enRoute = new HashMap<>(Map.of("eventId", Api.unique("ev"), "type", "EN_ROUTE",
                "visitId", visit, "occurredAt", DAY + "T08:40:00+09:00", "latitude", 35.70, "longitude", 139.65));
        as(technician.login()).body(Map.of("events", List.of(enRoute))).post("/api/me/events").then().statusCode(200);
        String onTheWayNumber = as(AGENT).get("/api/tickets/" + onTheWay).then().extract().jsonPath()
                .getString("number");
        // A caller whose visit is not planned yet, free on the same afternoon.
        long waiting = TestData.ticket(region);
        Map<String, Object> body = new HashMap<>(TestData.visitBody(waiting, DAY));
        body.put("availability", List.of(TestData.window(DAY, 13, 17)));
        as(DISPATCHER).body(body).post("/api/visits").then().statusCode(201);
        String waitingNumber = as(AGENT).get("/api/tickets/" + waiting).then().extract().jsonPath().getString("number");

        Page page = signIn("en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        find(page, onTheWayNumber);
        page.keyboard().press("Enter");
        assertThat(page.locator("#work-title")).containsText(onTheWayNumber, SOON);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Where is the technician?")).click();
        Locator say = page.locator("#say");
        assertThat(say).containsText("Say to the caller", SOON);
        assertThat(say).containsText("Kenji is on the way to you; we told you");
        assertThat(page.locator("#arrival")).containsText("on the way");
        assertThat(page.locator("#arrival dt:text('Window told') + dd")).containsText(Pattern.compile("\\d\\d:\\d\\d–\\d\\d:\\d\\d"));
        assertThat(page.locator("#quote-history tbody tr")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
        Browser.screenshot(page, "desk-where-is-the-technician");

        // A new window, with the reason kept in the history.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give a new window")).click();
        assertThat(page.locator("#rq-error")).containsText("Say why the window changes");
        page.getByLabel("Reason for the new window", EXACT).fill("customer asked for a later call before arrival");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give a new window")).click();
        assertThat(page.locator("#requoted")).containsText("The new time is", SOON);
        assertThat(page.locator("#quote-history tbody tr")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
        assertThat(page.locator("#quote-history")).containsText("customer asked for a later call before arrival");

        // When can someone come? The offered times, and one click books one.
        find(page, waitingNumber);
        page.keyboard().press("Enter");
        assertThat(page.locator("#work-title")).containsText(waitingNumber, SOON);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("When can someone come?")).click();
        Locator offered = page.locator("#slots li");
        offered.first().waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertThat(offered.first()).containsText("Kenji");
        String window = offered.first().locator(".desk-slot-when").innerText();
        Browser.screenshot(page, "desk-slot-offers");
        offered.first().getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#booked")).containsText("A technician will come " + window, SOON);
        JsonPath booked = as(AGENT).get("/api/visits?ticketId=" + waiting).then().extract().jsonPath();
        assertThat(booked.getString("items[0].quotedWindow.startsAt")).startsWith(DAY.toString());
        assertThat(scriptErrors).as("errors of the desk's script").isEmpty();
        page.context().close();
    }

    @Test
    void shouldBookACallBackCloseItAndRefuseAComplaintWithoutItsCauseInJapanese() {
        long region = TestData.region();
        String name = Api.unique("Kobayashi Mei");
        long customer = TestData.customer(name, TestData.tokyoPhone());
        String building = Api.unique("Nakano Tower");
        long site = TestData.site(customer, region, building, "502", 35.6940, 139.7036);
        JsonPath opened = as(AGENT).body(Map.of("customerId", customer, "siteId", site, "troubleCode",
                "COMPLAINT/LATE_TECHNICIAN", "description", "Waited all day, nobody came"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
        String number = opened.getString("number");
        long ticket = opened.getLong("id");
        // "Where is the technician?" asked by another client: Tehai writes the contact's note itself.
        as(AGENT).get("/api/tickets/" + ticket + "/arrival").then().statusCode(200);

        Page page = signIn("ja-JP");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        page.locator("#region").selectOption(String.valueOf(region));
        find(page, name);
        page.keyboard().press("Enter");
        assertThat(page.locator("#work-title")).containsText(number, SOON);
        assertThat(page.locator("#work-title")).containsText("苦情");

        // A call-back instead of "please call again".
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("折り返しを予約")).last().click();
        page.getByLabel("用件", new Page.GetByLabelOptions().setExact(true)).fill("技術者の到着時間を確認して連絡");
        // A time already past: the server's refusal reads in Japanese, not in the server's English.
        String inAnHour = page.locator("#cb-due").inputValue();
        page.locator("#cb-due").fill("2020-01-06T10:00");
        page.locator("#callback button[type=submit]").click();
        assertThat(page.locator("#cb-error")).containsText("折り返し日時を確認してください。 — 折り返し日時が過去になっています。", SOON);
        assertThat(page.locator("#cb-error")).not().containsText("in the past");
        page.locator("#cb-due").fill(inAnHour);
        page.locator("#callback button[type=submit]").click();
        assertThat(page.locator("#callback-booked")).containsText("折り返しお電話します", SOON);
        Locator due = page.locator("#callbacks li", new Page.LocatorOptions().setHasText(name));
        assertThat(due).containsText("お客様の依頼", SOON);
        Browser.screenshot(page, "desk-callback-japanese");
        due.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完了")).click();
        assertThat(due.locator(".error")).containsText("お話しした内容");
        due.getByLabel("お話しした内容").fill("14時に再訪問で合意");
        due.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完了")).click();
        assertThat(page.locator("#desk-status")).containsText("折り返しを完了しました", SOON);
        assertThat(page.locator("#callbacks li", new Page.LocatorOptions().setHasText(name))).hasCount(0);
        // The notes Tehai wrote on the caller's last contacts read in Japanese, the time in local time; the API keeps
        // the English note and gives the Japanese beside it.
        find(page, number);
        page.keyboard().press("Enter");
        assertThat(page.locator("#work-title")).containsText(number, SOON);
        Locator contacts = page.locator("#card .desk-contacts");
        assertThat(contacts).containsText("技術者の到着のお問い合わせ。お伝えした内容: ", SOON);
        assertThat(contacts).containsText(Pattern.compile("\\d\\d:\\d\\dに折り返しの電話を予約: 技術者の到着時間を確認して連絡"));
        assertThat(contacts).not().containsText("Told:");
        assertThat(contacts).not().containsText("Call-back booked");
        // The address says its flat the Japanese way.
        assertThat(page.locator("#card .desk-facts")).containsText(building + " 502号室");
        assertThat(page.locator("#card .desk-facts")).not().containsText(", flat ");
        Browser.screenshot(page, "desk-contact-notes-japanese");
        JsonPath notes = as(AGENT).get("/api/tickets/" + ticket + "/contacts").then().extract().jsonPath();
        assertThat(notes.getList("notes", String.class)).anyMatch(n -> n.startsWith("Call-back booked for "))
                .anyMatch(n -> n.startsWith("Where is the technician? Told: "));
        assertThat(notes.getList("notesJapanese", String.class)).anyMatch(n -> n.contains("に折り返しの電話を予約"));

        // A complaint does not close without its cause and what prevents it.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("苦情を完了")).click();
        page.locator("#close button[type=submit]").click();
        assertThat(page.locator("#cl-error")).containsText("苦情は完了していません", SOON);
        assertThat(page.locator("#cl-category-error")).containsText("原因の分類を選んでください");
        assertThat(page.locator("#cl-prevention-error")).containsText("再発防止策を書いてください");
        assertThat(page.locator("#cl-prevention")).hasAttribute("aria-invalid", "true");
        Browser.screenshot(page, "desk-complaint-refused-japanese");
        page.locator("#cl-category").selectOption("LATE_ARRIVAL");
        page.locator("#cl-cause").fill("前の作業が長引き、遅れの連絡もしなかった");
        page.getByLabel("再発防止策", EXACT).fill("30 分以上の遅れは必ず事前に電話する");
        page.getByLabel("お客様へのご説明", EXACT).fill("お詫びし、次回は時間帯の最初に伺う");
        page.locator("#close button[type=submit]").click();
        assertThat(page.locator("#action .desk-ok")).containsText("苦情を完了しました", SOON);
        assertThat(page.locator("#work-title")).containsText("解決");
        assertThat(as(AGENT).get("/api/tickets?customerId=" + customer).then().extract().jsonPath()
                .getString("items[0].closing.causeCategory")).isEqualTo("LATE_ARRIVAL");
        assertThat(scriptErrors).as("errors of the desk's script").isEmpty();
        page.context().close();
    }
}
