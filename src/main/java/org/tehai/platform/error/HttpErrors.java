package org.tehai.platform.error;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem bodies for the errors that HTTP answers before a resource runs: a failed sign-in (401), an address that
 * matches no route (404), a body or an address too large (413, 414). Together with {@link ProblemMappers} every
 * error the application gives is {@code application/problem+json}.
 */
@Singleton
public class HttpErrors {

    /** Longest request line (method, path and query) that is read; longer ones get 414. */
    static final int MAX_URI_LENGTH = 8 * 1024;

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final boolean basic;

    HttpErrors(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.http.auth.basic", defaultValue = "false") boolean basic) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
        this.basic = basic;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkSize);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void checkSize(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            send(ctx, 414, "URI too long", "The address is longer than " + MAX_URI_LENGTH + " characters.");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                send(ctx, 400, "Invalid request", "The Content-Length header (" + ApiProblem.echo(length)
                        + ") is not a number.");
                return;
            }
            if (bytes > maxBodyBytes) {
                send(ctx, 413, "Request too large", "The request body has " + bytes + " bytes; at most " + maxBodyBytes
                        + " are accepted.");
                return;
            }
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            unauthorized(ctx);
        } else if (failure == null && ctx.statusCode() == 413) {
            send(ctx, 413, "Request too large", "The request body is larger than " + maxBodyBytes + " bytes.");
        } else if (failure == null && ctx.statusCode() == 401) {
            unauthorized(ctx);
        } else if (failure == null && ctx.statusCode() == 404) {
            notFound(ctx);
        } else if (failure == null && ctx.statusCode() == 405) {
            send(ctx, 405, "Method not allowed", "The method " + ctx.request().method() + " is not allowed here.");
        } else {
            ctx.next();
        }
    }

    private void notFound(RoutingContext ctx) {
        send(ctx, 404, "Not found", "There is no resource at " + ApiProblem.echo(ctx.request().path()) + ".");
    }

    private void unauthorized(RoutingContext ctx) {
        if (isPage(ctx)) {
            // A person at a browser is sent to the sign-in form, and back to the page afterwards.
            String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
            ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, LOGIN_PAGE + "?next=" + next).end();
            return;
        }
        challenges(basic, ctx.request().getHeader("Sec-Fetch-Mode"))
                .forEach(challenge -> ctx.response().headers().add("WWW-Authenticate", challenge));
        send(ctx, 401, "Unauthorized", UNAUTHORIZED);
    }

    /** The sign-in form of the pages. */
    public static final String LOGIN_PAGE = "/login";

    /**
     * A request for a page rather than the API: pages sign in with a form, the API with credentials on each request
     * and a 401 problem, never a redirect.
     */
    static boolean isPage(RoutingContext ctx) {
        return PageErrors.isPage(ctx.request().path()) && ctx.request().method() == HttpMethod.GET;
    }

    /**
     * The ways to sign in a 401 offers: bearer tokens, and HTTP Basic where the built-in users are on, except to a
     * page's script ({@code fetchMode}: the browser's Sec-Fetch-Mode, anything but a navigation): a Basic challenge
     * there makes the browser ask for a password itself instead of letting the page send the person to sign in.
     */
    static List<String> challenges(boolean basic, String fetchMode) {
        boolean script = fetchMode != null && !fetchMode.equalsIgnoreCase("navigate");
        return basic && !script ? List.of("Bearer", "Basic realm=\"Tehai\"") : List.of("Bearer");
    }

    static final String UNAUTHORIZED = "Sign in: send a bearer token (in the demo also a built-in user with HTTP Basic).";

    private void send(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new ProblemBody("about:blank", title, status, detail,
                    ApiProblem.echo(ctx.request().path()), null, List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemBody.MEDIA_TYPE.toString())
                .end(body);
    }
}
