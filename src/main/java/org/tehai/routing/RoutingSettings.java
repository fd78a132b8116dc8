package org.tehai.routing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where drive times come from ({@link TravelTimes}) and how they are learned from measured drives ({@link DriveSpeeds}). */
@ConfigMapping(prefix = "tehai.routing")
public interface RoutingSettings {

    /** Detour of real roads over the straight line, for the straight-line drive times. */
    @WithDefault("1.3")
    double roadFactor();

    /** Average door-to-door speed of the straight-line drive times, before measured drives teach better. */
    @WithDefault("40")
    double speedKmPerHour();

    /** Measured drives older than this no longer teach anything: roads and traffic change. */
    @WithDefault("P60D")
    Duration history();

    /**
     * How many measured drives the prior (the base drive time is right, factor 1) counts as when it is pooled with a
     * region's own drives, and the region's average with one hour's drives.
     */
    @WithDefault("20")
    double priorDrives();

    /** Drives shorter than this by the base times say little about speed (parking dominates) and are not learned. */
    @WithDefault("PT3M")
    Duration shortestLearnedDrive();
}
