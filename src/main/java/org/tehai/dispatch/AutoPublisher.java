package org.tehai.dispatch;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanningProblemBuilder.Placement;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.region.PublishPolicy;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Publishes the best plan of a live solve without a dispatcher, in regions whose publish policy is AUTOMATIC;
 * MANUAL regions leave publishing to a dispatcher.
 * <p>
 * Nobody looks at the plan before it goes out, so it must not make the day worse than the routes the technicians
 * have: a feasible plan that breaks no window already quoted to a customer goes out; one that does goes out only
 * when the published routes, as the day stands now (a job that ran long, a technician late), break at least as much
 * and the new plan is better, e.g. it finds a technician for a visit that had none. At most once every
 * {@code tehai.dispatch.auto-publish-every}, so a solve that keeps improving does not publish on every tick. The
 * run's best plan is saved just before, since publishing copies the proposal as the database holds it.
 */
@ApplicationScoped
public class AutoPublisher {

    @Inject
    SolverRuns runs;

    @Inject
    PlanPublisher publisher;

    @Inject
    DispatchSettings settings;

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    PlanStore store;

    @Inject
    SolutionManager<DispatchPlan, HardMediumSoftLongScore> solutionManager;

    /** Publishes the live run's best plan as "system" when the region and the plan allow it and it is time. */
    void publishIfWanted(SolverRun run) {
        DispatchPlan best = run.latestSolution;
        long every = settings.autoPublishEvery().toNanos();
        if (best == null || best.getScore() == null || System.nanoTime() - run.publishedNanos < every) {
            return;
        }
        if (!best.getScore().isFeasible() || brokenQuotes(best) > 0) {
            if (System.nanoTime() - run.comparedNanos < every) {
                return;
            }
            run.comparedNanos = System.nanoTime();
            if (!betterThanPublished(run, best)) {
                return;
            }
        }
        boolean automatic = QuarkusTransaction.requiringNew().call(() -> Plan.<Plan>findById(run.planId).region
                .publishPolicy == PublishPolicy.AUTOMATIC);
        if (automatic) {
            runs.flush(run.planId);
            run.publishedNanos = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> publisher.publish(Plan.findById(run.planId), "system"));
        }
    }

    /**
     * True when {@code best} breaks no more hard rules and no more of the customers' windows (in seconds) than the
     * published routes would as the day stands now, and is better than them.
     */
    private boolean betterThanPublished(SolverRun run, DispatchPlan best) {
        DispatchPlan published = QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = Plan.findById(run.planId);
            Map<String, Placement> placements = store.placements(Plan.currentPublished(plan.region, plan.workDate));
            return builder.build(plan.region, plan.workDate, run.notBefore, placements).plan();
        });
        HardMediumSoftLongScore now = solutionManager.update(published);
        HardMediumSoftLongScore proposed = best.getScore();
        return proposed.hardScore() >= now.hardScore() && brokenQuotes(best) <= brokenQuotes(published)
                && proposed.compareTo(now) > 0;
    }

    /** Seconds by which planned arrivals miss the windows their customers were told, over the whole plan. */
    private static long brokenQuotes(DispatchPlan plan) {
        return plan.getVisits().stream().mapToLong(PlannedVisit::getQuotedWindowMiss).sum();
    }
}
