package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The incident board in a browser: a manager sees a shared-equipment incident with its equipment and visit, declares
 * an outage as a circle on the map, and a caller inside it (new at the desk) gets the outage's banner; the changed
 * status text reaches the agent's card while it stays open; resolved with its cause, the banner leaves that card by
 * itself. Agents look at the board without its forms (in Japanese); bad input is told on the page.
 */
@QuarkusTest
class IncidentBoardBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    @TestHTTPResource("/")
    URL base;

    private Page signIn(String user, String language, String path) {
        Page page = Browser.page(URI.create(base.toString()), language);
        page.navigate(base + path);
        page.getByLabel(Pattern.compile("User|ユーザー")).fill(user);
        page.getByLabel(Pattern.compile("Password|パスワード")).fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in|サインイン")))
                .click();
        return page;
    }

    private Page board(String user, String language, long region) {
        Page page = signIn(user, language, "incidents");
        page.locator("#incidents[data-ready=true]").waitFor();
        page.locator("#region").selectOption(String.valueOf(region));
        return page;
    }

    /** The desk's caller card for the caller named {@code name}, searched again from the start. */
    private static Locator callerBanners(Page desk, String name) {
        desk.locator("#q").fill("");
        desk.locator("#q").fill(name);
        desk.locator("#results [role=option]").first().waitFor();
        desk.keyboard().press("Enter");
        assertThat(desk.locator("#card-title")).containsText(name);
        return desk.locator("#card-banners");
    }

    @Test
    void shouldAnswerABadBannerOrResolvedListRequestWithAProblemNamingTheField() {
        Api.assertProblem(as(AGENT).get("/api/incidents?resolvedAfter=yesterday").then(), 400, "resolvedAfter");
        Api.assertProblem(as(AGENT).get("/api/incidents?open=true&resolvedAfter=2026-11-23T00:00:00Z").then(), 400,
                "resolvedAfter");
        as(AGENT).queryParam("resolvedAfter", "2026-11-23T00:00:00+09:00").get("/api/incidents").then()
                .statusCode(200);
        Api.assertProblem(as(AGENT).accept("text/html").get("/desk/banners?customer=abc").then(), 400, "customer");
        Api.assertProblem(as(AGENT).accept("text/html").get("/desk/banners").then(), 400, "customer");
        as(AGENT).accept("text/html").get("/desk/banners?customer=999999999").then().statusCode(404);
        long customer = TestData.customer(Api.unique("Mori Aoi"), TestData.tokyoPhone());
        as(AGENT).accept("text/html").get("/desk/banners?customer=" + customer).then().statusCode(200)
                .header("Cache-Control", "no-store").body(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("desk-banner")));
    }

    @Test
    void shouldDeclareAnOutageOnTheMapShowItsBannerAtTheDeskAndTakeItAwayWhenResolved() {
        long region = TestData.region();
        // A suspected incident elsewhere in the region: two flats on one booster called.
        String building = Api.unique("Nakano Court");
        long plantRoom = TestData.site(null, region, building, null, 35.6000, 139.6000);
        String serial = Api.unique("BST");
        long booster = TestData.asset(plantRoom, null, "Maspro BH-35 booster", serial);
        for (String unit : List.of("101", "102")) {
            long customer = TestData.customer(Api.unique("Flat " + unit), TestData.tokyoPhone());
            long flat = TestData.site(customer, region, building, unit, 35.6000, 139.6000);
            long outlet = TestData.asset(flat, booster, "TV wall outlet", null);
            as(AGENT).body(Map.of("customerId", customer, "siteId", flat, "assetId", outlet, "troubleCode",
                    "TV/NO_SIGNAL", "impact", "NO_SERVICE", "description", "No picture")).post("/api/tickets").then()
                    .statusCode(201);
        }

        Page manager = board("manager", "en-US", region);
        List<String> scriptErrors = new ArrayList<>();
        manager.onPageError(scriptErrors::add);
        Locator shared = manager.locator(".incidents-item[data-kind=SHARED_EQUIPMENT]");
        assertThat(shared).containsText("Maspro BH-35 booster (" + serial + ")", SOON);
        assertThat(shared).containsText("2 linked tickets");
        assertThat(shared).containsText("Visit: #");
        assertThat(manager.locator("#map path.incident-spot")).hasCount(1);
        shared.getByRole(AriaRole.BUTTON).click();
        assertThat(manager.locator("#incident-detail tbody tr")).hasCount(2);

        // Bad input is told on the page: no area and no building.
        String title = Api.unique("Fibre cut Ekoda");
        manager.getByLabel("Category").selectOption("TV");
        manager.locator("#out-title").fill(title);
        manager.locator("#out-text").fill("A cable was cut near Ekoda station; TV back by 18:00.");
        manager.locator("#declare button[type=submit]").click();
        assertThat(manager.locator("#declare-status")).hasText("Set a centre and a radius, or pick at least one building.");

        // A click on the map sets the centre; the numbers can be typed as well; the radius sets the size.
        manager.locator("#map").click();
        assertThat(manager.locator("#out-lat")).not().hasValue("");
        assertThat(manager.locator("path.incident-draft")).hasCount(1);
        manager.getByLabel("Latitude").fill("35.7200");
        manager.getByLabel("Longitude").fill("139.8000");
        manager.getByLabel("Radius (m)").fill("400");
        manager.locator("#declare button[type=submit]").click();
        assertThat(manager.locator("#declare-status")).containsText("Outage declared: 0 open tickets linked", SOON);
        Locator outage = manager.locator(".incidents-item[data-kind=AREA_OUTAGE]", new Page.LocatorOptions()
                .setHasText(title));
        assertThat(outage).containsText("Circle of 400 m around 35.72000, 139.80000");
        assertThat(manager.locator("#map path.incident-area")).hasCount(1);
        assertThat(manager.locator("#map path.incident-spot")).hasCount(1);
        Browser.screenshot(manager, "incidents-en");

        // A new caller inside the circle: the desk reads the outage's text out.
        String caller = Api.unique("Ito Haruka");
        long customer = TestData.customer(caller, TestData.tokyoPhone());
        TestData.site(customer, region, null, null, 35.7210, 139.8010);
        Page agent = signIn("agent", "ja-JP", "incidents");
        agent.locator("#incidents[data-ready=true]").waitFor();
        agent.locator("#region").selectOption(String.valueOf(region));
        assertThat(agent.locator(".incidents-item[data-kind=AREA_OUTAGE]")).containsText(title, SOON);
        assertThat(agent.locator(".incidents-item[data-kind=AREA_OUTAGE]")).containsText("地域障害");
        // What Tehai wrote itself about the suspected incident reads in Japanese; what the manager typed as typed.
        assertThat(agent.locator(".incidents-item[data-kind=SHARED_EQUIPMENT]"))
                .containsText("共用のMaspro BH-35 booster");
        assertThat(agent.locator(".incidents-item[data-kind=SHARED_EQUIPMENT]")).containsText("の故障の疑い");
        assertThat(agent.locator("#declare")).hasCount(0);
        assertThat(agent.locator("header nav a[aria-current=page]")).hasText("インシデント");
        assertThat(agent.locator("#incidents-status")).hasText("");
        Browser.screenshot(agent, "incidents-ja");
        agent.navigate(base + "desk");
        agent.locator("#desk[data-ready=true]").waitFor();
        Locator banners = callerBanners(agent, caller);
        assertThat(banners).containsText("A cable was cut near Ekoda station", SOON);
        assertThat(banners.locator(".desk-banner-meta")).containsText("地域障害 · INC-");
        Browser.screenshot(agent, "desk-outage-banner-ja");

        // The manager changes the status text: the banner says the new one.
        outage.getByRole(AriaRole.BUTTON).click();
        assertThat(manager.locator("#incident-detail h3")).containsText(title);
        manager.locator("#edit-text").fill("Repair crew on site; TV back by 20:00.");
        manager.locator("#edit button[type=submit]").click();
        assertThat(manager.locator("#edit-status")).containsText("Saved: the agents' banners now read the new text.", SOON);
        assertThat(outage).containsText("Repair crew on site; TV back by 20:00.");
        // The agent's card, open all along, reads the new text by itself: no new search, no reload.
        assertThat(banners).containsText("Repair crew on site; TV back by 20:00.", SOON);
        assertThat(banners.locator(".desk-banner")).hasCount(1);
        assertThat(agent.locator("#card-title")).containsText(caller);

        // Resolving needs the cause; then the outage leaves the board and the banner leaves the desk.
        manager.locator("#resolve button[type=submit]").click();
        assertThat(manager.locator("#resolve-status")).hasText("Enter the cause before resolving.");
        manager.getByLabel("Cause").fill("Cable spliced by the carrier");
        manager.locator("#resolve button[type=submit]").click();
        assertThat(manager.locator("#resolved-note")).isVisible();
        assertThat(manager.locator(".incidents-item", new Page.LocatorOptions().setHasText(title))).hasCount(0);
        assertThat(manager.locator("#map path.incident-area")).hasCount(0);
        // The same open card loses the banner by itself.
        assertThat(banners.locator(".desk-banner")).hasCount(0, new LocatorAssertions.HasCountOptions()
                .setTimeout(15_000));
        assertThat(agent.locator("#card-title")).containsText(caller);

        // The resolved ones of the last days, with their cause and when: the outage is there, the open one is not.
        manager.getByLabel("Resolved in the last 7 days").check();
        assertThat(manager.locator("#list-title")).hasText("Resolved in the last 7 days");
        Locator resolved = manager.locator(".incidents-item", new Page.LocatorOptions().setHasText(title));
        assertThat(resolved).containsText("Cause: Cable spliced by the carrier", SOON);
        assertThat(resolved.locator(".incidents-resolution")).containsText(Pattern.compile(
                "Resolved \\d{1,2}/\\d{1,2}/\\d\\d, \\d{1,2}:\\d\\d"));
        assertThat(manager.locator(".incidents-item[data-kind=SHARED_EQUIPMENT]")).hasCount(0);
        resolved.getByRole(AriaRole.BUTTON).click();
        assertThat(manager.locator("#detail-resolution")).containsText("Cause: Cable spliced by the carrier");
        assertThat(manager.locator("#edit")).hasCount(0);
        assertThat(manager.locator("#map path.incident-area")).hasCount(1);
        Browser.screenshot(manager, "incidents-resolved-en");
        manager.getByLabel("Open", new Page.GetByLabelOptions().setExact(true)).check();
        assertThat(shared).containsText("2 linked tickets", SOON);
        assertThat(manager.locator(".incidents-item", new Page.LocatorOptions().setHasText(title))).hasCount(0);
        assertThat(scriptErrors).isEmpty();
        manager.context().close();
        agent.context().close();
    }
}
