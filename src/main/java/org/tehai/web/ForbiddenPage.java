package org.tehai.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.tehai.platform.error.PageErrors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;

/** A page the person's role does not include: 403 with a page that says so and leads to their own page. */
@ApplicationScoped
public class ForbiddenPage implements PageErrors {

    @Inject
    PageFrame frame;

    @Inject
    SecurityIdentity identity;

    @Inject
    @Location("forbidden.html")
    Template forbidden;

    @Override
    public Response forbidden(UriInfo uri) {
        String page = frame.renderRefusal(forbidden.data("role", String.join(", ", identity.getRoles()))
                .data("home", frame.home()), uri.getPath()).render();
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
