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

import org.tehai.arrival.JobDurations;
import org.tehai.arrival.LiveEstimates;
import org.tehai.callback.Callback;
import org.tehai.callback.CallbackKind;
import org.tehai.field.FieldRequests.Event;
import org.tehai.field.FieldRequests.EventBatch;
import org.tehai.field.FieldRequests.PartUse;
import org.tehai.field.FieldRequests.Position;
import org.tehai.field.FieldRequests.PositionBatch;
import org.tehai.field.FieldRequests.SkillNeed;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.part.Part;
import org.tehai.part.PartQuantity;
import org.tehai.platform.api.InputRules;
import org.tehai.platform.api.TextLimits;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.technician.Shift;
import org.tehai.technician.SkillLevel;
import org.tehai.technician.Technician;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.AvailabilityWindow;
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
    LiveEstimates estimates;

    @Inject
    JobDurations durations;

    /** What a batch did. */
    public record Outcome(int received, int applied, int duplicates, List<Long> followUpVisitIds,
            List<String> warnings) {
    }

    @Transactional
    public Outcome record(long technicianId, EventBatch batch) {
        if (batch == null || batch.events() == null || batch.events().isEmpty()) {
            throw ApiProblem.invalid("events", "Send at least one event.");
        }
        if (batch.events().size() > MAX_BATCH) {
            throw ApiProblem.invalid("events", "At most " + MAX_BATCH + " events per batch.");
        }
        Technician me = Technician.findById(technicianId);
        List<Event> events = batch.events();
        for (int i = 0; i < events.size(); i++) {
            check(me, events.get(i), "events[" + i + "].");
        }
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::occurredAt));
        Set<String> seen = new HashSet<>();
        int applied = 0;
        int duplicates = 0;
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
            stored.persist();
            apply(me, stored, event, followUps, warnings);
            applied++;
        }
        if (applied > 0) {
            estimates.reestimate(me, ordered.get(ordered.size() - 1).occurredAt().toInstant());
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
            checkPosition(p.latitude(), p.longitude(), field);
            if (p.latitude() == null) {
                throw ApiProblem.invalid(field + "latitude", "A position needs latitude and longitude.");
            }
        }
        Technician me = Technician.findById(technicianId);
        Instant before = me.lastPositionAt;
        for (Position p : batch.positions()) {
            updatePosition(me, p.latitude(), p.longitude(), p.recordedAt().toInstant());
        }
        if (!java.util.Objects.equals(before, me.lastPositionAt)) {
            estimates.reestimate(me, me.lastPositionAt); // only positions newer than the last one tell anything
        }
        return batch.positions().size();
    }

    private static void check(Technician me, Event e, String field) {
        if (e == null) {
            throw ApiProblem.invalid(field.substring(0, field.length() - 1), "The event is empty.");
        }
        if (e.eventId() == null || e.eventId().isBlank() || e.eventId().length() > TextLimits.CLIENT_EVENT_ID) {
            throw ApiProblem.invalid(field + "eventId", "Each event needs the phone's own id (1 to "
                    + TextLimits.CLIENT_EVENT_ID + " characters).");
        }
        if (e.notes() != null && e.notes().length() > TextLimits.FREE_TEXT) {
            throw ApiProblem.invalid(field + "notes", "At most " + TextLimits.FREE_TEXT + " characters.");
        }
        if (e.type() == null) {
            throw ApiProblem.invalid(field + "type", "The event type is required.");
        }
        if (e.occurredAt() == null) {
            throw ApiProblem.invalid(field + "occurredAt", "The device time of the event is required.");
        }
        checkPosition(e.latitude(), e.longitude(), field);
        if (e.type().concernsVisit() && e.visitId() == null) {
            throw ApiProblem.invalid(field + "visitId", e.type() + " needs the visit it concerns.");
        }
        if (e.visitId() != null) {
            // Also for events that need no visit: none may name a visit that is not on this technician's route.
            if (e.visitId() <= 0) {
                throw ApiProblem.invalid(field + "visitId", "The id (" + e.visitId() + ") must be a number above zero.");
            }
            Visit visit = Visit.findById(e.visitId());
            if (visit == null || visit.technician == null || !visit.technician.id.equals(me.id)) {
                throw ApiProblem.unprocessable(field + "visitId", "The visit (" + e.visitId() + ") is not on your route.");
            }
            if (visit.status == VisitStatus.CANCELLED) {
                throw ApiProblem.unprocessable(field + "visitId", "The visit (" + e.visitId() + ") was cancelled.");
            }
        }
        if (e.partsUsed() != null) {
            checkParts(e.partsUsed(), field + "partsUsed");
        }
        if (e.followUp() != null) {
            if (e.type() != TechnicianEventType.INCOMPLETE) {
                throw ApiProblem.invalid(field + "followUp", "Only an INCOMPLETE event asks for a follow-up visit.");
            }
            Integer minutes = e.followUp().durationMinutes();
            if (minutes != null && (minutes < 5 || minutes > 600)) {
                throw ApiProblem.invalid(field + "followUp.durationMinutes", "Between 5 and 600 minutes.");
            }
            if (e.followUp().notes() != null && e.followUp().notes().length() > TextLimits.FREE_TEXT) {
                throw ApiProblem.invalid(field + "followUp.notes", "At most " + TextLimits.FREE_TEXT + " characters.");
            }
            if (e.followUp().skills() != null && e.followUp().skills().size() > TextLimits.LIST) {
                throw ApiProblem.invalid(field + "followUp.skills", "At most " + TextLimits.LIST + " skills.");
            }
            if (e.followUp().parts() != null) {
                checkParts(e.followUp().parts(), field + "followUp.parts");
            }
            if (e.followUp().skills() != null) {
                for (int i = 0; i < e.followUp().skills().size(); i++) {
                    SkillNeed skill = e.followUp().skills().get(i);
                    if (skill == null || skill.skill() == null || skill.skill().isBlank()
                            || skill.skill().length() > TextLimits.CODE || skill.minLevel() == null
                            || skill.minLevel() < 1 || skill.minLevel() > 5) {
                        throw ApiProblem.invalid(field + "followUp.skills[" + i + "]", "A skill and a level 1 to 5.");
                    }
                }
            }
        }
    }

    private static void checkParts(List<PartUse> parts, String field) {
        if (parts.size() > TextLimits.LIST) {
            throw ApiProblem.invalid(field, "At most " + TextLimits.LIST + " parts.");
        }
        for (int i = 0; i < parts.size(); i++) {
            PartUse use = parts.get(i);
            if (use == null || use.partCode() == null || use.partCode().length() > TextLimits.CODE
                    || Part.findByCode(use.partCode()) == null) {
                throw ApiProblem.unprocessable(field + "[" + i + "].partCode", "Unknown part ("
                        + InputRules.echo(use == null ? null : use.partCode()) + ").");
            }
            if (use.quantity() == null || use.quantity() < 1 || use.quantity() > 10_000) {
                throw ApiProblem.invalid(field + "[" + i + "].quantity", "From 1 to 10000.");
            }
        }
    }

    private static void checkPosition(Double latitude, Double longitude, String field) {
        if ((latitude == null) != (longitude == null)) {
            throw ApiProblem.invalid(field + (latitude == null ? "latitude" : "longitude"),
                    "Send latitude and longitude together.");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw ApiProblem.invalid(field + "latitude", "Between -90 and 90.");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw ApiProblem.invalid(field + "longitude", "Between -180 and 180.");
        }
    }

    private void apply(Technician me, TechnicianEvent stored, Event event, List<Long> followUps,
            List<String> warnings) {
        Instant at = stored.occurredAt;
        if (stored.latitude != null) {
            updatePosition(me, stored.latitude, stored.longitude, at);
        }
        Visit visit = stored.visit;
        switch (stored.type) {
            case EN_ROUTE -> {
                if (advance(visit, VisitStatus.EN_ROUTE)) {
                    if (visit.ticket != null && visit.ticket.status == TicketStatus.OPEN) {
                        visit.ticket.changeStatus(TicketStatus.IN_PROGRESS, at);
                    }
                    notifications.aboutAll(visit, NotificationKind.TECHNICIAN_ON_THE_WAY);
                }
            }
            case ARRIVED -> {
                advance(visit, VisitStatus.ON_SITE);
                if (visit.actualArrival == null || at.isBefore(visit.actualArrival)) {
                    visit.actualArrival = at;
                }
            }
            case COMPLETED -> {
                if (!finish(me, visit, event, VisitStatus.DONE, at, warnings)) {
                    return;
                }
                if (visit.ticket != null && visit.ticket.status.isOpen() && Visit.count("ticket = ?1 and status in ?2",
                        visit.ticket, List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED, VisitStatus.DISPATCHED,
                                VisitStatus.EN_ROUTE, VisitStatus.ON_SITE)) == 0) {
                    visit.ticket.changeStatus(TicketStatus.RESOLVED, at);
                }
                notifications.aboutAll(visit, NotificationKind.VISIT_DONE);
                durations.forget();
            }
            case INCOMPLETE -> {
                if (finish(me, visit, event, VisitStatus.INCOMPLETE, at, warnings) && event.followUp() != null) {
                    followUps.add(followUp(visit, event, at).id);
                }
            }
            case NO_ACCESS -> {
                if (!finish(me, visit, event, VisitStatus.INCOMPLETE, at, warnings)) {
                    return;
                }
                visit.outcome = "No access" + (event.notes() == null ? "" : ": " + event.notes());
                followUps.add(followUp(visit, event, at).id);
                noAccessCallback(visit, at);
            }
            case DAY_ENDED -> endDay(me, at, warnings);
            default -> {
                // DAY_STARTED, BREAK_STARTED, BREAK_ENDED: kept in the event log (and the position, if any).
            }
        }
    }

    /** Moves a visit forward only: returns false for an event that arrives after a later one. */
    private static boolean advance(Visit visit, VisitStatus target) {
        if (rank(target) <= rank(visit.status)) {
            return false;
        }
        visit.status = target;
        return true;
    }

    private static int rank(VisitStatus status) {
        return switch (status) {
            case UNPLANNED, PLANNED, DISPATCHED -> 0;
            case EN_ROUTE -> 1;
            case ON_SITE -> 2;
            case DONE, INCOMPLETE -> 3;
            case CANCELLED -> 4;
        };
    }

    /** Ends the visit; false (and a warning) when it had already ended: the event changes nothing then. */
    private boolean finish(Technician me, Visit visit, Event event, VisitStatus outcome, Instant at,
            List<String> warnings) {
        if (!advance(visit, outcome)) {
            warnings.add("Visit " + visit.id + " had already ended (" + visit.status + "); the " + event.type()
                    + " event was kept but changed nothing.");
            return false;
        }
        if (visit.actualArrival == null) {
            visit.actualArrival = at;
        }
        visit.actualDeparture = at;
        if (event.notes() != null) {
            visit.outcome = event.notes();
        }
        if (event.partsUsed() != null) {
            for (PartUse use : event.partsUsed()) {
                takeFromVan(me, use, warnings);
            }
        }
        return true;
    }

    private static void takeFromVan(Technician me, PartUse use, List<String> warnings) {
        PartQuantity line = me.vanStock.stream().filter(l -> l.part.code.equals(use.partCode())).findFirst().orElse(null);
        int had = line == null ? 0 : line.quantity;
        if (had < use.quantity()) {
            warnings.add("Van stock of " + use.partCode() + " was " + had + ", " + use.quantity()
                    + " used: stock set to 0, please check the van.");
        }
        if (line != null) {
            line.quantity = Math.max(0, had - use.quantity());
        }
    }

    /** A new visit for what could not be done, open for the next working days until the desk agrees a time. */
    private Visit followUp(Visit unfinished, Event event, Instant at) {
        var followUp = new Visit();
        followUp.ticket = unfinished.ticket;
        followUp.incident = unfinished.incident;
        followUp.site = unfinished.site;
        followUp.region = unfinished.region;
        followUp.asset = unfinished.asset;
        followUp.jobType = unfinished.jobType;
        var asked = event.followUp();
        followUp.estimatedDurationMinutes = asked != null && asked.durationMinutes() != null ? asked.durationMinutes()
                : unfinished.estimatedDurationMinutes;
        if (asked != null && asked.skills() != null) {
            asked.skills().forEach(s -> followUp.requiredSkills.add(new SkillLevel(s.skill(), s.minLevel())));
        } else {
            unfinished.requiredSkills.forEach(s -> followUp.requiredSkills.add(new SkillLevel(s.skill, s.level)));
        }
        followUp.requiredTools.addAll(unfinished.requiredTools);
        if (asked != null && asked.parts() != null) {
            asked.parts().forEach(p -> followUp.requiredParts.add(new PartQuantity(Part.findByCode(p.partCode()),
                    p.quantity())));
        } else {
            unfinished.requiredParts.forEach(p -> followUp.requiredParts.add(new PartQuantity(p.part, p.quantity)));
        }
        ZoneId zone = unfinished.region.zone();
        LocalDate day = LocalDate.ofInstant(at, zone);
        for (int added = 0; added < FOLLOW_UP_DAYS;) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5) {
                followUp.availability.add(new AvailabilityWindow(day.atTime(9, 0).atZone(zone).toInstant(),
                        day.atTime(17, 0).atZone(zone).toInstant()));
                added++;
            }
        }
        followUp.outcome = asked != null && asked.notes() != null ? "Follow-up: " + asked.notes() : null;
        followUp.persist();
        audit.record("VISIT_FOLLOW_UP", "visit", followUp.id, "Follow-up of visit " + unfinished.id);
        return followUp;
    }

    private static void noAccessCallback(Visit visit, Instant at) {
        if (visit.ticket == null) {
            return;
        }
        Callback.system(visit.ticket, visit.region, CallbackKind.NO_ACCESS, "Technician found nobody at "
                + visit.site.addressLine() + "; agree a new time for the follow-up visit.", at);
    }

    /**
     * The technician stops for the day. Earlier than the shift end, the shift ends now and the visits not yet
     * started go back to dispatch (live re-planning finds them a new place).
     */
    private static void endDay(Technician me, Instant at, List<String> warnings) {
        LocalDate day = LocalDate.ofInstant(at, me.region.zone());
        Shift shift = Shift.find(me.id, day);
        if (shift == null || !at.isBefore(shift.endsAt)) {
            return;
        }
        shift.endsAt = at.isAfter(shift.startsAt) ? at : shift.startsAt.plus(Duration.ofMinutes(1));
        List<Visit> handedBack = Visit.list("technician = ?1 and status = ?2 and plannedStart >= ?3 and plannedStart < ?4",
                me, VisitStatus.DISPATCHED, day.atStartOfDay(me.region.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(me.region.zone()).toInstant());
        for (Visit visit : handedBack) {
            visit.status = VisitStatus.PLANNED;
            visit.technician = null;
            visit.shift = null;
            visit.routePosition = null;
            visit.pinned = false;
            visit.pinnedStart = null;
        }
        if (!handedBack.isEmpty()) {
            warnings.add(handedBack.size() + " visit(s) not yet started went back to dispatch.");
        }
    }

    private static void updatePosition(Technician me, Double latitude, Double longitude, Instant at) {
        if (latitude == null || (me.lastPositionAt != null && !at.isAfter(me.lastPositionAt))) {
            return;
        }
        me.lastLatitude = latitude;
        me.lastLongitude = longitude;
        me.lastPositionAt = at;
    }
}
