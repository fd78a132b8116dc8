package org.tehai.field;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.callback.Callback;
import org.tehai.callback.CallbackKind;
import org.tehai.callback.CallbackTexts;
import org.tehai.field.FieldRequests.Event;
import org.tehai.field.FieldRequests.EventBatch;
import org.tehai.field.FieldRequests.PartUse;
import org.tehai.field.FieldRequests.Position;
import org.tehai.field.FieldRequests.PositionBatch;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.part.Part;
import org.tehai.part.PartQuantity;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.technician.Shift;
import org.tehai.technician.SkillLevel;
import org.tehai.technician.Technician;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/**
 * Applies what a technician's phone reports. A batch is checked as a whole first (nothing is written when one
 * event is wrong), then applied in device-time order; an event already received is ignored, and a visit only moves
 * forward (on the way, on site, finished), so events of a phone that was offline may arrive late or out of order.
 * The live re-planning of the region-day sees the effects on its next look at the database.
 */
@ApplicationScoped
public class TechnicianEvents {

    static final int MAX_BATCH = 500;
    /** When a follow-up visit may happen, until the desk agrees a time with the customer. */
    static final int FOLLOW_UP_DAYS = 5;

    @Inject
    Notifications notifications;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<TechnicianReported> reported;

    @Inject
    DriveLog driveLog;

    /** What a batch did. */
    public record Outcome(int received, int applied, int duplicates, List<Long> followUpVisitIds,
            List<String> warnings) {
    }

    @Transactional
    public Outcome record(long technicianId, EventBatch batch) {
        if (batch == null || batch.events() == null || batch.events().isEmpty()) {
            throw ApiProblem.invalid("events", "Send at least one event.").withCode("batch-empty");
        }
        if (batch.events().size() > MAX_BATCH) {
            throw ApiProblem.invalid("events", "At most " + MAX_BATCH + " events per batch.").withCode("batch-too-large");
        }
        Technician me = Technician.findById(technicianId);
        List<Event> events = batch.events();
        for (int i = 0; i < events.size(); i++) {
            EventChecks.check(me, events.get(i), "events[" + i + "].");
        }
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::occurredAt));
        Set<String> seen = new HashSet<>();
        int applied = 0;
        int duplicates = 0;
        boolean completed = false;
        List<Long> followUps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (Event event : ordered) {
            if (!seen.add(event.eventId()) || TechnicianEvent.exists(me, event.eventId())) {
                duplicates++;
                continue;
            }
            var stored = new TechnicianEvent();
            stored.technician = me;
            stored.clientEventId = event.eventId();
            stored.type = event.type();
            stored.visit = event.visitId() == null ? null : Visit.findById(event.visitId());
            stored.occurredAt = event.occurredAt().toInstant();
            stored.receivedAt = now;
            stored.latitude = event.latitude();
            stored.longitude = event.longitude();
            stored.notes = event.notes();
            stored.minutesLeft = event.minutesLeft();
            stored.persist();
            completed |= apply(me, stored, event, followUps, warnings);
            applied++;
        }
        if (applied > 0) {
            reported.fire(new TechnicianReported(me, ordered.get(ordered.size() - 1).occurredAt().toInstant(),
                    completed));
        }
        return new Outcome(events.size(), applied, duplicates, followUps, warnings);
    }

    @Transactional
    public int recordPositions(long technicianId, PositionBatch batch) {
        if (batch == null || batch.positions() == null || batch.positions().isEmpty()) {
            throw ApiProblem.invalid("positions", "Send at least one position.");
        }
        if (batch.positions().size() > MAX_BATCH) {
            throw ApiProblem.invalid("positions", "At most " + MAX_BATCH + " positions per batch.");
        }
        for (int i = 0; i < batch.positions().size(); i++) {
            Position p = batch.positions().get(i);
            String field = "positions[" + i + "].";
            if (p.recordedAt() == null) {
                throw ApiProblem.invalid(field + "recordedAt", "When the position was taken is required.");
            }
            EventChecks.checkPosition(p.latitude(), p.longitude(), field);
            if (p.latitude() == null) {
                throw ApiProblem.invalid(field + "latitude", "A position needs latitude and longitude.");
            }
        }
        Technician me = Technician.findById(technicianId);
        Instant before = me.lastPositionAt;
        for (Position p : batch.positions()) {
            me.positionedAt(p.latitude(), p.longitude(), p.recordedAt().toInstant());
            driveLog.position(me, p.latitude(), p.longitude(), p.recordedAt().toInstant());
        }
        if (!java.util.Objects.equals(before, me.lastPositionAt)) {
            // Only positions newer than the last one tell anything.
            reported.fire(new TechnicianReported(me, me.lastPositionAt, false));
        }
        return batch.positions().size();
    }

    private boolean apply(Technician me, TechnicianEvent stored, Event event, List<Long> followUps,
            List<String> warnings) {
        Instant at = stored.occurredAt;
        if (stored.latitude != null && stored.longitude != null) {
            me.positionedAt(stored.latitude, stored.longitude, at);
            driveLog.position(me, stored.latitude, stored.longitude, at);
        }
        Visit visit = stored.visit;
        switch (stored.type) {
            case EN_ROUTE -> {
                if (visit.advanceTo(VisitStatus.EN_ROUTE, at)) {
                    if (visit.ticket != null && visit.ticket.status == TicketStatus.OPEN) {
                        visit.ticket.changeStatus(TicketStatus.IN_PROGRESS, at);
                    }
                    notifications.aboutAll(visit, NotificationKind.TECHNICIAN_ON_THE_WAY);
                }
            }
            case ARRIVED -> {
                if (!visit.advanceTo(VisitStatus.ON_SITE, at)) {
                    visit.arrivedAt(at); // a late report of an earlier arrival still counts
                }
                driveLog.arrived(me, visit, at);
            }
            case RUNNING_LONG -> {
                if (!visit.expectDone(at.plus(Duration.ofMinutes(event.minutesLeft())), at)) {
                    warnings.add("Visit " + visit.id + " is not on site (" + visit.status + ") or has a newer report; "
                            + "the RUNNING_LONG event was kept but changed nothing.");
                }
            }
            case COMPLETED -> {
                if (!finish(me, visit, event, VisitStatus.DONE, event.notes(), at, warnings)) {
                    return false;
                }
                if (visit.ticket != null && visit.ticket.status.isOpen() && Visit.count("ticket = ?1 and status in ?2",
                        visit.ticket, VisitStatus.ACTIVE) == 0) {
                    visit.ticket.changeStatus(TicketStatus.RESOLVED, at);
                }
                notifications.aboutAll(visit, NotificationKind.VISIT_DONE);
                return true;
            }
            case INCOMPLETE -> {
                if (finish(me, visit, event, VisitStatus.INCOMPLETE, event.notes(), at, warnings)
                        && event.followUp() != null) {
                    followUps.add(followUp(visit, event, at).id);
                }
            }
            case NO_ACCESS -> {
                if (!finish(me, visit, event, VisitStatus.INCOMPLETE, "No access" + (event.notes() == null ? ""
                        : ": " + event.notes()), at, warnings)) {
                    return false;
                }
                followUps.add(followUp(visit, event, at).id);
                noAccessCallback(visit, at);
            }
            case DAY_ENDED -> endDay(me, at, warnings);
            default -> {
                // DAY_STARTED, BREAK_STARTED, BREAK_ENDED: kept in the event log (and the position, if any).
            }
        }
        return false;
    }

    /** Ends the visit; false (and a warning) when it had already ended: the event changes nothing then. */
    private static boolean finish(Technician me, Visit visit, Event event, VisitStatus result, String what, Instant at,
            List<String> warnings) {
        if (!visit.finish(result, at, what)) {
            warnings.add("Visit " + visit.id + " had already ended (" + visit.status + "); the " + event.type()
                    + " event was kept but changed nothing.");
            return false;
        }
        if (event.partsUsed() != null) {
            for (PartUse use : event.partsUsed()) {
                takeFromVan(me, use, warnings);
            }
        }
        return true;
    }

    private static void takeFromVan(Technician me, PartUse use, List<String> warnings) {
        int had = me.takeFromVan(use.partCode(), use.quantity());
        if (had < use.quantity()) {
            warnings.add("Van stock of " + use.partCode() + " was " + had + ", " + use.quantity()
                    + " used: stock set to 0, please check the van.");
        }
    }

    /** A new visit for what could not be done, open for the next working days until the desk agrees a time. */
    private Visit followUp(Visit unfinished, Event event, Instant at) {
        var asked = event.followUp();
        var followUp = Visit.followUpOf(unfinished, asked == null ? null : asked.notes());
        if (asked != null) {
            followUp.needAsTold(asked.durationMinutes(),
                    asked.skills() == null ? null : asked.skills().stream()
                            .map(s -> new SkillLevel(s.skill(), s.minLevel())).toList(),
                    asked.parts() == null ? null : asked.parts().stream()
                            .map(p -> new PartQuantity(Part.findByCode(p.partCode()), p.quantity())).toList());
        }
        ZoneId zone = unfinished.region.zone();
        LocalDate day = LocalDate.ofInstant(at, zone);
        for (int added = 0; added < FOLLOW_UP_DAYS;) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5) {
                followUp.availableBetween(day.atTime(9, 0).atZone(zone).toInstant(),
                        day.atTime(17, 0).atZone(zone).toInstant());
                added++;
            }
        }
        followUp.persist();
        audit.record("VISIT_FOLLOW_UP", "visit", followUp.id, "Follow-up of visit " + unfinished.id);
        return followUp;
    }

    private static void noAccessCallback(Visit visit, Instant at) {
        if (visit.ticket == null) {
            return;
        }
        Callback.system(visit.ticket, visit.region, CallbackKind.NO_ACCESS,
                CallbackTexts.nobodyThere(visit.site.addressLine()), at);
    }

    /**
     * The technician stops for the day. Earlier than the shift end, the shift ends now and the visits not yet
     * started go back to dispatch (live re-planning finds them a new place).
     */
    private static void endDay(Technician me, Instant at, List<String> warnings) {
        LocalDate day = LocalDate.ofInstant(at, me.region.zone());
        Shift shift = Shift.find(me.id, day);
        if (shift == null || !shift.endEarlyAt(at)) {
            return;
        }
        List<Visit> handedBack = Visit.list("technician = ?1 and status = ?2 and plannedStart >= ?3 and plannedStart < ?4",
                me, VisitStatus.DISPATCHED, day.atStartOfDay(me.region.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(me.region.zone()).toInstant());
        handedBack.forEach(Visit::handBack);
        if (!handedBack.isEmpty()) {
            warnings.add(handedBack.size() + " visit(s) not yet started went back to dispatch.");
        }
    }
}
