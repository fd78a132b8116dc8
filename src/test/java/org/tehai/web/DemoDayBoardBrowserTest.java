package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The newcomer's first look: the application on an empty database loads the demo region, and a dispatcher reviews and
 * publishes its busiest day on the board — the day the picker says has the most work, proposed, read row by row and
 * reason by reason, published.
 */
@QuarkusTest
@TestProfile(DemoDayBoardBrowserTest.DemoDatabase.class)
class DemoDayBoardBrowserTest {

    /** A database of its own on the embedded server, empty at start, so the demo data loads as on a first run. */
    public static class DemoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tehai.embedded-db.database", "tehai_demo_board", "tehai.demo.load-when-empty", "true");
        }
    }

    private static final LocatorAssertions.ContainsTextOptions SOLVED = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldReviewAndPublishTheBusiestDemoDay() {
        Page page = Browser.page(URI.create(base.toString()), "en-US");
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        page.navigate(base.toString());
        page.getByLabel("User").fill("dispatcher");
        page.getByLabel("Password").fill("dispatcher");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/dispatch$"));

        // The busiest day ahead: of the days the picker lists after today, the one with the most visits to plan
        // (today's shifts may be over by the time the test runs).
        String region = page.locator("#region").inputValue();
        page.locator("#board[data-days-of='" + region + "']").waitFor();
        String zone = page.locator("#region option:checked").getAttribute("data-zone");
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        List<Map<String, Object>> days = as(DISPATCHER).get("/api/regions/" + region + "/days?from=" + today.plusDays(1)
                + "&to=" + today.plusDays(13)).then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> busiest = days.stream().max(Comparator.comparingInt(d -> (Integer) d.get("open")))
                .orElseThrow();
        String date = (String) busiest.get("date");
        int onShift = (Integer) busiest.get("techniciansOnShift");
        int open = (Integer) busiest.get("open");
        assertThat(page.locator("#day option[value='" + date + "']")).containsText(open + " open");
        page.locator("#day").selectOption(date);
        assertThat(onShift).as("technicians on shift on the demo's busiest day").isGreaterThan(10);
        assertThat(open).as("open visits on the demo's busiest day").isGreaterThan(50);

        page.locator("#limit").fill("6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose")).click();
        assertThat(page.locator("#status")).containsText("Solving", SOLVED);
        assertThat(page.locator("#status")).containsText("elapsed", SOLVED);
        assertThat(page.locator("#status")).not().containsText("Solving", SOLVED);
        assertThat(page.locator("#status")).containsText("assigned");

        // One row per technician on shift; every visit the plan could not place says why.
        assertThat(page.locator(".vis-label")).hasCount(onShift);
        assertThat(page.locator(".vis-item.visit").first()).isVisible();
        Locator reasons = page.locator("#unassigned td.reason");
        for (Locator reason : reasons.all()) {
            assertThat(reason).not().isEmpty();
        }
        Browser.screenshot(page, "dispatch-demo-day");
        // What the screen shows at first, for the README.
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENS.resolve("dispatch-board.png")));

        // Publish with the summary first; then the published plan in force, with the windows told.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        Locator publish = page.locator("#publish-dialog");
        assertThat(publish).containsText(Pattern.compile("\\d+ visits will be dispatched and \\d+ left unassigned; "
                + "\\d+ arrival windows quoted for the first time"));
        page.locator("#publish-confirm").click();
        assertThat(page.locator("#status")).containsText(Pattern.compile("Published version \\d+: \\d+ dispatched"),
                SOLVED);
        assertThat(page.locator("input[name=view][value=published]")).isChecked();
        page.locator(".vis-item.visit").first().click();
        assertThat(page.locator("#visit dt:text('Quoted window') + dd")).containsText(Pattern.compile("\\d\\d:\\d\\d"));
        Browser.screenshot(page, "dispatch-demo-day-published");
        assertThat(scriptErrors).as("errors of the board's script").isEmpty();
        page.context().close();
    }
}
