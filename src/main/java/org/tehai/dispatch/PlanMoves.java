package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanReasons.Reason;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.PlanningProblemBuilder.RouteOwner;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A dispatcher's move of one visit in the open proposal, by hand: to a technician, at a position or the best one,
 * with the score impact and the hard rules it breaks said in words. Each move is its own transaction and is
 * audited; by default it pins the visit so the next solve keeps it there. A preview (the board while a visit is
 * dragged) is evaluated the same way and changes nothing.
 */
@ApplicationScoped
public class PlanMoves {

    @Inject
    DispatchWorkflow workflow;

    @Inject
    PlanStore store;

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    SolutionManager<DispatchPlan, HardMediumSoftLongScore> solutionManager;

    @Inject
    AssignmentRecommendations recommendations;

    @Inject
    Audit audit;

    @Inject
    ReviewProblems problems;

    /** {@code pin}: default true; {@code preview}: default false, true to see the impact without moving. */
    public record MoveRequest(Long visitId, Long technicianId, Integer position, Boolean pin, Boolean preview) {
    }

    /**
     * {@code pinned}: the move pins the visit (a preview says whether it would); {@code preview}: nothing changed.
     * {@code brokenHardConstraintsJapanese} and {@code warningsJapanese}: the same as their English fields, in
     * Japanese and in the same order.
     */
    public record MoveResult(long visitId, PlanDiff.TechnicianRef technician, int position, Instant plannedStart,
            String scoreBefore, String scoreAfter, String scoreChange, List<String> brokenHardConstraints,
            List<String> brokenHardConstraintsJapanese, List<String> warnings, List<String> warningsJapanese,
            boolean pinned, boolean preview) {
    }

    /**
     * Moves a visit in the proposal to a technician (at a 1-based position among its visits, or the best one),
     * re-times the routes, and reports the score impact. Breaking a hard constraint is allowed, with a warning,
     * and recorded in the audit log. By default the visit is also pinned so the next solve keeps it there. With
     * {@code preview} the same answer comes back, but nothing is saved, pinned or audited.
     */
    public MoveResult move(String regionRef, LocalDate date, MoveRequest request) {
        if (request == null || request.visitId() == null) {
            throw ApiProblem.invalid("visitId", "Name the visit to move.");
        }
        if (request.technicianId() == null) {
            throw ApiProblem.invalid("technicianId", "Name the technician to move the visit to.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Region region = DispatchWorkflow.region(regionRef);
            Plan proposal = workflow.currentProposal(region, date);
            if (proposal.status.isSolving()) {
                throw ApiProblem.conflict("status", "Proposal " + proposal.number + " is still solving; stop it "
                        + "before moving visits by hand (or pin the visit, which the solver takes into account).");
            }
            if (!PlanStatus.OPEN_PROPOSAL.contains(proposal.status)) {
                throw ApiProblem.conflict("status", "Proposal " + proposal.number + " is " + proposal.status
                        + "; propose again to change it.");
            }
            if (Boolean.TRUE.equals(request.preview())) {
                // A preview reads the problem the visit's panel built, and puts everything back.
                return problems.read(proposal, region, date, problem -> apply(problem, region, date, proposal, request,
                        true));
            }
            MoveResult moved = apply(builder.build(region, date, null, store.placements(proposal)), region, date,
                    proposal, request, false);
            problems.forget(proposal.id);
            return moved;
        });
    }

    /**
     * Moves the visit in the problem and reports the impact; saves, pins and audits unless it is a preview, which
     * leaves the problem as it was.
     */
    private MoveResult apply(Problem problem, Region region, LocalDate date, Plan proposal, MoveRequest request,
            boolean preview) {
        DispatchPlan plan = problem.plan();
        PlannedVisit visit = plan.visitOf(request.visitId().toString());
        if (visit == null) {
            throw ApiProblem.unknownReference("visitId", "visit of this region-day", request.visitId());
        }
        TechnicianRoute target = plan.getRoutes().stream().filter(r -> problem.routes().get(r.getId())
                .technicianId() == request.technicianId()).findFirst().orElseThrow(() -> ApiProblem.unknownReference(
                        "technicianId", "technician on shift in " + region.code + " on " + date,
                        request.technicianId()));
        if (visit.getRoute() != null
                && visit.getRoute().getVisits().indexOf(visit) < visit.getRoute().getPinnedVisitCount()) {
            throw ApiProblem.conflict("visitId", "The visit has already started; it cannot be moved.");
        }
        int customers = (int) target.getVisits().stream().filter(v -> v.isCustomer() && v != visit).count();
        if (request.position() != null && (request.position() < 1 || request.position() > customers + 1)) {
            throw ApiProblem.invalid("position", "Position runs from 1 to " + (customers + 1) + " for this "
                    + "technician, not " + request.position() + ".");
        }
        TechnicianRoute from = visit.getRoute();
        int fromIndex = from == null ? -1 : from.getVisits().indexOf(visit);
        String pinnedBefore = visit.getPinnedRouteId();
        try {
            // Constraint totals are enough for the impact: no list of matches for a thousand visits.
            ScoreAnalysis<HardMediumSoftLongScore> before = solutionManager.analyze(plan,
                    ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
            if (from != null) {
                from.getVisits().remove(visit);
            }
            int index = request.position() == null ? bestIndex(plan, target, visit)
                    : indexOfPosition(target, request.position());
            target.getVisits().add(index, visit);
            boolean pin = request.pin() == null || request.pin();
            if (pin) {
                visit.pinTo(target.getId());
            }
            ScoreAnalysis<HardMediumSoftLongScore> after = solutionManager.analyze(plan,
                    ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
            ScoreAnalysis<HardMediumSoftLongScore> change = after.diff(before);
            List<Reason> broken = change.constraintAnalyses().stream().filter(c -> c.score().hardScore() < 0)
                    .map(c -> PlanReasons.broken(c.constraintName(), c.score().hardScore())).toList();
            List<Reason> warned = change.constraintAnalyses().stream().filter(c -> c.score().hardScore() < 0)
                    .map(c -> PlanReasons.moveWarning(c.constraintName())).toList();
            List<String> warnings = Reason.english(warned);
            Visit entity = Visit.findById(request.visitId());
            RouteOwner owner = problem.routes().get(target.getId());
            if (!preview) {
                store.save(proposal, PlanSnapshot.of(problem, plan));
                if (pin) {
                    entity.pin(Technician.findById(owner.technicianId()), null);
                }
                audit.record("PLAN_VISIT_MOVED", "plan", proposal.id, "Moved " + entity.reference() + " to "
                        + owner.technicianName() + " at position " + PlanExplanation.customerPosition(visit)
                        + "; score " + before.score() + " -> " + after.score()
                        + (warnings.isEmpty() ? "" : "; WARNING: " + String.join(" ", warnings)));
            }
            return new MoveResult(entity.id, new PlanDiff.TechnicianRef(owner.technicianId(), owner.technicianCode(),
                    owner.technicianName()), PlanExplanation.customerPosition(visit),
                    problem.instant(visit.getSchedule().serviceStart()), before.score().toString(),
                    after.score().toString(), change.score().toString(), Reason.english(broken), Reason.japanese(broken),
                    warnings, Reason.japanese(warned), pin, preview);
        } finally {
            if (preview) {
                putBack(plan, visit, from, fromIndex, pinnedBefore);
            }
        }
    }

    /** Undoes a previewed move: the visit back at its place, its pin as it was. */
    private void putBack(DispatchPlan plan, PlannedVisit visit, TechnicianRoute from, int fromIndex,
            String pinnedBefore) {
        if (visit.getRoute() != null) {
            visit.getRoute().getVisits().remove(visit);
        }
        if (from != null) {
            from.getVisits().add(fromIndex, visit);
        }
        if (pinnedBefore == null) {
            visit.unpin();
        } else {
            visit.pinTo(pinnedBefore);
        }
        solutionManager.update(plan);
    }

    private static int indexOfPosition(TechnicianRoute route, int position) {
        int seen = 0;
        List<PlannedVisit> visits = route.getVisits();
        for (int i = Math.max(0, route.getPinnedVisitCount()); i < visits.size(); i++) {
            if (visits.get(i).isCustomer()) {
                seen++;
                if (seen == position) {
                    return i;
                }
            }
        }
        return visits.size();
    }

    /**
     * The place on the route where the visit costs least: Timefold's trial of every place (scored incrementally,
     * one pass over the plan), kept to the places on this route.
     */
    private int bestIndex(DispatchPlan plan, TechnicianRoute route, PlannedVisit visit) {
        record Place(String routeId, int index) {
        }
        return recommendations.manager().recommendAssignment(plan, visit,
                v -> v.getRoute() == null ? null : new Place(v.getRoute().getId(), v.getRoute().getVisits().indexOf(v)),
                ScoreAnalysisFetchPolicy.FETCH_SHALLOW).stream()
                .map(RecommendedAssignment::proposition)
                .filter(place -> place != null && place.routeId().equals(route.getId()))
                .findFirst().map(Place::index).orElse(route.getVisits().size());
    }
}
