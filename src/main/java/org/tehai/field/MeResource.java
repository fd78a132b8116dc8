package org.tehai.field;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;

/**
 * The technician's phone: its own published route, its events and its positions. A technician sees and reports
 * only its own work.
 */
@Path("/api/me")
@RolesAllowed(Roles.TECHNICIAN)
public class MeResource {

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
    public Response route(@QueryParam("date") String date, @Context Request request) {
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
    public TechnicianEvents.Outcome events(EventBatch batch) {
        return events.record(user.requireOwnTechnicianId(), batch);
    }

    public record PositionsAccepted(int accepted) {
    }

    @POST
    @Path("/positions")
    public PositionsAccepted positions(PositionBatch batch) {
        return new PositionsAccepted(events.recordPositions(user.requireOwnTechnicianId(), batch));
    }
}
