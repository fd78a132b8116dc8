package org.tehai.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.planning.DispatchPlan;
import org.tehai.region.PublishPolicy;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Publishes the best plan of a live solve without a dispatcher, in regions whose publish policy is AUTOMATIC;
 * MANUAL regions leave publishing to a dispatcher.
 * <p>
 * Nobody looks at the plan before it goes out, so only a feasible plan that breaks no window already quoted to a
 * customer is published, and at most once every {@code tehai.dispatch.auto-publish-every}, so a solve that keeps
 * improving does not publish on every tick. The run's best plan is saved just before, since publishing copies the
 * proposal as the database holds it.
 */
@ApplicationScoped
public class AutoPublisher {

    @Inject
    SolverRuns runs;

    @Inject
    PlanPublisher publisher;

    @Inject
    DispatchSettings settings;

    /** Publishes the live run's best plan as "system" when the region and the plan allow it and it is time. */
    void publishIfWanted(SolverRun run) {
        DispatchPlan best = run.latestSolution;
        if (best == null || best.getScore() == null || !best.getScore().isFeasible()
                || System.nanoTime() - run.publishedNanos < settings.autoPublishEvery().toNanos()) {
            return;
        }
        boolean breaksQuote = best.getVisits().stream().anyMatch(v -> v.getQuotedWindowMiss() > 0);
        if (breaksQuote) {
            return;
        }
        boolean automatic = QuarkusTransaction.requiringNew().call(() -> Plan.<Plan>findById(run.planId).region
                .publishPolicy == PublishPolicy.AUTOMATIC);
        if (automatic) {
            runs.flush(run.planId);
            run.publishedNanos = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> publisher.publish(Plan.findById(run.planId), "system"));
        }
    }
}
