package org.tehai.field;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.part.PartQuantityView;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;
import org.tehai.visit.VisitStatus;

/**
 * A technician's published route as the phone shows it: each stop with what the technician needs on the doorstep
 * (address, access notes, whom to call, skills, tools and parts), the window the customer was told and when the
 * customer said they are there; the shift,
 * the van's stock, and a version the phone compares to learn that the dispatcher changed the route.
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
            OffsetDateTime plannedStart, Window quotedWindow, String addressJapanese, List<Window> customerAvailable,
            OffsetDateTime expectedDone) {
    }

    /**
     * {@code version} changes when the dispatcher changes the route (which visits, their order, times, windows told or
     * what they need), not when the technician reports progress; {@code tag} changes with anything in the answer
     * (the ETag).
     */
    public record Route(LocalDate date, String technician, long technicianId, Window shift,
            List<PartQuantityView> vanStock, List<Stop> visits, DayReported day, String version, String tag) {
    }

    /**
     * The day as the technician's phones reported it, whichever phone it was: when it started (the first report of
     * the day), when it ended, and since when the technician is on a break (null: not on one).
     */
    public record DayReported(OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime onBreakSince) {
    }

    /** The technician's published route of a local date (today in its region when null), in order. */
    @Transactional
    public Route of(long technicianId, LocalDate date) {
        Technician me = Technician.findById(technicianId);
        ZoneId zone = me.region.zone();
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        List<Visit> visits = Visits.routeOf(me, day);
        List<Stop> stops = new ArrayList<>();
        for (Visit v : visits) {
            var ticket = v.ticket;
            stops.add(new Stop(stops.size() + 1, v.id, ticket == null ? null : ticket.number, v.status,
                    v.priority().name(), v.jobType, v.estimatedDurationMinutes, v.site.addressLine(), v.site.latitude,
                    v.site.longitude, v.site.accessNotes, ticket == null ? null : ticket.customer.name,
                    ticket == null ? null : ticket.contactPhone(),
                    v.requiredSkills.stream().map(s -> s.skill + " " + s.level).toList(),
                    new TreeSet<>(v.requiredTools),
                    v.requiredParts.stream().map(p -> p.part.code + " ×" + p.quantity).toList(),
                    v.plannedStart.atZone(zone).toOffsetDateTime(), v.quotedWindowStart == null ? null
                            : new Window(v.quotedWindowStart.atZone(zone).toOffsetDateTime(),
                                    v.quotedWindowEnd.atZone(zone).toOffsetDateTime()),
                    v.site.addressLineJapanese(), v.availability.stream().map(a -> new Window(
                            a.startsAt.atZone(zone).toOffsetDateTime(), a.endsAt.atZone(zone).toOffsetDateTime()))
                            .toList(), v.status == VisitStatus.ON_SITE && v.expectedDoneAt != null
                                    ? v.expectedDoneAt.atZone(zone).toOffsetDateTime() : null));
        }
        Shift shift = Shift.find(me.id, day);
        Window hours = shift == null ? null
                : new Window(shift.startsAt.atZone(zone).toOffsetDateTime(), shift.endsAt.atZone(zone).toOffsetDateTime());
        List<PartQuantityView> stock = PartQuantityView.of(me.vanStock).stream()
                .sorted(java.util.Comparator.comparing(PartQuantityView::partCode)).toList();
        DayReported reported = reported(me, day, zone);
        String version = digest(planned(day, stops));
        String tag = digest(version + "|" + hours + "|" + stock + "|" + reported + "|"
                + stops.stream().map(s -> s.visitId() + ":" + s.status() + ":" + s.expectedDone()).toList());
        return new Route(day, me.fullName(), me.id, hours, stock, stops, reported, version, tag);
    }

    /** The technician's reports of the local day, in the order they happened, read as the day's state. */
    private static DayReported reported(Technician me, LocalDate day, ZoneId zone) {
        OffsetDateTime started = null;
        OffsetDateTime ended = null;
        OffsetDateTime onBreak = null;
        // Type and time only: the phone polls the route, and the events' visits are not needed here.
        for (Object[] event : TechnicianEvent.getEntityManager().createQuery("select e.type, e.occurredAt "
                + "from TechnicianEvent e where e.technician = ?1 and e.occurredAt >= ?2 and e.occurredAt < ?3 "
                + "order by e.occurredAt, e.id", Object[].class).setParameter(1, me)
                .setParameter(2, day.atStartOfDay(zone).toInstant())
                .setParameter(3, day.plusDays(1).atStartOfDay(zone).toInstant()).getResultList()) {
            OffsetDateTime at = ((Instant) event[1]).atZone(zone).toOffsetDateTime();
            started = started == null ? at : started;
            switch ((TechnicianEventType) event[0]) {
                case DAY_ENDED -> ended = at;
                case BREAK_STARTED -> onBreak = at;
                case BREAK_ENDED -> onBreak = null;
                default -> {
                }
            }
        }
        return new DayReported(started, ended, onBreak);
    }

    /** What the dispatcher decides about a day's route; progress the technician reports is left out. */
    private static String planned(LocalDate day, List<Stop> stops) {
        StringBuilder text = new StringBuilder(day.toString());
        for (Stop s : stops) {
            text.append('|').append(s.visitId()).append(',').append(s.plannedStart().toInstant()).append(',')
                    .append(s.quotedWindow() == null ? "" : s.quotedWindow().start().toInstant() + "/"
                            + s.quotedWindow().end().toInstant())
                    .append(',').append(s.durationMinutes()).append(',').append(s.address()).append(',')
                    .append(s.accessNotes()).append(',').append(s.skills()).append(',').append(s.tools())
                    .append(',').append(s.parts()).append(',').append(s.customerAvailable().stream()
                            .map(w -> w.start().toInstant() + "/" + w.end().toInstant()).toList());
        }
        return text.toString();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime.", e);
        }
    }
}
