package org.tehai.field;

/** What a technician's phone reports. The visit events move a visit forward; the others concern the day. */
public enum TechnicianEventType {
    DAY_STARTED, EN_ROUTE, ARRIVED, BREAK_STARTED, BREAK_ENDED, COMPLETED, INCOMPLETE, NO_ACCESS, DAY_ENDED;

    public boolean concernsVisit() {
        return this == EN_ROUTE || this == ARRIVED || this == COMPLETED || this == INCOMPLETE || this == NO_ACCESS;
    }
}
