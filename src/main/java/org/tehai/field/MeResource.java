package org.tehai.field;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.tehai.field.FieldRequests.EventBatch;
import org.tehai.field.FieldRequests.PositionBatch;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

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
    Clock clock;

    public record Window(OffsetDateTime start, OffsetDateTime end) {
    }

    public record Stop(int position, long visitId, String ticketNumber, VisitStatus status, String priority,
            String jobType, int durationMinutes, String address, Double latitude, Double longitude, String accessNotes,
            String customerName, String customerPhone, List<String> skills, Set<String> tools, List<String> parts,
            OffsetDateTime plannedStart, Window quotedWindow) {
    }

    public record Route(LocalDate date, String technician, List<Stop> visits) {
    }

    /** The published route of a day (today by default), in order. */
    @GET
    @Path("/route")
    @Transactional
    public Route route(@QueryParam("date") String date) {
        Technician me = Technician.findById(user.requireOwnTechnicianId());
        ZoneId zone = me.region.zone();
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : QueryValues.date("date", date);
        List<Visit> visits = Visit.routeOf(me, day);
        List<Stop> stops = new java.util.ArrayList<>();
        for (Visit v : visits) {
            var ticket = v.ticket;
            stops.add(new Stop(stops.size() + 1, v.id, ticket == null ? null : ticket.number, v.status,
                    v.priority().name(), v.jobType, v.estimatedDurationMinutes, v.site.addressLine(), v.site.latitude,
                    v.site.longitude, v.site.accessNotes, ticket == null ? null : ticket.customer.name,
                    ticket == null ? null : ticket.contactPhone(),
                    v.requiredSkills.stream().map(s -> s.skill + " " + s.level).toList(), Set.copyOf(v.requiredTools),
                    v.requiredParts.stream().map(p -> p.part.code + " ×" + p.quantity).toList(),
                    v.plannedStart.atZone(zone).toOffsetDateTime(), v.quotedWindowStart == null ? null
                            : new Window(v.quotedWindowStart.atZone(zone).toOffsetDateTime(),
                                    v.quotedWindowEnd.atZone(zone).toOffsetDateTime())));
        }
        return new Route(day, me.fullName(), stops);
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
