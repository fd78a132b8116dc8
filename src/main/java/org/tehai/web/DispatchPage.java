package org.tehai.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tehai.platform.security.Roles;
import org.tehai.region.RegionService;
import org.tehai.site.SiteService;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The dispatcher board: a region-day's technicians as timeline rows beside a map of their routes, with propose,
 * progress, review, moves, pins and publish. The page is a frame; its script ({@code /app/board.js}) reads and acts
 * through the same REST API anyone can use.
 */
@Path("/dispatch")
@Produces(MediaType.TEXT_HTML)
public class DispatchPage {

    @Inject
    PageFrame frame;

    @Inject
    RegionService regions;

    @Inject
    SiteService sites;

    @Inject
    UiSettings settings;

    @Inject
    @Location("dispatch.html")
    Template dispatch;

    @GET
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public TemplateInstance board() {
        String words = frame.scriptWords("board_", Messages.class);
        return frame.render(dispatch.data("regions", regions.list()).data("extents", sites.extents())
                .data("mapTiles", settings.tiles().orElse(""))
                .data("mapAttribution", settings.mapAttribution()).data("words", words), "/dispatch");
    }
}
