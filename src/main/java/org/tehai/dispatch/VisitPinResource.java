package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.Roles;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;

/**
 * A dispatcher's pin: {@code PUT /api/visits/{id}/pin} keeps a visit with a technician (and at a start time when
 * given) in every later solve, including one running now; {@code DELETE} lets the solver choose again.
 */
@Path("/api/visits/{id}/pin")
@RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
public class VisitPinResource {

    @Inject
    Audit audit;

    public record PinRequest(Long technicianId, Instant start) {
    }

    public record PinView(long visitId, boolean pinned, Long technicianId, Instant start, String warning) {
    }

    @PUT
    @Transactional
    public PinView pin(@PathParam("id") long id, PinRequest request) {
        Visit visit = Records.require(Visit.class, id, "visit");
        if (request == null || request.technicianId() == null) {
            throw ApiProblem.invalid("technicianId", "Name the technician to pin the visit to.");
        }
        if (visit.status.isFixed()) {
            throw ApiProblem.conflict("status", "The visit is " + visit.status + "; only work not yet started can be "
                    + "pinned.");
        }
        Technician technician = Records.reference(Technician.class, "technicianId", request.technicianId(),
                "technician");
        if (!technician.region.id.equals(visit.region.id)) {
            throw ApiProblem.unprocessable("technicianId", "The technician works in " + technician.region.code
                    + ", the visit is in " + visit.region.code + ".");
        }
        String warning = null;
        if (request.start() != null) {
            LocalDate day = LocalDate.ofInstant(request.start(), visit.region.zone());
            Shift shift = Shift.find(technician.id, day);
            if (shift == null) {
                throw ApiProblem.unprocessable("start", "The technician has no shift on " + day + ".");
            }
            boolean available = visit.availability.stream().anyMatch(w -> !request.start().isBefore(w.startsAt)
                    && !request.start().isAfter(w.endsAt));
            if (!available) {
                warning = "The start is outside the customer's availability; the plan will show it as broken.";
            }
        }
        visit.pinned = true;
        visit.technician = technician;
        visit.pinnedStart = request.start();
        visit.flush();
        audit.record("VISIT_PINNED", "visit", visit.id, "Pinned to " + technician.code
                + (request.start() == null ? "" : " at " + request.start()) + (warning == null ? "" : "; " + warning));
        return new PinView(visit.id, true, technician.id, visit.pinnedStart, warning);
    }

    @DELETE
    @Transactional
    public PinView unpin(@PathParam("id") long id) {
        Visit visit = Records.require(Visit.class, id, "visit");
        visit.pinned = false;
        visit.pinnedStart = null;
        if (visit.status == org.tehai.visit.VisitStatus.UNPLANNED) {
            visit.technician = null;
        }
        audit.record("VISIT_UNPINNED", "visit", visit.id, null);
        return new PinView(visit.id, false, visit.technician == null ? null : visit.technician.id, null, null);
    }
}
