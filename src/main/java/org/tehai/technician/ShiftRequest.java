package org.tehai.technician;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A shift on one work date, in the region's local time ("08:30"); overnight shifts are not supported.
 * {@code version} is required when replacing an existing shift.
 */
public record ShiftRequest(
        @NotNull LocalTime start,
        @NotNull LocalTime end,
        @Min(0) @Max(240) int maxOvertimeMinutes,
        @NotNull @Size(max = 5) List<@Valid Break> breaks,
        Long version) {

    public record Break(@NotNull LocalTime earliestStart, @NotNull LocalTime latestEnd,
            @Min(5) @Max(180) int durationMinutes) {
    }
}
