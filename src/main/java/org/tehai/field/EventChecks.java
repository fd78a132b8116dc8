package org.tehai.field;

import java.util.List;

import org.tehai.field.FieldRequests.Event;
import org.tehai.field.FieldRequests.PartUse;
import org.tehai.field.FieldRequests.SkillNeed;
import org.tehai.part.Part;
import org.tehai.platform.api.InputRules;
import org.tehai.platform.api.TextLimits;
import org.tehai.platform.error.ApiProblem;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/**
 * What a phone's report must satisfy before anything of its batch is written: each event names the phone's own id,
 * its type and device time, a visit on this technician's route when it concerns one, known parts and sane positions.
 */
final class EventChecks {

    /** The longest a job on site may be reported to take still: a working day. */
    static final int MAX_MINUTES_LEFT = 480;

    private EventChecks() {
    }

    static void check(Technician me, Event e, String field) {
        if (e == null) {
            throw ApiProblem.invalid(field.substring(0, field.length() - 1), "The event is empty.")
                    .withCode("event-empty");
        }
        if (e.eventId() == null || e.eventId().isBlank() || e.eventId().length() > TextLimits.CLIENT_EVENT_ID) {
            throw ApiProblem.invalid(field + "eventId", "Each event needs the phone's own id (1 to "
                    + TextLimits.CLIENT_EVENT_ID + " characters).").withCode("event-id");
        }
        if (e.notes() != null && e.notes().length() > TextLimits.FREE_TEXT) {
            throw ApiProblem.invalid(field + "notes", "At most " + TextLimits.FREE_TEXT + " characters.")
                    .withCode("notes-too-long");
        }
        if (e.type() == null) {
            throw ApiProblem.invalid(field + "type", "The event type is required.").withCode("type-required");
        }
        if (e.occurredAt() == null) {
            throw ApiProblem.invalid(field + "occurredAt", "The device time of the event is required.")
                    .withCode("time-required");
        }
        checkPosition(e.latitude(), e.longitude(), field);
        if (e.type().concernsVisit() && e.visitId() == null) {
            throw ApiProblem.invalid(field + "visitId", e.type() + " needs the visit it concerns.")
                    .withCode("visit-required");
        }
        if (e.visitId() != null) {
            // Also for events that need no visit: none may name a visit that is not on this technician's route.
            if (e.visitId() <= 0) {
                throw ApiProblem.invalid(field + "visitId", "The id (" + e.visitId() + ") must be a number above zero.")
                        .withCode("visit-id");
            }
            Visit visit = Visit.findById(e.visitId());
            if (visit == null || visit.technician == null || !visit.technician.id.equals(me.id)) {
                throw ApiProblem.unprocessable(field + "visitId", "The visit (" + e.visitId() + ") is not on your route.")
                        .withCode("visit-not-on-route");
            }
            if (visit.status == VisitStatus.CANCELLED) {
                throw ApiProblem.unprocessable(field + "visitId", "The visit (" + e.visitId() + ") was cancelled.")
                        .withCode("visit-cancelled");
            }
        }
        if (e.type() == TechnicianEventType.RUNNING_LONG && e.minutesLeft() == null) {
            throw ApiProblem.invalid(field + "minutesLeft", "RUNNING_LONG needs how many more minutes the job takes.")
                    .withCode("minutes-left-required");
        }
        if (e.minutesLeft() != null) {
            if (e.type() != TechnicianEventType.RUNNING_LONG) {
                throw ApiProblem.invalid(field + "minutesLeft", "Only a RUNNING_LONG event says how long the job "
                        + "still takes.").withCode("minutes-left-not-running-long");
            }
            if (e.minutesLeft() < 1 || e.minutesLeft() > MAX_MINUTES_LEFT) {
                throw ApiProblem.invalid(field + "minutesLeft", "Between 1 and " + MAX_MINUTES_LEFT + " minutes.")
                        .withCode("minutes-left-range");
            }
        }
        if (e.partsUsed() != null) {
            checkParts(e.partsUsed(), field + "partsUsed");
        }
        if (e.followUp() != null) {
            if (e.type() != TechnicianEventType.INCOMPLETE) {
                throw ApiProblem.invalid(field + "followUp", "Only an INCOMPLETE event asks for a follow-up visit.")
                        .withCode("follow-up-not-incomplete");
            }
            Integer minutes = e.followUp().durationMinutes();
            if (minutes != null && (minutes < 5 || minutes > 600)) {
                throw ApiProblem.invalid(field + "followUp.durationMinutes", "Between 5 and 600 minutes.")
                        .withCode("follow-up-duration");
            }
            if (e.followUp().notes() != null && e.followUp().notes().length() > TextLimits.FREE_TEXT) {
                throw ApiProblem.invalid(field + "followUp.notes", "At most " + TextLimits.FREE_TEXT + " characters.")
                        .withCode("notes-too-long");
            }
            if (e.followUp().skills() != null && e.followUp().skills().size() > TextLimits.LIST) {
                throw ApiProblem.invalid(field + "followUp.skills", "At most " + TextLimits.LIST + " skills.")
                        .withCode("too-many-skills");
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
                        throw ApiProblem.invalid(field + "followUp.skills[" + i + "]", "A skill and a level 1 to 5.")
                                .withCode("skill-level");
                    }
                }
            }
        }
    }

    private static void checkParts(List<PartUse> parts, String field) {
        if (parts.size() > TextLimits.LIST) {
            throw ApiProblem.invalid(field, "At most " + TextLimits.LIST + " parts.").withCode("too-many-parts");
        }
        for (int i = 0; i < parts.size(); i++) {
            PartUse use = parts.get(i);
            if (use == null || use.partCode() == null || use.partCode().length() > TextLimits.CODE
                    || Part.findByCode(use.partCode()) == null) {
                throw ApiProblem.unprocessable(field + "[" + i + "].partCode", "Unknown part ("
                        + InputRules.echo(use == null ? null : use.partCode()) + ").").withCode("unknown-part");
            }
            if (use.quantity() == null || use.quantity() < 1 || use.quantity() > 10_000) {
                throw ApiProblem.invalid(field + "[" + i + "].quantity", "From 1 to 10000.").withCode("part-quantity");
            }
        }
    }

    static void checkPosition(Double latitude, Double longitude, String field) {
        if ((latitude == null) != (longitude == null)) {
            throw ApiProblem.invalid(field + (latitude == null ? "latitude" : "longitude"),
                    "Send latitude and longitude together.").withCode("position-incomplete");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw ApiProblem.invalid(field + "latitude", "Between -90 and 90.").withCode("latitude-range");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw ApiProblem.invalid(field + "longitude", "Between -180 and 180.").withCode("longitude-range");
        }
    }
}
