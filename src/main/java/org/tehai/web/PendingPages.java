package org.tehai.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tehai.platform.security.Roles;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The technician's phone page, which says so until it is built: a person who
 * signs in lands on their page, not on an error.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PendingPages {

    @Inject
    PageFrame frame;

    @Inject
    @Location("pending.html")
    Template pending;

    @GET
    @Path("tech")
    @RolesAllowed(Roles.TECHNICIAN)
    public TemplateInstance tech() {
        return frame.render(pending.data("page", "tech"), "/tech");
    }
}
