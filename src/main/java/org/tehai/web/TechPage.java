package org.tehai.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The technician's phone app: today's route, one big button for the next step, parts from the van, follow-ups,
 * breaks and positions. The page is a shell that a service worker ({@code /tech-sw.js}) keeps on the phone; its
 * script ({@code /app/tech.js}) keeps the route and every report in the phone's IndexedDB, per technician, and
 * sends the reports to {@code /api/me/*} whenever the network is there.
 */
@Path("/tech")
public class TechPage {

    /** How often the phone takes its position while a day runs (seconds). */
    static final int POSITION_EVERY_SECONDS = 180;
    /** How often the phone asks whether its route changed, while online (seconds). */
    static final int ROUTE_CHECK_SECONDS = 30;

    @Inject
    PageFrame frame;

    @Inject
    UiSettings settings;

    @Inject
    @Location("tech.html")
    Template tech;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.TECHNICIAN)
    public TemplateInstance app() {
        String words = frame.scriptWords("", TechPageMessages.class);
        return frame.render(tech.data("words", words).data("mapTiles", settings.tiles().orElse(""))
                .data("mapAttribution", settings.mapAttribution()).data("positionEvery", POSITION_EVERY_SECONDS)
                .data("routeCheck", ROUTE_CHECK_SECONDS), "/tech");
    }

    /** What makes the app installable; asked for without the session, so it says nothing about anyone. */
    @GET
    @Path("manifest.webmanifest")
    @PermitAll
    public Response manifest() throws JsonProcessingException {
        TechPageMessages words = MessageBundles.get(TechPageMessages.class,
                Localized.Literal.of(frame.locale().getLanguage()));
        Map<String, Object> manifest = Map.of("name", words.tech_app_name(), "short_name", words.tech_short_name(),
                "lang", frame.locale().getLanguage(), "start_url", "/tech", "scope", "/tech", "display", "standalone",
                "orientation", "portrait", "background_color", "#ffffff", "theme_color", "#0d2c47",
                "icons", List.of(icon("/app/tech-icon-192.png", "192x192"), icon("/app/tech-icon-512.png", "512x512")));
        return Response.ok(json.writeValueAsString(manifest), "application/manifest+json").build();
    }

    private static Map<String, String> icon(String src, String sizes) {
        return Map.of("src", src, "sizes", sizes, "type", "image/png", "purpose", "any");
    }

}
