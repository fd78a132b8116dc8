package org.tehai.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.SolverLeases.Partition;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlanChanges;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;

import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.change.ProblemChange;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps a live solve in step with its region-day in the database while dispatchers and technicians change it.
 * <p>
 * Rebuilding the day is the expensive part, so each tick first compares a cheap change stamp of what planning reads
 * with the one the solve last saw, and only when it differs rebuilds the day and compares it with what the solve
 * knows, visit by visit and shift by shift. What the model takes in place (a visit added, removed or changed, a
 * shift ending early) reaches the running solve as problem changes, so it keeps its work. A change of shape (a
 * route's fixed head changed, a route added or gone, a visit needing a part the solve has never seen) cannot be
 * applied in place: the solve is ended with a restart request, and {@link SolverRuns} starts it again from its best
 * plan.
 * <p>
 * What a solve knows lives on its {@link SolverRun}, not here, so a restarted or resumed solve knows exactly what it
 * was built from.
 */
@ApplicationScoped
public class LiveReconciler {

    private static final Logger LOG = Logger.getLogger(LiveReconciler.class);

    @Inject
    SolverManager<DispatchPlan, Long> solverManager;

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    Clock clock;

    /**
     * Takes the problem a solve starts from as what it knows, with the change stamp of its region-day read in the
     * caller's transaction, the one the problem was built in.
     */
    void rememberStart(SolverRun run, Problem problem) {
        run.knownStamp = changeStamp(run.partition);
        remember(run, problem);
    }

    private void remember(SolverRun run, Problem problem) {
        Map<String, String> visits = new HashMap<>();
        for (PlannedVisit visit : problem.plan().getVisits()) {
            visits.put(visit.getId(), visit.requestSignature());
        }
        Map<String, Long> shiftEnds = new HashMap<>();
        for (TechnicianRoute route : problem.plan().getRoutes()) {
            shiftEnds.put(route.getId(), route.getShiftEnd());
        }
        run.knownVisits = visits;
        run.knownShiftEnds = shiftEnds;
        run.knownHeads = pinnedHeads(problem.plan());
    }

    /** The visits of every route's fixed head: when these change, the live solve restarts from its best plan. */
    private static Set<String> pinnedHeads(DispatchPlan plan) {
        Set<String> heads = new HashSet<>();
        for (TechnicianRoute route : plan.getRoutes()) {
            route.getVisits().subList(0, route.getPinnedVisitCount()).forEach(v -> heads.add(v.getId()));
        }
        return heads;
    }

    /** Sends a live solve what changed in the database since it last looked. */
    void reconcile(SolverRun run) {
        String stamp = QuarkusTransaction.requiringNew().call(() -> changeStamp(run.partition));
        if (stamp.equals(run.knownStamp)) {
            return; // nothing in the region-day changed: no need to rebuild it
        }
        Problem fresh = QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = Plan.findById(run.planId);
            return builder.build(plan.region, plan.workDate, run.notBefore, Map.of());
        });
        DispatchPlan now = fresh.plan();
        boolean structural = !pinnedHeads(now).equals(run.knownHeads)
                || !now.getRoutes().stream().map(TechnicianRoute::getId).collect(Collectors.toSet())
                        .equals(run.knownShiftEnds.keySet());
        List<ProblemChange<DispatchPlan>> changes = new ArrayList<>();
        long nowSeconds = fresh.seconds(Instant.now(clock));
        Map<String, PlannedVisit> freshVisits = new HashMap<>();
        for (PlannedVisit visit : now.getVisits()) {
            freshVisits.put(visit.getId(), visit);
            String known = run.knownVisits.get(visit.getId());
            if (known != null && known.equals(visit.requestSignature())) {
                continue;
            }
            if (!run.problem.plan().knowsPartsOf(visit)) {
                structural = true;
                break;
            }
            if (known != null && placed(run, visit.getId())) {
                // A visit on a route whose request changed (publishing pins and windows every planned visit at
                // once): the solve restarts from its best plan, which the database then holds as it is now.
                structural = true;
                break;
            }
            PlannedVisit placeable = clipped(visit, nowSeconds);
            changes.add(known == null ? PlanChanges.addVisit(placeable) : PlanChanges.replaceVisit(placeable));
        }
        for (String id : run.knownVisits.keySet()) {
            if (!freshVisits.containsKey(id)) {
                changes.add(PlanChanges.removeVisit(id));
            }
        }
        for (TechnicianRoute route : now.getRoutes()) {
            Long knownEnd = run.knownShiftEnds.get(route.getId());
            if (knownEnd != null && knownEnd != route.getShiftEnd()) {
                changes.add(PlanChanges.endShift(route.getId(), route.getShiftEnd()));
            }
        }
        if (structural) {
            LOG.infof("Restarting live plan %d from its best plan: the day changed shape", run.planId);
            run.restartRequested = true;
            solverManager.terminateEarly(run.planId);
            return;
        }
        if (!changes.isEmpty()) {
            LOG.infof("Live plan %d: %d change(s)", run.planId, changes.size());
            try {
                solverManager.addProblemChanges(run.planId, changes);
                remember(run, fresh);
            } catch (IllegalStateException stoppedMeanwhile) {
                LOG.debugf("Live plan %d stopped before its changes arrived", run.planId);
                return;
            }
        }
        run.knownStamp = stamp;
    }

    /**
     * A cheap fingerprint of what planning reads for a region-day: count, sum of versions and sum of ids of the open
     * visits and of the visits planned on the day, of the region's technicians and depots and of the day's shifts.
     * Every edit (collections included) bumps a version; live estimates and position pings do not (they are excluded
     * from optimistic locking), so an equal stamp means nothing planning reads changed and the day need not be
     * rebuilt.
     */
    private static String changeStamp(Partition partition) {
        Object stamp = Plan.getEntityManager().createNativeQuery("select concat_ws('|', "
                + "(select concat(count(*), ':', sum(v.version), ':', sum(v.id)) from visit v "
                + "join region r on r.id = v.region_id where v.region_id = ?1 and (v.status in ('UNPLANNED', 'PLANNED') "
                + "or cast(v.planned_start at time zone r.time_zone as date) = ?2)), "
                + "(select concat(count(*), ':', sum(version), ':', sum(id)) from technician where region_id = ?1), "
                + "(select concat(count(*), ':', sum(s.version), ':', sum(s.id)) from shift s "
                + "join technician t on t.id = s.technician_id where t.region_id = ?1 and s.work_date = ?2), "
                + "(select concat(count(*), ':', sum(version), ':', sum(id)) from depot where region_id = ?1))")
                .setParameter(1, partition.regionId()).setParameter(2, partition.workDate()).getSingleResult();
        return String.valueOf(stamp);
    }

    /** True when the solve's latest best plan has the visit on a route. */
    private static boolean placed(SolverRun run, String visitId) {
        DispatchPlan latest = run.latestSolution;
        PlannedVisit visit = latest == null ? null : latest.visitOf(visitId);
        return visit != null && visit.getRoute() != null;
    }

    /** A visit that arrives during a live day cannot be planned in the past. */
    private static PlannedVisit clipped(PlannedVisit visit, long nowSeconds) {
        List<TimeWindow> windows = new ArrayList<>();
        for (TimeWindow window : visit.getWindows()) {
            if (window.end() >= nowSeconds) {
                windows.add(new TimeWindow(Math.max(window.start(), nowSeconds), window.end()));
            }
        }
        return windows.isEmpty() || windows.equals(visit.getWindows()) ? visit : visit.withWindows(windows);
    }
}
