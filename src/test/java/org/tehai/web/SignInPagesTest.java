package org.tehai.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The way in for a person at a browser, without a browser: where each address leads, and that no address, however
 * odd, sends anybody to another host or breaks the page.
 */
@QuarkusTest
class SignInPagesTest {

    @Test
    void shouldSendSomebodyNotSignedInToTheSignInForm() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/dispatch").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fdispatch"));
        given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("j_security_check"));
    }

    @Test
    void shouldKeepTheApiOnProblemsForSomebodyNotSignedIn() {
        given().get("/api/regions").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        // A person typing an API address may sign in with the browser's own dialog; a page's script never gets one,
        // so the page can send the person to sign in (and keep what it has not sent yet).
        assertThat(given().get("/api/regions").then().statusCode(401).extract().headers().getValues("WWW-Authenticate"))
                .contains("Basic realm=\"Tehai\"");
        assertThat(given().header("Sec-Fetch-Mode", "navigate").get("/api/regions").then().statusCode(401).extract()
                .headers().getValues("WWW-Authenticate")).contains("Basic realm=\"Tehai\"");
        for (String path : new String[] { "/api/regions", "/api/me/route" }) {
            assertThat(given().header("Sec-Fetch-Mode", "cors").get(path).then().statusCode(401).extract().headers()
                    .getValues("WWW-Authenticate")).as(path).containsExactly("Bearer");
        }
    }

    @Test
    void shouldReturnOnlyToAddressesOfThisApplication() {
        for (String elsewhere : new String[] { "//evil.example/x", "http://evil.example/", "/\\evil.example",
                "javascript:alert(1)", "/dispatch\r\nSet-Cookie: x=y", "/dispatch;x=1" }) {
            // Control characters are refused before any page (400); everything else shows the form.
            assertThat(given().queryParam("next", elsewhere).get("/login").then().statusCode(lessThan(500)).extract()
                    .cookies()).doesNotContainKey("tehai-return-to");
            String location = given().redirects().follow(false).queryParam("back", elsewhere).get("/language/ja")
                    .then().statusCode(lessThan(500)).extract().header("Location");
            assertThat(location == null ? "" : location).doesNotContain("evil");
        }
        given().queryParam("next", "/dispatch?x=1").get("/login").then().statusCode(200)
                .cookie("tehai-return-to", containsString("/dispatch?x=1"));
    }

    @Test
    void shouldRememberOnlyTheLanguagesItSpeaks() {
        given().redirects().follow(false).get("/language/ja?back=/login").then().statusCode(303)
                .cookie("tehai-lang", equalTo("ja")).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/language/xx").then().statusCode(303).cookie("tehai-lang", equalTo("en"));
        given().cookie("tehai-lang", "ja").get("/login").then().statusCode(200).body(containsString("サインイン"));
        given().header("Accept-Language", "ja-JP,ja;q=0.9").get("/login").then().body(containsString("サインイン"));
        given().header("Accept-Language", "!!;q=x,,;").get("/login").then().statusCode(lessThan(500));
    }

    @Test
    void shouldRefuseASignInPostedFromAnotherSite() {
        // Another site's page posting its own credentials through a person's browser is turned away before sign-in.
        for (String[] header : new String[][] { { "Origin", "http://evil.example" }, { "Origin", "null" },
                { "Referer", "https://evil.example/login" } }) {
            assertThat(given().redirects().follow(false).header(header[0], header[1]).formParam("j_username",
                    "dispatcher").formParam("j_password", "dispatcher").post("/j_security_check").then()
                    .statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("field", equalTo("Origin")).extract().cookies()).as(header[1])
                    .doesNotContainKey("tehai-session");
        }
        // The form of this application's own page signs in.
        String own = given().redirects().follow(false).header("Origin", "http://localhost:8081")
                .formParam("j_username", "dispatcher").formParam("j_password", "dispatcher").post("/j_security_check")
                .then().statusCode(302).extract().cookie("tehai-session");
        assertThat(own).isNotBlank();
        given().redirects().follow(false).header("Referer", "http://LOCALHOST/login").formParam("j_username",
                "dispatcher").formParam("j_password", "wrong").post("/j_security_check").then()
                .header("Location", containsString("/login?error=true"));
    }

    @Test
    void shouldNotAskApiCallsForTheFormToken() {
        // A bodiless POST that a client labels as a form (REST Assured does by default) is an API call, not a form.
        given().auth().preemptive().basic("dispatcher", "dispatcher").contentType("application/x-www-form-urlencoded")
                .post("/api/regions/NOWHERE-" + System.nanoTime() + "/days/2030-01-01/proposals/current/publish")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
