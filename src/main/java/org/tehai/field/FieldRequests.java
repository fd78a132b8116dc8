package org.tehai.field;

import java.time.OffsetDateTime;
import java.util.List;

/** What the technician's phone sends. */
public final class FieldRequests {

    private FieldRequests() {
    }

    /** A batch of events, in any order; each is applied once, in device-time order. */
    public record EventBatch(List<Event> events) {
    }

    /**
     * One event. {@code eventId} is the phone's own id (a resent event is ignored); {@code visitId} is required for
     * visit events; {@code followUp} only with INCOMPLETE; {@code minutesLeft} (1 to 480) only with, and always with,
     * RUNNING_LONG.
     */
    public record Event(String eventId, TechnicianEventType type, Long visitId, OffsetDateTime occurredAt,
            Double latitude, Double longitude, List<PartUse> partsUsed, String notes, FollowUp followUp,
            Integer minutesLeft) {
    }

    public record PartUse(String partCode, Integer quantity) {
    }

    /** What a follow-up visit needs; anything left out is taken from the visit that could not be finished. */
    public record FollowUp(Integer durationMinutes, List<PartUse> parts, List<SkillNeed> skills, String notes) {
    }

    public record SkillNeed(String skill, Integer minLevel) {
    }

    public record PositionBatch(List<Position> positions) {
    }

    public record Position(Double latitude, Double longitude, OffsetDateTime recordedAt) {
    }
}
