package org.tehai.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tehai.platform.security.Roles;
import org.tehai.region.RegionService;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The incident board: open incidents and declared outages of a region on a map and in a list, with their tickets,
 * shared equipment, visit and status text. Agents look; managers and admins declare an outage (a circle on the map
 * or buildings), change its status text and resolve it. The page is a frame; its script ({@code /app/incidents.js})
 * does everything through {@code /api/incidents} and {@code /api/outages}, whose roles decide what succeeds.
 */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentPage {

    @Inject
    PageFrame frame;

    @Inject
    RegionService regions;

    @Inject
    UiSettings settings;

    @Inject
    SecurityIdentity identity;

    @Inject
    @Location("incidents.html")
    Template incidents;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance page() {
        String words = frame.scriptWords("", IncidentPageMessages.class);
        boolean manage = identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN);
        return frame.render(incidents.data("regions", regions.list()).data("words", words).data("manage", manage)
                .data("mapTiles", settings.tiles().orElse("")).data("mapAttribution", settings.mapAttribution()),
                "/incidents");
    }

}
