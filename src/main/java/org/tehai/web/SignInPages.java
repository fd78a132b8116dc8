package org.tehai.web;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tehai.platform.security.Roles;
import org.tehai.platform.security.SecuritySettings;
import org.tehai.preference.Preferences;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Where a person at a browser starts: {@code /} sends each role to its page, {@code /login} signs in, {@code /logout}
 * ends the session and the language switch remembers the choice. With the built-in users (demo) {@code /login} is a
 * form posting to the application's form authentication; in production it hands over to the company's OpenID
 * Connect provider through {@code /login/oidc}, the one address where the authorization-code flow runs. The API
 * never redirects: it signs in on each request.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    /** The cookie of the signed-in session (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "tehai-session";
    /** Where form authentication sends a person after signing in (quarkus.http.auth.form.location-cookie). */
    static final String RETURN_COOKIE = "tehai-return-to";
    /** The page to open after the provider's sign-in: a path of this application. */
    static final String OIDC_RETURN_COOKIE = "tehai-oidc-return-to";
    /** Where the authorization-code flow runs (quarkus.oidc.authentication.redirect-path). */
    static final String OIDC_SIGN_IN = "/login/oidc";
    /** Where the provider's session ends too (quarkus.oidc.logout.path). */
    static final String OIDC_SIGN_OUT = "/logout/oidc";

    @Inject
    SecurityIdentity identity;

    @Inject
    PageFrame frame;

    @Inject
    @Location("login.html")
    Template login;

    @Inject
    @Location("signout.html")
    Template signOut;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean oidc;

    @Inject
    SecuritySettings security;

    @Inject
    Preferences preferences;

    @Inject
    @Location("choose.html")
    Template choose;

    @GET
    @PermitAll
    public Response start() {
        return Response.seeOther(URI.create(identity.isAnonymous() ? "/login" : frame.home())).build();
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login(@QueryParam("next") String next, @QueryParam("error") String error,
            @QueryParam("signed-out") String signedOut, @Context UriInfo uri) {
        if (oidc && signedOut == null) {
            var handOver = Response.seeOther(URI.create(OIDC_SIGN_IN));
            if (isLocalPath(next)) {
                handOver.cookie(new NewCookie.Builder(OIDC_RETURN_COOKIE).value(next).path("/").httpOnly(true)
                        .maxAge(600).build());
            }
            return handOver.build();
        }
        var page = login.data("failed", error != null).data("signedOut", signedOut != null)
                .data("form", security.demoUsers()).data("provider", oidc)
                .data("language", frame.locale().getLanguage())
                .data("otherLanguage", frame.locale().getLanguage().equals("ja") ? "en" : "ja")
                .setLocale(frame.locale());
        var response = Response.ok(page);
        if (isLocalPath(next)) {
            // Form authentication wants the page to return to as an address on this same host.
            String back = uri.getBaseUri().resolve(next).toString();
            response.cookie(new NewCookie.Builder(RETURN_COOKIE).value(back).path("/").httpOnly(true).build());
        }
        return response.build();
    }

    /**
     * The end of the provider's sign-in (the flow itself is answered by the OpenID Connect authentication before
     * this runs): the person goes on to the page they first asked for, or to their own.
     */
    @GET
    @Path("login/oidc")
    @Authenticated
    public Response signedInAtProvider(@CookieParam(OIDC_RETURN_COOKIE) String next) {
        return Response.seeOther(URI.create(isLocalPath(next) ? next : frame.home()))
                .cookie(new NewCookie.Builder(OIDC_RETURN_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        // With a provider, its session ends too: the OpenID Connect authentication answers OIDC_SIGN_OUT.
        return Response.seeOther(URI.create(oidc && !identity.isAnonymous() ? OIDC_SIGN_OUT : "/login?signed-out=true"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    /** Signing out from a page that carries no form (an error page): one button, with its form token. */
    @GET
    @Path("logout")
    @PermitAll
    public Object confirmSignOut() {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return frame.render(signOut.instance(), "/logout");
    }

    /** Reached only when nobody is signed in at the provider any more. */
    @GET
    @Path("logout/oidc")
    @PermitAll
    public Response signedOutAtProvider() {
        return Response.seeOther(URI.create("/login?signed-out=true")).build();
    }

    @GET
    @Path("choose")
    @RolesAllowed(Roles.ADMIN)
    public Object chooseAPage() {
        return frame.render(choose.instance(), "/choose");
    }

    /**
     * The language switch: the choice is kept in a cookie for a year, and for the signed-in person on any browser,
     * and the person goes back to the page.
     */
    @GET
    @Path("language/{tag}")
    @PermitAll
    public Response language(@PathParam("tag") String tag, @QueryParam("back") String back) {
        String chosen = PageLocale.SUPPORTED.contains(tag) ? tag : "en";
        if (!identity.isAnonymous()) {
            preferences.speak(identity.getPrincipal().getName(), chosen);
        }
        return Response.seeOther(URI.create(isLocalPath(back) ? back : "/"))
                .cookie(new NewCookie.Builder(PageLocale.COOKIE).value(chosen).path("/").maxAge(365 * 24 * 3600)
                        .build())
                .build();
    }

    /** Only a path on this application: never another host, so no link can send a person elsewhere. */
    static boolean isLocalPath(String path) {
        return path != null && path.length() <= 500 && LOCAL_PATH.matcher(path).matches() && !path.startsWith("//");
    }

    /** A path of this application with an optional query, in the characters an address may hold unescaped. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/_.~%+=&?-]*");
}
