package org.tehai.routing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
     * region's own drives; and the most the region's average counts as against one hour's drives (less when the
     * hours clearly differ, see {@code DriveSpeeds.Model#hourWeight}).
     */
    @WithDefault("20")
    double priorDrives();

    /**
     * A drive whose position trail is longer than this many times the straight line (and 300 m) was a detour (an
     * errand, a wrong turn) and teaches nothing about the roads.
     */
    @WithDefault("1.6")
    double maxDetour();

    /** A drive whose trail stays this long in one place had a stop in it (lunch, a call) and is not learned from. */
    @WithDefault("PT10M")
    Duration longestStop();

    /** Drives shorter than this by the base times say little about speed (parking dominates) and are not learned. */
    @WithDefault("PT3M")
    Duration shortestLearnedDrive();

    /**
     * An OpenStreetMap file (PBF or XML, e.g. Geofabrik's kanto-latest.osm.pbf): drive times become fastest car drives
     * on its roads, its graph cached in {@code <tehai.data-dir>/routing-graph}. Unset: the straight line.
     */
    Optional<Path> osmFile();

    /** Up to this many locations a problem's road times are driven for every pair (one search per location). */
    @WithDefault("300")
    int maxMatrixLocations();

    /**
     * Beyond {@link #maxMatrixLocations}, each location's drives to this many nearest locations (by straight line) go
     * by road; the other pairs take the straight-line time.
     */
    @WithDefault("30")
    int nearestByRoad();
}
