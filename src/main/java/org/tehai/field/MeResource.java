package org.tehai.field;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

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

    /** The published route of a day (today by default), in order. */
    @GET
    @Path("/route")
    public PhoneRoutes.Route route(@QueryParam("date") String date) {
        return routes.of(user.requireOwnTechnicianId(), date == null ? null : QueryValues.date("date", date));
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
