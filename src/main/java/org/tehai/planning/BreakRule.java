package org.tehai.planning;

/**
 * A technician's break: {@code length} seconds that must lie inside [{@code earliestStart}, {@code latestEnd}].
 * The route timeline takes it at the first moment it fits (see {@link VisitSchedule}).
 */
public record BreakRule(long length, long earliestStart, long latestEnd) {

    public BreakRule {
        if (length <= 0) {
            throw new IllegalArgumentException("The break length (%d) must be positive.".formatted(length));
        }
        if (latestEnd - earliestStart < length) {
            throw new IllegalArgumentException("The break interval [%d, %d] is shorter than the break (%d)."
                    .formatted(earliestStart, latestEnd, length));
        }
    }

    public long latestStart() {
        return latestEnd - length;
    }
}
