package org.tehai.dispatch;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How solves run in the background: the default limits of a proposal, and for live re-planning the lease that
 * keeps one solver per region-day across instances, how often progress is saved and how often a better plan is
 * published automatically.
 */
@ConfigMapping(prefix = "tehai.dispatch")
public interface DispatchSettings {

    /** Default limits of a proposal; a request may set its own. */
    ProposalLimits proposal();

    /** Lease renewal and live-change polling interval (the scheduler reads it as "1s", "500ms", ...). */
    @WithDefault("1s")
    String tick();

    /** A solver lease not renewed this long is taken over by another instance. */
    @WithDefault("PT30S")
    Duration leaseTtl();

    /** How often the best plan so far of a running solve is written to the database. */
    @WithDefault("PT2S")
    Duration saveEvery();

    /** Live re-planning in a region with publish policy AUTOMATIC publishes at most this often. */
    @WithDefault("PT30S")
    Duration autoPublishEvery();

    /**
     * How many solvers solve one proposal, each with another random seed and its own thread, the best plan kept
     * (1: one solver through the SolverManager). Live re-planning is always one solver.
     */
    @WithDefault("1")
    int portfolio();

    /** How long a proposal solves when its request does not say. */
    interface ProposalLimits {

        /** A proposal solves at most this long. */
        @WithDefault("PT60S")
        Duration spentLimit();

        /** A proposal stops earlier when its score has not improved for this long. */
        @WithDefault("PT20S")
        Duration unimprovedLimit();
    }
}
