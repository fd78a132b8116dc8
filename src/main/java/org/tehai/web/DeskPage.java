package org.tehai.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tehai.desk.CallerBanners;
import org.tehai.platform.error.ApiProblem;
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
    UiSettings settings;

    @Inject
    CallerBanners banners;

    @Inject
    @Location("desk.html")
    Template desk;

    @Inject
    @Location("desk-banners.html")
    Template bannerList;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public TemplateInstance console() {
        String words = frame.scriptWords("", DeskPageMessages.class, DeskPageLabels.class);
        return frame.render(desk.data("regions", regions.list()).data("words", words)
                .data("bannerRefresh", Math.max(1, settings.bannerRefresh().toSeconds())), "/desk");
    }

    /**
     * The banners of one caller's card as they stand now, in the person's language: the card asks for them when it
     * opens and again every {@code tehai.ui.banner-refresh}, so a changed status text or a resolved outage shows
     * while the caller is on the line. A small fragment, not the card.
     */
    @GET
    @Path("banners")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public Response banners(@QueryParam("customer") String customer) {
        if (customer == null || !customer.matches("[1-9][0-9]{0,17}")) {
            throw ApiProblem.invalid("customer", "Give the caller's customer id (a number above zero), not ("
                    + ApiProblem.echo(customer) + ").");
        }
        var locale = frame.locale();
        String html = bannerList.data("banners", banners.of(Long.parseLong(customer), locale)).setLocale(locale)
                .render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .build();
    }

}
