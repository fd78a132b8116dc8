package org.tehai.incident;

/** Suspected (found by the desk's linking), confirmed (by a person or declared), resolved (cause recorded). */
public enum IncidentStatus {
    SUSPECTED, CONFIRMED, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
