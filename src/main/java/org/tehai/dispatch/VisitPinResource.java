package org.tehai.dispatch;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.dispatch.VisitPins.PinView;
import org.tehai.platform.security.Roles;

/**
 * A dispatcher's pin: {@code PUT /api/visits/{id}/pin} keeps a visit with a technician (and at a start time when
 * given) in every later solve, including one running now; {@code DELETE} lets the solver choose again.
 */
@Path("/api/visits/{id}/pin")
@RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
public class VisitPinResource {

    @Inject
    VisitPins pins;

    public record PinRequest(Long technicianId, Instant start) {
    }

    @PUT
    public PinView pin(@PathParam("id") long id, PinRequest request) {
        return pins.pin(id, request == null ? null : request.technicianId(), request == null ? null : request.start());
    }

    @DELETE
    public PinView unpin(@PathParam("id") long id) {
        return pins.unpin(id);
    }
}
