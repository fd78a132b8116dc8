package org.tehai.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tehai.dispatch.PlanStore.Progress;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.SolverLeases.Partition;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.SolverPortfolio;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One solve of this instance and what its results map back to: the plan and region-day it solves, the problem it
 * started from, the best plan not yet saved, and for live re-planning what the solve knows of the day.
 * <p>
 * Solver threads, the tick and requests all touch a run, so what they exchange is volatile (or, for the progress
 * points, guarded by the list); the live knowledge is set before the run is shared and afterwards only read and
 * replaced by the tick.
 */
final class SolverRun {

    final long planId;
    final Partition partition;
    final Problem problem;
    final boolean live;
    /** When the plan first started solving (on any instance): progress is timed from there. */
    final Instant planStartedAt;
    final Instant notBefore;
    final List<Progress> pending = new ArrayList<>();
    volatile PlanSnapshot latest;
    volatile DispatchPlan latestSolution;
    volatile boolean dirty;
    volatile HardMediumSoftLongScore lastRecorded;
    volatile long lastRecordedNanos;
    volatile long savedNanos = System.nanoTime();
    volatile long publishedNanos;
    volatile boolean stopRequested;
    volatile boolean restartRequested;
    volatile boolean lost;
    /**
     * A proposal solved by a portfolio: the problem of every member after the first (empty for one solver; set
     * before the run is shared, handed to the members at the start), and the portfolio once it exists.
     */
    volatile List<DispatchPlan> copies = List.of();
    volatile SolverPortfolio<DispatchPlan> portfolio;
    /** Live: the request of every visit and the end of every shift as the solve knows them. */
    Map<String, String> knownVisits = new HashMap<>();
    Map<String, Long> knownShiftEnds = new HashMap<>();
    Set<String> knownHeads = Set.of();
    /**
     * What the region-day looked like in the database when the live solve last compared (the change stamp of
     * {@link LiveReconciler}).
     */
    volatile String knownStamp;

    SolverRun(long planId, Partition partition, Problem problem, boolean live, Instant notBefore,
            Instant planStartedAt) {
        this.planStartedAt = planStartedAt;
        this.planId = planId;
        this.partition = partition;
        this.problem = problem;
        this.live = live;
        this.notBefore = notBefore;
    }
}
