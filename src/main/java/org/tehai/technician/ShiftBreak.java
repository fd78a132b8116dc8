package org.tehai.technician;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/** A break of a given length to be taken somewhere between {@code earliestStart} and {@code latestEnd}. */
@Embeddable
public class ShiftBreak {

    public Instant earliestStart;
    public Instant latestEnd;
    public int durationMinutes;

    public ShiftBreak() {
    }

    public ShiftBreak(Instant earliestStart, Instant latestEnd, int durationMinutes) {
        this.earliestStart = earliestStart;
        this.latestEnd = latestEnd;
        this.durationMinutes = durationMinutes;
    }
}
