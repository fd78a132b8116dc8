package org.tehai.incident;

/** Shared equipment found from linked calls, or an outage declared for an area. */
public enum IncidentKind {
    SHARED_EQUIPMENT, AREA_OUTAGE
}
