package org.tehai.technician;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A shift as the API shows it, in the region's local time. */
public record ShiftView(long id, long technicianId, LocalDate workDate, OffsetDateTime startsAt, OffsetDateTime endsAt,
        int maxOvertimeMinutes, List<Break> breaks, long version) {

    public record Break(OffsetDateTime earliestStart, OffsetDateTime latestEnd, int durationMinutes) {
    }

    public static ShiftView of(Shift shift) {
        ZoneId zone = shift.technician.region.zone();
        return new ShiftView(shift.id, shift.technician.id, shift.workDate,
                shift.startsAt.atZone(zone).toOffsetDateTime(), shift.endsAt.atZone(zone).toOffsetDateTime(),
                shift.maxOvertimeMinutes,
                shift.breaks.stream().map(b -> new Break(b.earliestStart.atZone(zone).toOffsetDateTime(),
                        b.latestEnd.atZone(zone).toOffsetDateTime(), b.durationMinutes)).toList(),
                shift.version);
    }
}
