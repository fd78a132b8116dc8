package org.tehai.ticket;

/** Why a complaint happened: the category that the lesson learned is filed under. */
public enum CauseCategory {
    LATE_ARRIVAL, MISSED_APPOINTMENT, REPEAT_FAULT, QUALITY_OF_WORK, STAFF_CONDUCT, COMMUNICATION, BILLING,
    NO_PROBLEM_FOUND, OTHER
}
