package org.tehai.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.tehai.dispatch.PlanStore.Progress;
import org.tehai.dispatch.PlanningProblemBuilder.Placement;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.SolverLeases.Partition;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.SolverPortfolio;
import org.tehai.region.Region;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The solves this instance runs, proposals in the background and live re-planning during the day, from start to
 * their end: stopped, done, failed, handed over at shutdown, or given up with the lease.
 * <ul>
 * <li>A solve starts only under the region-day's {@link SolverLeases lease}; losing the lease stops it here.</li>
 * <li>The best plan so far is written to the database every {@code tehai.dispatch.save-every}, so a status
 * request on any instance sees progress, and an instance taking over a dead owner's lease resumes from it.</li>
 * <li>A live solve that {@link LiveReconciler} ends with a restart request starts again here from its best plan.</li>
 * <li>A proposal with {@code tehai.dispatch.portfolio} above 1 is solved by a {@link ProposalPortfolio} instead
 * of the {@code SolverManager}; saves and progress see its best plan; what stops a solve stops all its solvers.</li>
 * </ul>
 * The map of running solves holds only what this instance solves; a proposal's status and best plan live in the
 * database, so any instance can answer for it.
 * {@link DispatchTick} drives the periodic part (saves, stop requests, lost leases, orphaned solves).
 */
@ApplicationScoped
public class SolverRuns {

    private static final Logger LOG = Logger.getLogger(SolverRuns.class);

    @Inject
    SolverManager<DispatchPlan, Long> solverManager;

    @Inject
    ProposalPortfolio portfolios;

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    PlanStore store;

    @Inject
    SolverLeases leases;

    @Inject
    LiveReconciler reconciler;

    @Inject
    Clock clock;

    @Inject
    DispatchSettings settings;

    private final Map<Long, SolverRun> running = new ConcurrentHashMap<>();
    /** Set when this instance stops: it takes no region-day any more, so the ones it hands over stay free. */
    private volatile boolean closing;
    private final Set<Long> starting = ConcurrentHashMap.newKeySet();

    /** True when this instance is solving the plan. */
    public boolean isRunningHere(long planId) {
        return running.containsKey(planId);
    }

    /**
     * Starts solving a queued proposal (or resumes one whose owner died) if this instance gets the lease of its
     * region-day. Returns false when another instance holds the lease or the plan no longer needs solving.
     */
    public boolean start(long planId) {
        if (closing) {
            return false;
        }
        if (running.containsKey(planId) || !starting.add(planId)) {
            return true; // already solving here, or being started by another thread of this instance
        }
        SolverRun started;
        try {
            started = QuarkusTransaction.requiringNew().call(() -> prepare(planId));
            if (started == null) {
                return false;
            }
            running.put(planId, started);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not start plan %d here; the next tick tries again", planId);
            return false;
        } finally {
            starting.remove(planId);
        }
        TerminationConfig termination = started.live
                ? new TerminationConfig().withSpentLimit(Duration.ofHours(24))
                : termination(started);
        if (!started.copies.isEmpty()) {
            portfolios.start(started, termination, best -> onBest(started, best), last -> onFinal(started, last),
                    error -> onFailure(started, error));
            return true;
        }
        try {
            solverManager.solveBuilder()
                    .withProblemId(planId)
                    .withProblem(started.problem.plan())
                    .withConfigOverride(new SolverConfigOverride<DispatchPlan>().withTerminationConfig(termination))
                    .withBestSolutionEventConsumer(event -> onBest(started, event.solution()))
                    .withFinalBestSolutionEventConsumer(event -> onFinal(started, event.solution()))
                    .withExceptionHandler((id, error) -> onFailure(started, error))
                    .run();
        } catch (RuntimeException e) {
            onFailure(started, e);
        }
        return true;
    }

    /** Stops the run's solver, or every member of its portfolio. */
    private void terminate(SolverRun run) {
        SolverPortfolio<DispatchPlan> portfolio = run.portfolio;
        if (portfolio != null) {
            portfolio.terminateEarly();
        } else {
            solverManager.terminateEarly(run.planId);
        }
    }

    private TerminationConfig termination(SolverRun started) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> Plan.<Plan>findById(started.planId));
        TerminationConfig config = new TerminationConfig().withSpentLimit(Duration.ofSeconds(plan.spentLimitSeconds));
        if (plan.unimprovedLimitSeconds != null) {
            config.setUnimprovedSpentLimit(Duration.ofSeconds(plan.unimprovedLimitSeconds));
        }
        return config;
    }

    private SolverRun prepare(long planId) {
        Plan plan = Plan.findById(planId);
        if (plan == null || plan.kind != PlanKind.PROPOSAL || !plan.status.isSolving()) {
            return null;
        }
        Partition partition = new Partition(plan.region.id, plan.workDate);
        if (!leases.tryAcquire(partition, planId)) {
            return null;
        }
        if (closing) {
            leases.release(partition); // stopping meanwhile: leave it to the other instances at once
            return null;
        }
        try {
            return prepareAcquired(plan, partition);
        } catch (RuntimeException e) {
            leases.release(partition);
            throw e;
        }
    }

    private SolverRun prepareAcquired(Plan plan, Partition partition) {
        long planId = plan.id;
        Instant now = Instant.now(clock);
        if (plan.stopRequested) {
            plan.status = PlanStatus.STOPPED;
            plan.finishedAt = now;
            leases.release(partition);
            return null;
        }
        boolean resuming = plan.status == PlanStatus.SOLVING;
        Map<String, Placement> warmStart = resuming || plan.live ? store.placements(plan) : Map.of();
        if (warmStart.isEmpty()) {
            warmStart = store.placements(Plan.currentPublished(plan.region, plan.workDate));
        }
        Instant notBefore = notBefore(plan.region, plan.workDate, now);
        Problem problem = builder.build(plan.region, plan.workDate, notBefore, warmStart);
        if (resuming) {
            plan.restarts++;
            LOG.infof("Resuming plan %d of region %s on %s (restart %d)", plan.id, plan.region.code, plan.workDate,
                    plan.restarts);
        }
        plan.status = PlanStatus.SOLVING;
        if (plan.startedAt == null) {
            plan.startedAt = now;
        }
        SolverRun started = new SolverRun(planId, partition, problem, plan.live, notBefore, plan.startedAt);
        started.copies = portfolios.copies(plan, notBefore, warmStart);
        reconciler.rememberStart(started, problem);
        return started;
    }

    /** Today and earlier: nothing that has not started is planned before now. Future days: any time. */
    private static Instant notBefore(Region region, LocalDate date, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, region.zone());
        return date.isAfter(today) ? null : now;
    }

    private void onBest(SolverRun run, DispatchPlan solution) {
        if (run.lost) {
            return;
        }
        PlanSnapshot snapshot = PlanSnapshot.of(run.problem, solution);
        record(run, solution, false);
        run.latest = snapshot;
        run.latestSolution = solution;
        run.dirty = true;
    }

    /**
     * Keeps a progress point when the hard or medium level changed, or at most twice a second otherwise, so an
     * all-day live solve does not write thousands of points.
     */
    private void record(SolverRun run, DispatchPlan solution, boolean last) {
        long now = System.nanoTime();
        var score = solution.getScore();
        var previous = run.lastRecorded;
        boolean levelChanged = previous == null || previous.hardScore() != score.hardScore()
                || previous.mediumScore() != score.mediumScore();
        if (last || levelChanged || now - run.lastRecordedNanos >= 500_000_000L) {
            synchronized (run.pending) {
                run.pending.add(new Progress(Math.max(0, Duration.between(run.planStartedAt, Instant.now(clock)).toMillis()), score));
            }
            run.lastRecorded = score;
            run.lastRecordedNanos = now;
        }
    }

    private void onFinal(SolverRun run, DispatchPlan solution) {
        running.remove(run.planId, run);
        if (run.lost) {
            return;
        }
        if (solution.getScore() != null) {
            run.latest = PlanSnapshot.of(run.problem, solution);
            run.dirty = true;
            record(run, solution, true);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Plan plan = locked(run.planId);
                save(run, plan);
                if (run.restartRequested) {
                    return;
                }
                plan.status = run.stopRequested || plan.stopRequested || run.live ? PlanStatus.STOPPED : PlanStatus.DONE;
                plan.finishedAt = Instant.now(clock);
            });
        } catch (RuntimeException e) {
            // Still marked solving: with its lease given back, the next tick here or elsewhere resumes it from what
            // was saved last (a kept lease would be renewed by this instance's tick, and the plan never resumed).
            LOG.errorf(e, "Could not save the final result of plan %d; it is resumed from its last save", run.planId);
            releaseQuietly(run.partition);
            return;
        }
        if (!run.restartRequested || !start(run.planId)) {
            leases.release(run.partition); // done, or it cannot start again here: free for any instance at once
        }
    }

    private void onFailure(SolverRun run, Throwable error) {
        running.remove(run.planId, run);
        LOG.errorf(error, "Solving plan %d failed", run.planId);
        QuarkusTransaction.requiringNew().run(() -> {
            Plan plan = locked(run.planId);
            plan.status = PlanStatus.FAILED;
            plan.failure = error.getClass().getSimpleName() + ": " + error.getMessage();
            plan.finishedAt = Instant.now(clock);
        });
        leases.release(run.partition);
    }

    private void save(SolverRun run, Plan plan) {
        PlanSnapshot snapshot = run.latest;
        if (run.dirty && snapshot != null) {
            run.dirty = false;
            store.save(plan, snapshot);
            plan.bestFoundAt = Instant.now(clock);
        }
        List<Progress> points;
        synchronized (run.pending) {
            points = List.copyOf(run.pending);
            run.pending.clear();
        }
        store.addProgress(plan, points);
        run.savedNanos = System.nanoTime();
    }

    /**
     * Stops a proposal and keeps its best plan so far: here when this instance solves it, otherwise by a flag the
     * owner reads on its next tick.
     */
    public void stop(long planId) {
        SolverRun run = running.get(planId);
        if (run != null) {
            run.stopRequested = true;
            terminate(run);
        }
    }

    /** Writes the latest best plan of a running solve now (before publishing it, for instance). */
    public void flush(long planId) {
        SolverRun run = running.get(planId);
        if (run != null) {
            QuarkusTransaction.requiringNew().run(() -> save(run, locked(planId)));
        }
    }

    private void releaseQuietly(Partition partition) {
        try {
            leases.release(partition);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not give back the lease of %s; it expires", partition);
        }
    }

    /**
     * The plan's row, read now and locked until the transaction ends: the periodic save, the final one and a flush
     * for publishing take turns on it, each writing over the version the one before left.
     */
    private static Plan locked(long planId) {
        return Plan.findById(planId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The solves running here now; a copy, since solves end while the caller goes through them. */
    List<SolverRun> runningHere() {
        return List.copyOf(running.values());
    }

    /**
     * The lease of the run's region-day expired or passed to another instance: stop solving here without writing
     * anything more, since whoever takes the region-day over resumes from what was saved last.
     */
    void leaseLost(SolverRun run) {
        LOG.warnf("Lost the lease of plan %d; stopping it here", run.planId);
        run.lost = true;
        running.remove(run.planId, run);
        terminate(run);
    }

    /**
     * Saves the run's best plan when {@code tehai.dispatch.save-every} has passed since the last save, and obeys a
     * stop request, which may have come to another instance. False when the run was told to stop.
     */
    boolean saveAndKeepGoing(SolverRun run) {
        boolean stop = QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = locked(run.planId);
            if (run.dirty && System.nanoTime() - run.savedNanos >= settings.saveEvery().toNanos()) {
                save(run, plan);
            }
            return plan.stopRequested;
        });
        if (stop) {
            stop(run.planId);
            return false;
        }
        return true;
    }

    /**
     * On a clean shutdown every solve saves its best plan and gives up its lease, still marked as solving: another
     * instance (or this one, restarted) resumes it at once instead of after the lease expires.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        closing = true;
        for (SolverRun run : List.copyOf(running.values())) {
            run.lost = true;
            running.remove(run.planId);
            terminate(run);
            try {
                QuarkusTransaction.requiringNew().run(() -> save(run, locked(run.planId)));
                leases.release(run.partition);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not hand over plan %d; its lease will expire", run.planId);
            }
        }
    }
}
