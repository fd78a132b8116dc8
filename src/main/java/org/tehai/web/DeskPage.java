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

/**
 * The agent's console: one search box for whatever the caller gives, the caller card with the banners to read out,
 * intake, "where is the technician?", slot offers, call-backs and complaint closing. The page is a frame; its script
 * ({@code /app/desk.js}) reads and acts through the same REST API anyone can use.
 */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
public class DeskPage {

    @Inject
    PageFrame frame;

    @Inject
    RegionService regions;

    @Inject
    @Location("desk.html")
    Template desk;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public TemplateInstance console() {
        String words = frame.scriptWords("", DeskPageMessages.class, DeskPageLabels.class);
        return frame.render(desk.data("regions", regions.list()).data("words", words), "/desk");
    }

}
