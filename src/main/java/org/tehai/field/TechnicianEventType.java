package org.tehai.field;

/**
 * What a technician's phone reports. The visit events move a visit forward, except RUNNING_LONG: the job on site will
 * take about so many more minutes (with {@code minutesLeft}); the others concern the day.
 */
public enum TechnicianEventType {
    DAY_STARTED, EN_ROUTE, ARRIVED, RUNNING_LONG, BREAK_STARTED, BREAK_ENDED, COMPLETED, INCOMPLETE, NO_ACCESS,
    DAY_ENDED;

    public boolean concernsVisit() {
        return this == EN_ROUTE || this == ARRIVED || this == RUNNING_LONG || this == COMPLETED || this == INCOMPLETE
                || this == NO_ACCESS;
    }
}
