package org.tehai.dispatch;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.tehai.dispatch.SolverLeases.Partition;

import io.quarkus.scheduler.Scheduled;

/**
 * The periodic work of this instance on its solves, every {@code tehai.dispatch.tick}: keep the leases, save
 * progress and obey stop requests ({@link SolverRuns}), bring live solves in step with the database
 * ({@link LiveReconciler}), publish automatically where the region wants it ({@link AutoPublisher}), and take over
 * solves whose owner is gone.
 * <p>
 * One schedule does all of it, run by run, because the order matters: a run whose lease is lost stops here before
 * anything of it is written; a run told to stop is neither fed changes nor published; and the lease is renewed right
 * after a live day was rebuilt, which may take a while. Overlapping ticks are skipped, so one tick at a time touches
 * the runs.
 */
@ApplicationScoped
public class DispatchTick {

    private static final Logger LOG = Logger.getLogger(DispatchTick.class);

    @Inject
    SolverRuns runs;

    @Inject
    SolverLeases leases;

    @Inject
    LiveReconciler reconciler;

    @Inject
    AutoPublisher autoPublisher;

    @Scheduled(every = "${tehai.dispatch.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            Set<Partition> held = leases.renew();
            for (SolverRun run : runs.runningHere()) {
                if (!held.contains(run.partition)) {
                    runs.leaseLost(run);
                    continue;
                }
                if (!runs.saveAndKeepGoing(run)) {
                    continue;
                }
                if (run.live) {
                    reconciler.reconcile(run);
                    leases.renew();
                    autoPublisher.publishIfWanted(run);
                }
            }
            for (Long orphan : leases.orphanedPlans()) {
                if (runs.start(orphan)) {
                    leases.renew(); // building the problem may take a while: renew before the next one
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Dispatch tick failed; retrying on the next one", e);
        }
    }
}
