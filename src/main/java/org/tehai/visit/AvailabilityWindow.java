package org.tehai.visit;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/** A time span when the customer can receive the technician; service must start inside one of them. */
@Embeddable
public class AvailabilityWindow {

    public Instant startsAt;
    public Instant endsAt;

    public AvailabilityWindow() {
    }

    public AvailabilityWindow(Instant startsAt, Instant endsAt) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }
}
