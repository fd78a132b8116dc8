package org.tehai.ticket;

/** What the customer cannot do because of the fault: a structured code for triage and later analysis. */
public enum Impact {
    /** Cannot use the service at all (no TV, no internet, no phone). */
    NO_SERVICE,
    /** Part of the service is unusable (some channels, one room, outgoing calls only). */
    PART_OF_SERVICE,
    /** Works, but badly (slow, breaking up). */
    DEGRADED,
    /** An annoyance: the service is usable. */
    INCONVENIENCE,
    /** Someone may be hurt or property damaged (exposed wiring, smoke, water). */
    SAFETY_RISK
}
