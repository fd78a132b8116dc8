package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;

/**
 * A dispatcher's pins: a pinned visit stays with its technician (and at its start time when one is given) in every
 * later solve, including one running now, which sees the change on its next look at the database.
 */
@ApplicationScoped
public class VisitPins {

    @Inject
    Audit audit;

    public record PinView(long visitId, boolean pinned, Long technicianId, Instant start, String warning) {
    }

    /**
     * Pins the visit to a technician of its region who works that day. A start outside the customer's availability
     * is allowed (the dispatcher may have agreed it by phone) but answered with a warning.
     */
    @Transactional
    public PinView pin(long visitId, Long technicianId, Instant start) {
        Visit visit = Records.require(Visit.class, visitId, "visit");
        if (technicianId == null) {
            throw ApiProblem.invalid("technicianId", "Name the technician to pin the visit to.");
        }
        if (visit.status.isFixed()) {
            throw ApiProblem.conflict("status", "The visit is " + visit.status + "; only work not yet started can be "
                    + "pinned.");
        }
        Technician technician = Records.reference(Technician.class, "technicianId", technicianId, "technician");
        if (!technician.region.id.equals(visit.region.id)) {
            throw ApiProblem.unprocessable("technicianId", "The technician works in " + technician.region.code
                    + ", the visit is in " + visit.region.code + ".");
        }
        String warning = null;
        if (start != null) {
            LocalDate day = LocalDate.ofInstant(start, visit.region.zone());
            if (Shift.find(technician.id, day) == null) {
                throw ApiProblem.unprocessable("start", "The technician has no shift on " + day + ".");
            }
            boolean available = visit.availability.stream().anyMatch(w -> !start.isBefore(w.startsAt)
                    && !start.isAfter(w.endsAt));
            if (!available) {
                warning = "The start is outside the customer's availability; the plan will show it as broken.";
            }
        }
        visit.pin(technician, start);
        visit.flush();
        audit.record("VISIT_PINNED", "visit", visit.id, "Pinned to " + technician.code
                + (start == null ? "" : " at " + start) + (warning == null ? "" : "; " + warning));
        return new PinView(visit.id, true, technician.id, visit.pinnedStart, warning);
    }

    /** Lets planning choose again for the visit. */
    @Transactional
    public PinView unpin(long visitId) {
        Visit visit = Records.require(Visit.class, visitId, "visit");
        visit.unpin();
        audit.record("VISIT_UNPINNED", "visit", visit.id, null);
        return new PinView(visit.id, false, visit.technician == null ? null : visit.technician.id, null, null);
    }
}
