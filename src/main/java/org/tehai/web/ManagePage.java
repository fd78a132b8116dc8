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
 * The manager's page: the KPIs of a region and period as tiles with their definitions, charts of them over the
 * period, the trouble-code catalogue, the notification outbox's state and the regions' publish policy. The page is a
 * frame; its script ({@code /app/manage.js}) reads the same REST API anyone can ({@code /api/kpis}, ...).
 */
@Path("/manage")
@Produces(MediaType.TEXT_HTML)
public class ManagePage {

    @Inject
    PageFrame frame;

    @Inject
    RegionService regions;

    @Inject
    @Location("manage.html")
    Template manage;

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance page() {
        String words = frame.scriptWords("", ManagePageMessages.class);
        return frame.render(manage.data("regions", regions.list()).data("words", words), "/manage");
    }

}
