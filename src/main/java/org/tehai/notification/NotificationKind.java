package org.tehai.notification;

/** What the customer is told. */
public enum NotificationKind {
    WINDOW_QUOTED, WINDOW_CHANGED, WINDOW_AT_RISK, TECHNICIAN_ON_THE_WAY, VISIT_DONE
}
