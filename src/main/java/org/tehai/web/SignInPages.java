package org.tehai.web;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.tehai.platform.security.Roles;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Where a person at a browser starts: {@code /} sends each role to its page, {@code /login} is the sign-in form
 * (the form posts to the application's form authentication), {@code /logout} ends the session and the language
 * switch remembers the choice. The API never redirects: it signs in on each request.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    /** The cookie of the signed-in session (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "tehai-session";
    /** Where form authentication sends a person after signing in (quarkus.http.auth.form.location-cookie). */
    static final String RETURN_COOKIE = "tehai-return-to";

    @Inject
    SecurityIdentity identity;

    @Inject
    PageFrame frame;

    @Inject
    @Location("login.html")
    Template login;

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
            @Context UriInfo uri) {
        var page = login.data("failed", error != null).data("language", frame.locale().getLanguage())
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

    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    @GET
    @Path("choose")
    @RolesAllowed(Roles.ADMIN)
    public Object chooseAPage() {
        return frame.render(choose.instance(), "/choose");
    }

    /** The language switch: the choice is kept in a cookie for a year, and the person goes back to the page. */
    @GET
    @Path("language/{tag}")
    @PermitAll
    public Response language(@PathParam("tag") String tag, @QueryParam("back") String back) {
        String chosen = PageLocale.SUPPORTED.contains(tag) ? tag : "en";
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
