package org.tehai.field;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/**
 * A technician's published route as the phone shows it: each stop with what the technician needs on the doorstep
 * (address, access notes, whom to call, skills, tools and parts) and the window the customer was told.
 */
@ApplicationScoped
public class PhoneRoutes {

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

    /** The technician's published route of a local date (today in its region when null), in order. */
    @Transactional
    public Route of(long technicianId, LocalDate date) {
        Technician me = Technician.findById(technicianId);
        ZoneId zone = me.region.zone();
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        List<Visit> visits = Visit.routeOf(me, day);
        List<Stop> stops = new ArrayList<>();
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
}
