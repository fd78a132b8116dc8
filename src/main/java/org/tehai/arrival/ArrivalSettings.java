package org.tehai.arrival;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How arrival windows are quoted ({@link ArrivalWindows}), learned ({@link JobDurations}) and narrowed during the
 * day ({@link LiveEstimates}).
 */
@ConfigMapping(prefix = "tehai.arrival")
public interface ArrivalSettings {

    /** Share of the arrival's spread a quoted window covers (0.9: nine arrivals in ten fall inside). */
    @WithDefault("0.9")
    double coverage();

    /**
     * Share of arrivals a window may leave after its end (at most {@code 1 - coverage}); the rest of what the
     * coverage leaves out falls before its start, where the technician waits instead of the customer.
     */
    @WithDefault("0.03")
    double lateShare();

    /** How many times a technician's day is drawn to quote the windows of a published route ({@code DaySamples}). */
    @WithDefault("1000")
    int dayDraws();

    /** The narrowest window ever quoted. */
    @WithDefault("PT1H")
    Duration minWidth();

    /** The widest window ever quoted. */
    @WithDefault("PT4H")
    Duration maxWidth();

    /** Prior spread of a job's duration, as a share of its estimate, before finished visits teach better. */
    @WithDefault("0.3")
    double jobCv();

    /** How many finished visits the prior counts as when it is pooled with a job type's own history. */
    @WithDefault("10")
    double priorWeight();

    /**
     * Prior spread of a technician's "about N more minutes" (the time then really left ÷ N), before finished visits
     * with such reports teach better ({@code TimeLeftGuesses}).
     */
    @WithDefault("0.25")
    double guessCv();

    /** Spread of a drive's duration, as a share of its planned duration. */
    @WithDefault("0.25")
    double travelCv();

    /**
     * A visit is at risk (the desk is asked to call, the customer is told) once the chance of arriving after the end
     * of the window in force reaches this share, from the spread of the work still ahead.
     */
    @WithDefault("0.7")
    double riskThreshold();

    /**
     * How often the days under way are estimated again without a report ({@code EstimateTick}; the scheduler reads it
     * as "5m", "30s", ...; "off" never).
     */
    @WithDefault("5m")
    String reestimateEvery();

    /** A window is narrowed during the day only when it gets at least this much (and a quarter) narrower. */
    @WithDefault("PT30M")
    Duration narrowBy();
}
