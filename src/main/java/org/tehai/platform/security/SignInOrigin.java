package org.tehai.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.error.ProblemBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards the sign-in form's post ({@code /j_security_check}, answered by Quarkus's form authentication before any
 * resource, so the pages' form tokens do not reach it) against login forgery: another site posting its own
 * credentials through a person's browser, so that the person works signed in as somebody else. A browser names the
 * page a post comes from ({@code Origin}, else {@code Referer}); a post from a page of another host is refused with
 * 403. A post naming no page at all (not from a browser) goes on, as it cannot carry a person's browser along.
 * Hosts are compared without scheme and port, so a TLS-terminating proxy in front needs no settings for it.
 */
@Singleton
public class SignInOrigin {

    static final String SIGN_IN = "/j_security_check";

    private static final String REFUSED = "The sign-in form was sent from a page of another site.";

    private final ObjectMapper json;

    SignInOrigin(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        // Before authentication, which answers the post itself.
        router.post(SIGN_IN).order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String from = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (from == null) {
            from = ctx.request().getHeader(HttpHeaders.REFERER);
        }
        if (from == null || sameHost(from, ctx.request().authority() == null ? null : ctx.request().authority().host())) {
            ctx.next();
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new ProblemBody("about:blank", "Forbidden", 403, REFUSED, SIGN_IN, "Origin",
                    List.of(new ApiProblem.FieldError("Origin", REFUSED)), List.of(), null));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"Forbidden\",\"status\":403}";
        }
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, ProblemBody.MEDIA_TYPE.toString())
                .end(body);
    }

    /** Whether the page address names the same host as the request ("null", an opaque origin, never does). */
    static boolean sameHost(String page, String host) {
        if (host == null) {
            return false;
        }
        try {
            String pageHost = URI.create(page.strip()).getHost();
            return pageHost != null && pageHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
