package org.tehai.region;

/** How a region publishes what live re-planning finds. */
public enum PublishPolicy {
    /** A dispatcher reviews the proposal and publishes it. */
    MANUAL,
    /** A better plan is published by itself when it is feasible and breaks no window already quoted. */
    AUTOMATIC
}
