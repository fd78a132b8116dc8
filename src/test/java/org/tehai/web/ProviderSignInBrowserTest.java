package org.tehai.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tehai.support.Tokens;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The production profile: pages sign in at the company's OpenID Connect provider (here a mock of one), roles come
 * from its "groups" claim, and the API still takes bearer tokens and answers 401 problems, never a redirect.
 */
@QuarkusTest
@TestProfile(ProviderSignInBrowserTest.Production.class)
class ProviderSignInBrowserTest {

    /** The production profile with a provider configured, and nothing else of the demo. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("tehai.embedded-db.ephemeral", "true"),
                    Map.entry("tehai.ui.map-tiles", "none"),
                    Map.entry("quarkus.log.console.json.enabled", "false"),
                    Map.entry("quarkus.oidc.tenant-enabled", "true"),
                    Map.entry("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus"),
                    Map.entry("quarkus.oidc.client-id", "tehai-pages"),
                    Map.entry("quarkus.oidc.credentials.secret", "pages-secret"),
                    Map.entry("quarkus.oidc.token.audience", "https://server.example.com"),
                    Map.entry("TEHAI_SESSION_KEY", "a-session-key-of-thirty-two-characters-or-more"),
                    Map.entry("mp.jwt.verify.publickey.location", "demo-jwt/public-key.pem"),
                    Map.entry("mp.jwt.verify.issuer", Tokens.ISSUER));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @OidcWireMock
    WireMockServer provider;

    @TestHTTPResource("/")
    URL base;

    /** The provider signs the next person in as {@code user} with these groups. */
    private void providerSignsIn(String user, String... groups) {
        String token = OidcWiremockTestResource.generateJwtToken(user, Set.of(groups));
        provider.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                                + "\",\"refresh_token\":\"r\",\"expires_in\":3600}")));
        provider.stubFor(get(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/end-session"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                        .withTransformers("response-template")));
    }

    private Page signInAtProvider(String address) {
        Page page = Browser.page(URI.create(base.toString()), "en-US");
        page.navigate(base + address.substring(1));
        // The company's sign-in page, not the application's form.
        assertThat(page).hasURL(Pattern.compile(".*/auth/realms/quarkus.*"));
        page.locator("#username").fill("anybody");
        page.locator("#password").fill("anything");
        page.locator("#login").click();
        page.waitForLoadState();
        return page;
    }

    @Test
    void shouldSignADispatcherInAtTheProviderAndBackToTheBoard() {
        providerSignsIn("sato.dispatch", "dispatcher");
        Page page = signInAtProvider("/dispatch");
        assertThat(page).hasURL(Pattern.compile(".*/dispatch$"));
        assertThat(page.locator("header")).containsText("sato.dispatch");
        assertThat(page.locator("#region")).isVisible();
        Browser.screenshot(page, "provider-signed-in-board");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForLoadState();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?signed-out=true$"));
        assertThat(page.locator("body")).containsText("You are signed out.");
        page.navigate(base + "dispatch");
        assertThat(page).hasURL(Pattern.compile(".*/auth/realms/quarkus.*"));
        page.context().close();
    }

    @Test
    void shouldShowATechnicianThatTheBoardIsNotTheirs() {
        providerSignsIn("ito.tech", "technician");
        Page page = signInAtProvider("/dispatch");
        assertThat(page.locator("h1")).containsText("You may not open this page");
        Browser.screenshot(page, "provider-technician-forbidden");
        // Signed in with the wrong account: the way out is on the refusal page too.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.locator("#main").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Sign out")).click();
        page.waitForLoadState();
        assertThat(page.locator("body")).containsText("You are signed out.");
        page.context().close();
    }

    @Test
    void shouldKeepTheApiOnBearerTokensAndProblems() {
        var refused = given().redirects().follow(false).get("/api/regions").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).extract();
        assertThat(refused.header("Location")).isNull();
        given().auth().oauth2(Tokens.forUser("dispatcher", "dispatcher")).get("/api/regions").then().statusCode(200);
        // The built-in users are off in production.
        given().auth().preemptive().basic("dispatcher", "dispatcher").get("/api/regions").then().statusCode(401);
    }
}
