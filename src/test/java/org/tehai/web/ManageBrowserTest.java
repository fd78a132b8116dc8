package org.tehai.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.MANAGER;
import static org.tehai.support.Api.as;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The manager's page in a browser: the tiles show the figures {@code /api/kpis} computes for the same region and
 * period, each with its definition, the charts are drawn, and the outbox counts are the API's; in Japanese too.
 */
@QuarkusTest
class ManageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private Page signIn(String language, String path) {
        Page page = Browser.page(URI.create(base.toString()), language);
        page.navigate(base + path);
        page.getByLabel(Pattern.compile("User|ユーザー")).fill("manager");
        page.getByLabel(Pattern.compile("Password|パスワード")).fill("manager");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Sign in|サインイン")))
                .click();
        page.locator("#manage[data-ready=true]").waitFor();
        return page;
    }

    @Test
    void shouldShowTheFiguresTheApiComputesForTheSamePeriod() {
        long region = TestData.region();
        String code = as(AGENT).get("/api/regions/" + region).then().extract().jsonPath().getString("code");
        long ticket = TestData.ticket(region);
        // The caller asks where the technician is: an arrival inquiry, and a repeat of the report's contact.
        as(AGENT).body(Map.of("kind", "ARRIVAL_INQUIRY", "notes", "asked when"))
                .post("/api/tickets/" + ticket + "/contacts").then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneId.of(TestData.ZONE));
        String period = "region=" + code + "&from=" + today.minusDays(6) + "&to=" + today;
        JsonPath api = as(MANAGER).get("/api/kpis?" + period).then().statusCode(200).extract().jsonPath();
        assertThat(api.getLong("repeatContacts.repeats")).isEqualTo(1);

        Page page = signIn("en-US", "manage?" + period);
        List<String> scriptErrors = new ArrayList<>();
        page.onPageError(scriptErrors::add);
        assertThat(page).hasURL(Pattern.compile(".*/manage\\?.*"));
        assertThat(page.locator(".manage-tile")).hasCount(13);
        assertThat(page.locator("#kpi-repeatContacts .manage-value"))
                .hasText(String.format(java.util.Locale.ENGLISH, "%.1f%%", api.getDouble("repeatContacts.rate") * 100));
        assertThat(page.locator("#kpi-repeatContacts .manage-basis")).hasText(api.getLong("repeatContacts.repeats")
                + " of " + api.getLong("repeatContacts.inboundContacts"));
        assertThat(page.locator("#kpi-arrivalInquiries .manage-basis")).hasText(
                api.getLong("arrivalInquiries.inquiries") + " of " + api.getLong("arrivalInquiries.visits"));
        assertThat(page.locator("#kpi-arrivalInquiries .manage-value")).hasText("—");
        assertThat(page.locator("#kpi-trackingViews .manage-label")).hasText("Tracking views per visit");
        page.locator("#kpi-trackingViews").hover();
        assertThat(page.locator("#def-trackingViews")).isVisible();
        assertThat(page.locator("#def-trackingViews")).containsText("tracking page");
        long pending = as(MANAGER).get("/api/notifications?status=PENDING&size=1").then().extract().jsonPath()
                .getLong("total");
        assertThat(page.locator("#outbox-pending")).hasText(String.valueOf(pending));
        assertThat(page.locator("#regions")).containsText(code);
        assertThat(page.locator("#catalogue tbody tr").first()).isVisible();
        assertThat(page.locator("#chart-rates")).hasAttribute("style", Pattern.compile("height"));
        Browser.screenshot(page, "manage-en");
        assertThat(scriptErrors).isEmpty();
        page.context().close();

        Page ja = signIn("ja-JP", "manage?" + period);
        assertThat(ja.locator("#kpi-trackingViews .manage-label")).hasText("追跡ページ閲覧/訪問");
        assertThat(ja.locator("#kpi-repeatContacts .manage-basis")).hasText(api.getLong("repeatContacts.inboundContacts")
                + " 件中 " + api.getLong("repeatContacts.repeats") + " 件");
        Browser.screenshot(ja, "manage-ja");
        ja.context().close();
    }
}
