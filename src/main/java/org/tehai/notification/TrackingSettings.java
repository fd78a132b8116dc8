package org.tehai.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The customer's tracking link: the key that signs its tokens, how long a link lives after its visit ended, and how
 * often one link and one client address may use the page before it answers 429.
 */
@ConfigMapping(prefix = "tehai.tracking")
public interface TrackingSettings {

    /**
     * The secret that signs tracking tokens (32+ characters, the same on every replica). Unset: each start makes a
     * random one, and the links of earlier starts no longer open.
     */
    Optional<String> key();

    /** A link stops opening this long after its visit is done, could not be finished, or was cancelled. */
    @WithDefault("PT24H")
    Duration expiresAfter();

    /** Page views and button presses one link may make per period. */
    @WithDefault("30")
    int limitPerToken();

    /** Requests one client address may make to tracking pages per period, over all links. */
    @WithDefault("120")
    int limitPerAddress();

    /** Call-backs and bookings one link may ask for per period. */
    @WithDefault("3")
    int actionsPerToken();

    /** The span the limits count over. */
    @WithDefault("PT10M")
    Duration limitPeriod();
}
