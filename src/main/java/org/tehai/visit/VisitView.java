package org.tehai.visit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.tehai.part.PartQuantityView;

/** A visit as the API shows it; times in the region's local offset. */
public record VisitView(long id, Long ticketId, String ticketNumber, Long incidentId, String priority, long siteId, String address,
        Double latitude, Double longitude, long regionId, Long assetId, VisitStatus status, String jobType,
        int estimatedDurationMinutes, List<VisitRequest.SkillNeed> requiredSkills, Set<String> requiredTools,
        List<PartQuantityView> requiredParts, List<VisitRequest.Window> availability, Long technicianId,
        OffsetDateTime plannedStart, Integer routePosition, boolean pinned, OffsetDateTime pinnedStart,
        VisitRequest.Window quotedWindow, OffsetDateTime estimatedStart, String estimateReason, boolean atRisk, OffsetDateTime actualArrival,
        OffsetDateTime expectedDone, OffsetDateTime actualDeparture, String outcome, String separateVisitReason,
        long version, String addressJapanese) {

    public static VisitView of(Visit v) {
        ZoneId zone = v.region.zone();
        return new VisitView(v.id, v.ticket == null ? null : v.ticket.id, v.ticket == null ? null : v.ticket.number,
                v.incidentId, v.priority().name(), v.site.id,
                v.site.addressLine(), v.site.latitude, v.site.longitude, v.region.id,
                v.asset == null ? null : v.asset.id, v.status, v.jobType, v.estimatedDurationMinutes,
                v.requiredSkills.stream().map(s -> new VisitRequest.SkillNeed(s.skill, s.level)).toList(),
                Set.copyOf(v.requiredTools), PartQuantityView.of(v.requiredParts),
                v.availability.stream().map(w -> new VisitRequest.Window(local(w.startsAt, zone), local(w.endsAt, zone)))
                        .toList(),
                v.technician == null ? null : v.technician.id, local(v.plannedStart, zone), v.routePosition,
                v.pinned, local(v.pinnedStart, zone),
                v.quotedWindowStart == null ? null
                        : new VisitRequest.Window(local(v.quotedWindowStart, zone), local(v.quotedWindowEnd, zone)),
                local(v.estimatedStart, zone), v.estimateReason, v.atRiskSince != null,
                local(v.actualArrival, zone), local(v.expectedDoneAt, zone), local(v.actualDeparture, zone), v.outcome,
                v.separateVisitReason, v.version, v.site.addressLineJapanese());
    }

    private static OffsetDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
