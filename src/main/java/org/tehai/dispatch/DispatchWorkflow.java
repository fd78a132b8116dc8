package org.tehai.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanStore.Progress;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.region.Region;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The dispatcher's actions on a region-day: propose (solve in the background), follow progress, stop, publish.
 * Each action commits before solving starts or stops, so what a request returns is what any instance sees.
 */
@ApplicationScoped
public class DispatchWorkflow {

    static final int MAX_SECONDS = 3600;

    @Inject
    SolverRuns runs;

    @Inject
    PlanStore store;

    @Inject
    PlanPublisher publisher;

    @Inject
    SolverLeases leases;

    @Inject
    Audit audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    DispatchSettings settings;

    /** How long to solve: at most {@code spentLimitSeconds}, stop earlier after {@code unimprovedSpentLimitSeconds}. */
    public record ProposalRequest(Integer spentLimitSeconds, Integer unimprovedSpentLimitSeconds) {
    }

    /** A proposal's state for the dispatcher. */
    public record ProposalView(long id, int number, PlanStatus status, boolean live, String requestedBy,
            Instant requestedAt, Instant startedAt, Instant finishedAt, Double elapsedSeconds, String score,
            Long hardScore, Long mediumScore, Long softScore, boolean feasible, int assigned, int unassigned,
            Integer spentLimitSeconds, Integer unimprovedSpentLimitSeconds, int restarts, String failure,
            String solvedBy, List<ProgressPoint> history) {
    }

    public record ProgressPoint(double elapsedSeconds, String score) {
    }

    public ProposalView propose(String regionRef, LocalDate date, ProposalRequest request, boolean live) {
        ProposalRequest limits = request == null ? new ProposalRequest(null, null) : request;
        DispatchSettings.ProposalLimits defaults = settings.proposal();
        int spent = limits.spentLimitSeconds() == null ? (int) defaults.spentLimit().toSeconds()
                : limits.spentLimitSeconds();
        Integer unimproved = limits.unimprovedSpentLimitSeconds() == null && limits.spentLimitSeconds() == null
                ? Integer.valueOf((int) defaults.unimprovedLimit().toSeconds()) : limits.unimprovedSpentLimitSeconds();
        if (spent < 1 || spent > MAX_SECONDS) {
            throw ApiProblem.invalid("spentLimitSeconds", "Solve between 1 and " + MAX_SECONDS + " seconds, not " + spent
                    + ".");
        }
        if (unimproved != null && (unimproved < 1 || unimproved > spent)) {
            throw ApiProblem.invalid("unimprovedSpentLimitSeconds", "Stop after between 1 and " + spent
                    + " seconds without improvement, not " + unimproved + ".");
        }
        long planId = QuarkusTransaction.requiringNew().call(() -> {
            Region region = region(regionRef);
            Plan open = Plan.openProposal(region, date);
            if (open != null && open.status.isSolving()) {
                throw ApiProblem.conflict("date", "Proposal " + open.number + " of " + region.code + " on " + date
                        + " is still " + open.status.name().toLowerCase() + "; stop it before proposing again.");
            }
            if (open != null) {
                open.status = PlanStatus.DISCARDED;
                open.flush();
            }
            Plan plan = new Plan();
            plan.region = region;
            plan.workDate = date;
            plan.number = Plan.nextNumber(region, date);
            plan.kind = PlanKind.PROPOSAL;
            plan.status = PlanStatus.QUEUED;
            plan.live = live;
            plan.spentLimitSeconds = live ? null : spent;
            plan.unimprovedLimitSeconds = live ? null : unimproved;
            plan.requestedBy = user.name();
            plan.requestedAt = Instant.now(clock);
            plan.persist();
            audit.record(live ? "PLAN_LIVE_STARTED" : "PLAN_PROPOSED", "plan", plan.id, (live ? "Live re-planning"
                    : "Proposal") + " " + plan.number + " of " + region.code + " on " + date
                    + (live ? "" : ", at most " + spent + " s" + (unimproved == null ? "" : ", " + unimproved
                            + " s without improvement")));
            return plan.id;
        });
        runs.start(planId);
        return QuarkusTransaction.requiringNew().call(() -> view(Plan.findById(planId)));
    }

    public ProposalView current(String regionRef, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> view(currentProposal(region(regionRef), date)));
    }

    /**
     * Stops solving and keeps the best plan found so far. The flag is set without touching the plan's version:
     * the solving instance writes progress into the same row every few seconds.
     */
    public ProposalView stop(String regionRef, LocalDate date) {
        long planId = QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = currentProposal(region(regionRef), date);
            if (plan.status.isSolving()) {
                Plan.getEntityManager().createNativeQuery("update plan set stop_requested = true where id = ?1")
                        .setParameter(1, plan.id).executeUpdate();
                if (plan.status == PlanStatus.QUEUED && !runs.isRunningHere(plan.id)) {
                    Plan.getEntityManager().createNativeQuery("update plan set status = 'STOPPED', finished_at = ?2 "
                            + "where id = ?1 and status = 'QUEUED'").setParameter(1, plan.id)
                            .setParameter(2, Instant.now(clock)).executeUpdate();
                }
                audit.record("PLAN_STOPPED", "plan", plan.id, "Stopped proposal " + plan.number);
            }
            return plan.id;
        });
        runs.stop(planId);
        return QuarkusTransaction.requiringNew().call(() -> view(Plan.findById(planId)));
    }

    public PlanPublisher.Publication publish(String regionRef, LocalDate date) {
        return publish(regionRef, date, false);
    }

    /**
     * What publishing the current proposal would do now, to the visit and the notification: the publication itself,
     * run and rolled back, so the summary a dispatcher confirms counts exactly what publishing counts.
     */
    public PlanPublisher.Publication previewPublication(String regionRef, LocalDate date) {
        return publish(regionRef, date, true);
    }

    private PlanPublisher.Publication publish(String regionRef, LocalDate date, boolean rehearsal) {
        long planId = QuarkusTransaction.requiringNew().call(() -> currentProposal(region(regionRef), date).id);
        runs.flush(planId);
        if (!rehearsal) {
            return QuarkusTransaction.requiringNew().call(() -> publishLocked(planId));
        }
        QuarkusTransaction.begin();
        try {
            return publishLocked(planId);
        } finally {
            QuarkusTransaction.rollback(); // all of it undone
        }
    }

    private PlanPublisher.Publication publishLocked(long planId) {
        return publisher.publish(Plan.findById(planId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE),
                user.name());
    }

    /** The open proposal of the day, or else the latest proposal (accepted, failed...); 404 when none. */
    Plan currentProposal(Region region, LocalDate date) {
        Plan plan = Plan.openProposal(region, date);
        if (plan == null) {
            plan = Plan.find("region = ?1 and workDate = ?2 and kind = ?3 order by number desc", region, date,
                    PlanKind.PROPOSAL).firstResult();
        }
        if (plan == null) {
            throw ApiProblem.notFound("proposal", region.code + " " + date);
        }
        return plan;
    }

    /** The region a URL names, by id or by code; 404 when there is none. */
    static Region region(String reference) {
        Region region = Region.findByIdOrCode(reference);
        if (region == null) {
            throw ApiProblem.notFound("region", reference);
        }
        return region;
    }

    ProposalView view(Plan plan) {
        Instant end = plan.finishedAt != null ? plan.finishedAt : Instant.now(clock);
        Double elapsed = plan.startedAt == null ? null : Duration.between(plan.startedAt, end).toMillis() / 1000.0;
        List<ProgressPoint> history = new ArrayList<>();
        for (Progress point : store.progress(plan)) {
            history.add(new ProgressPoint(point.elapsedMillis() / 1000.0, point.score().toString()));
        }
        String solvedBy = plan.status.isSolving()
                ? leases.holder(new SolverLeases.Partition(plan.region.id, plan.workDate)) : null;
        return new ProposalView(plan.id, plan.number, plan.status, plan.live, plan.requestedBy, plan.requestedAt,
                plan.startedAt, plan.finishedAt, elapsed, plan.score() == null ? null : plan.score().toString(),
                plan.hardScore, plan.mediumScore, plan.softScore, plan.hardScore != null && plan.hardScore == 0,
                plan.assignedCount, plan.unassignedCount, plan.spentLimitSeconds, plan.unimprovedLimitSeconds,
                plan.restarts, plan.failure, solvedBy, history);
    }
}
