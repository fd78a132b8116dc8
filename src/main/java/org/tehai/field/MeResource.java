package org.tehai.field;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.tehai.field.FieldRequests.EventBatch;
import org.tehai.field.FieldRequests.PositionBatch;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.database.ConcurrentUpdates;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;

/**
 * The technician's phone: its own published route, its events and its positions. A technician sees and reports
 * only its own work.
 * <p>
 * The phone app names the technician whose reports and route it keeps ({@value #OWNER}). When someone else has
 * signed in on that browser meanwhile (a colleague on a shared phone, a first technician's page left open in another
 * tab), the answer is 403 and nothing is written: the colleague's sign-in neither sends the first technician's reports
 * nor hands its own route to the first technician's app. Other clients may leave the header out.
 */
@Path("/api/me")
@RolesAllowed(Roles.TECHNICIAN)
public class MeResource {

    /** The login the phone app keeps its reports under, URL-encoded (logins may be in any script). */
    static final String OWNER = "X-Tehai-Phone-Owner";

    @Inject
    CurrentUser user;

    @Inject
    TechnicianEvents events;

    @Inject
    PhoneRoutes routes;

    /**
     * The published route of a day (today by default), in order. Its ETag lets the phone ask again cheaply
     * (If-None-Match: 304 while nothing changed); its {@code version} tells whether the dispatcher changed it.
     */
    @GET
    @Path("/route")
    public Response route(@QueryParam("date") String date, @HeaderParam(OWNER) String owner,
            @Context Request request) {
        requireOwner(owner);
        PhoneRoutes.Route route = routes.of(user.requireOwnTechnicianId(),
                date == null ? null : QueryValues.date("date", date));
        EntityTag tag = new EntityTag(route.tag());
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        revalidate.setPrivate(true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(route)).tag(tag).cacheControl(revalidate).build();
    }

    /** A batch of events from the phone; idempotent by event id, applied in device-time order. */
    @POST
    @Path("/events")
    public TechnicianEvents.Outcome events(@HeaderParam(OWNER) String owner, EventBatch batch) {
        requireOwner(owner);
        long technicianId = user.requireOwnTechnicianId();
        // A report that raced with a publication of the same visits is applied again: events are idempotent.
        return ConcurrentUpdates.retrying(() -> events.record(technicianId, batch));
    }

    public record PositionsAccepted(int accepted) {
    }

    @POST
    @Path("/positions")
    public PositionsAccepted positions(@HeaderParam(OWNER) String owner, PositionBatch batch) {
        requireOwner(owner);
        long technicianId = user.requireOwnTechnicianId();
        return new PositionsAccepted(ConcurrentUpdates.retrying(() -> events.recordPositions(technicianId, batch)));
    }

    private void requireOwner(String owner) {
        if (owner == null) {
            return;
        }
        String phone;
        try {
            phone = URLDecoder.decode(owner, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ApiProblem.invalid(OWNER, "The header " + OWNER + " (" + ApiProblem.echo(owner)
                    + ") is not a URL-encoded login.");
        }
        if (!phone.equals(user.name())) {
            throw new ApiProblem(403, "Forbidden", OWNER, "This app holds the work of " + ApiProblem.echo(phone)
                    + ", and " + user.name() + " is signed in: sign in as " + ApiProblem.echo(phone) + " to send it.");
        }
    }
}
