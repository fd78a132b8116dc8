package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.PlanReasons.From;
import org.tehai.dispatch.PlanReasons.Reason;
import org.tehai.dispatch.PlanReasons.Span;
import org.tehai.dispatch.PlanningProblemBuilder.RouteOwner;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.visit.Visit;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.DefaultConstraintJustification;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Why each visit of the proposal sits where it does (Timefold's score analysis, put in words a dispatcher uses) and,
 * for a visit left unassigned, the first thing that rules out every technician.
 */
@ApplicationScoped
public class PlanExplanation {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    DispatchWorkflow workflow;

    @Inject
    PlanStore store;

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    SolutionManager<DispatchPlan, HardMediumSoftLongScore> solutionManager;

    @Inject
    ReviewProblems problems;

    /** A constraint's share of the score; {@code constraintJapanese}: its name in Japanese. */
    public record Impact(String constraint, String constraintJapanese, String score) {

        static Impact of(String constraint, String score) {
            return new Impact(constraint, PlanReasons.constraintJapanese(constraint), score);
        }
    }

    /** {@code reasons} in English, {@code reasonsJapanese} the same reasons in Japanese, in the same order. */
    public record VisitExplanation(long visitId, String reference, boolean assigned, PlanDiff.TechnicianRef technician,
            Integer position, Instant plannedStart, List<String> reasons, List<String> reasonsJapanese,
            List<Impact> scoreImpact) {

        static VisitExplanation of(Visit visit, boolean assigned, PlanDiff.TechnicianRef technician, Integer position,
                Instant plannedStart, List<Reason> reasons, List<Impact> scoreImpact) {
            return new VisitExplanation(visit.id, visit.reference(), assigned, technician, position, plannedStart,
                    Reason.english(reasons), Reason.japanese(reasons), scoreImpact);
        }
    }

    public record Explanation(int proposal, String score, List<Impact> constraints, List<VisitExplanation> visits) {
    }

    /** Per visit of the proposal, why it sits where it does; per unassigned visit, the concrete reason. */
    public Explanation explain(String regionRef, LocalDate date, Long onlyVisit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Region region = DispatchWorkflow.region(regionRef);
            Plan proposal = workflow.currentProposal(region, date);
            return problems.read(proposal, region, date, problem -> explain(region, problem, proposal, onlyVisit));
        });
    }

    /**
     * Why each visit of the plan ({@code PROPOSAL}: the current proposal, {@code PUBLISHED}: the plan in force, null:
     * the open proposal, else the plan in force) is
     * left unassigned: what rules out every technician, or that those who could are fully booked. It leaves out
     * the trial of every place that {@link #explain} adds for one visit, so a day of a thousand visits answers at
     * once.
     */
    public Explanation explainUnassigned(String regionRef, LocalDate date, PlanKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Region region = DispatchWorkflow.region(regionRef);
            Plan source = kind == PlanKind.PUBLISHED ? Plan.currentPublished(region, date)
                    : kind == PlanKind.PROPOSAL ? workflow.currentProposal(region, date)
                    : Objects.requireNonNullElseGet(Plan.openProposal(region, date),
                            () -> Plan.currentPublished(region, date));
            if (source == null) {
                throw ApiProblem.notFound("plan", region.code + " " + date);
            }
            Problem problem = builder.build(region, date, null, store.placements(source));
            ZoneId zone = region.zone();
            List<VisitExplanation> visits = new ArrayList<>();
            for (PlannedVisit visit : problem.plan().getVisits()) {
                if (visit.isCustomer() && visit.getRoute() == null) {
                    Visit entity = Visit.findById(Problem.visitId(visit));
                    visits.add(VisitExplanation.of(entity, false, null, null, null,
                            whyUnassigned(problem, visit, entity, zone, false), List.of()));
                }
            }
            return new Explanation(source.number, source.score() == null ? null : source.score().toString(),
                    List.of(), visits);
        });
    }

    private Explanation explain(Region region, Problem problem, Plan proposal, Long onlyVisit) {
        DispatchPlan plan = problem.plan();
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(plan);
        Map<String, List<MatchAnalysis<HardMediumSoftLongScore>>> byVisit = new HashMap<>();
        List<Impact> totals = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : analysis.constraintAnalyses()) {
            if (!constraint.score().isZero()) {
                totals.add(Impact.of(constraint.constraintName(), constraint.score().toString()));
            }
            for (MatchAnalysis<HardMediumSoftLongScore> match : constraint.matches()) {
                if (match.justification() instanceof DefaultConstraintJustification justification) {
                    for (Object fact : justification.getFacts()) {
                        if (fact instanceof PlannedVisit visit) {
                            byVisit.computeIfAbsent(visit.getId(), k -> new ArrayList<>()).add(match);
                        }
                    }
                }
            }
        }
        ZoneId zone = region.zone();
        Map<Long, PlanDiff.TechnicianRef> technicians = new HashMap<>();
        List<VisitExplanation> visits = new ArrayList<>();
        for (PlannedVisit visit : plan.getVisits()) {
            if (!visit.isCustomer() || (onlyVisit != null && !visit.getId().equals(onlyVisit.toString()))) {
                continue;
            }
            List<Impact> impacts = byVisit.getOrDefault(visit.getId(), List.of()).stream()
                    .map(m -> Impact.of(m.constraintRef().constraintName(), m.score().toString())).toList();
            Visit entity = Visit.findById(Problem.visitId(visit));
            if (visit.getRoute() == null) {
                visits.add(VisitExplanation.of(entity, false, null, null, null,
                        whyUnassigned(problem, visit, entity, zone, true), impacts));
            } else {
                RouteOwner owner = problem.routes().get(visit.getRoute().getId());
                int position = customerPosition(visit);
                visits.add(VisitExplanation.of(entity, true,
                        PlanDiff.technician(technicians, owner.technicianId()), position,
                        problem.instant(visit.getSchedule().serviceStart()),
                        whyHere(problem, visit, owner, zone), impacts));
            }
        }
        if (onlyVisit != null && visits.isEmpty()) {
            throw ApiProblem.notFound("visit in this plan", onlyVisit);
        }
        return new Explanation(proposal.number, analysis.score().toString(), totals, visits);
    }

    /** The 1-based place of the visit among the customer visits of its route. */
    static int customerPosition(PlannedVisit visit) {
        int position = 0;
        for (PlannedVisit stop : visit.getRoute().getVisits()) {
            if (stop.isCustomer()) {
                position++;
            }
            if (stop == visit) {
                break;
            }
        }
        return position;
    }

    private static String time(Problem problem, long seconds, ZoneId zone) {
        return TIME.format(problem.instant(seconds).atZone(zone));
    }

    private static List<Span> spans(Problem problem, List<TimeWindow> windows, ZoneId zone) {
        return windows.stream().map(w -> w.equals(TimeWindow.ANY_TIME) ? Span.ANY
                : new Span(time(problem, w.start(), zone), time(problem, w.end(), zone))).toList();
    }

    private List<Reason> whyHere(Problem problem, PlannedVisit visit, RouteOwner owner, ZoneId zone) {
        List<Reason> reasons = new ArrayList<>();
        var technician = visit.getRoute().getTechnician();
        var schedule = visit.getSchedule();
        String name = owner.technicianName();
        if (visit.getRoute().getVisits().indexOf(visit) < visit.getRoute().getPinnedVisitCount()) {
            reasons.add(PlanReasons.alreadyStarted(name));
        } else if (visit.getPinnedRouteId() != null) {
            reasons.add(PlanReasons.pinned(name));
        }
        if (!visit.getRequiredSkillLevels().isEmpty()) {
            reasons.add(PlanReasons.skills(name, technician.masters(visit.getRequiredSkillLevels()),
                    visit.getRequiredSkillLevels(), technician.getSkillLevels()));
        }
        if (!visit.getRequiredParts().isEmpty() || !visit.getRequiredTools().isEmpty()) {
            TreeSet<String> parts = new TreeSet<>(visit.getRequiredParts().keySet());
            TreeSet<String> tools = new TreeSet<>(visit.getRequiredTools());
            if (visit.getVanStock() != null && visit.getVanStock().getShortage() > 0) {
                reasons.add(PlanReasons.partsMissing(parts, tools));
            } else {
                reasons.add(visit.isRestockedBefore() ? PlanReasons.restockedBefore(parts, tools)
                        : PlanReasons.inTheVan(parts, tools));
            }
        }
        PlannedVisit previous = visit.getPreviousVisit();
        reasons.add(PlanReasons.drive(visit.getTravelTimeFromPrevious(), previous == null ? From.HOME
                : previous.isCustomer() ? From.PREVIOUS : From.DEPOT, customerPosition(visit)));
        reasons.add(PlanReasons.start(time(problem, schedule.serviceStart(), zone), schedule.windowMiss(),
                spans(problem, visit.getWindows(), zone), schedule.serviceStart() - schedule.arrivalTime()));
        if (visit.getSlaDue() != Long.MAX_VALUE) {
            reasons.add(PlanReasons.serviceLevel(String.valueOf(visit.getPriority()),
                    time(problem, visit.getSlaDue(), zone), visit.getSlaLateness()));
        }
        if (visit.getQuotedWindow() != null) {
            reasons.add(PlanReasons.quotedWindow(spans(problem, List.of(visit.getQuotedWindow()), zone).get(0),
                    visit.getQuotedWindowMiss()));
        }
        if (visit.getPreferredTechnicianId() != null) {
            reasons.add(PlanReasons.continuity(visit.isWithPreferredTechnician()));
        }
        return reasons;
    }

    /**
     * The first thing that rules out every technician, in the order a dispatcher would check; with
     * {@code bestPlace}, for a visit the technicians could do but have no room for, where it would fit best and
     * what that would break (a trial of every place, some tens of milliseconds on a city-size day).
     */
    private List<Reason> whyUnassigned(Problem problem, PlannedVisit visit, Visit entity, ZoneId zone,
            boolean bestPlace) {
        List<Reason> reasons = new ArrayList<>();
        DispatchPlan plan = problem.plan();
        String region = entity.region.name;
        LocalDate day = problem.epoch().atZone(zone).toLocalDate();
        if (plan.getRoutes().isEmpty()) {
            reasons.add(PlanReasons.noTechnician(region, day));
            return reasons;
        }
        TreeSet<String> tools = new TreeSet<>(visit.getRequiredTools());
        List<TechnicianRoute> skilled = plan.getRoutes().stream()
                .filter(r -> r.getTechnician().masters(visit.getRequiredSkillLevels())).toList();
        if (skilled.isEmpty()) {
            reasons.add(PlanReasons.nobodyWith(region, day, visit.getRequiredSkillLevels(), visit.getRequiredParts(),
                    tools, false));
            return reasons;
        }
        boolean depot = plan.getVisits().stream().anyMatch(v -> !v.isCustomer());
        List<TechnicianRoute> equipped = skilled.stream().filter(r -> depot || (r.getTechnician().carriesAll(
                visit.getRequiredTools()) && hasParts(r.getTechnician().getVanStock(), visit.getRequiredParts()))).toList();
        if (equipped.isEmpty()) {
            reasons.add(PlanReasons.nobodyWith(region, day, visit.getRequiredSkillLevels(), visit.getRequiredParts(),
                    tools, true));
            return reasons;
        }
        List<TechnicianRoute> onTime = equipped.stream().filter(r -> visit.getWindows().stream().anyMatch(
                w -> w.end() >= r.getShiftStart() && w.start() + visit.getServiceDuration() <= r.getShiftEnd()
                        + r.getAllowedOvertime())).toList();
        if (onTime.isEmpty()) {
            reasons.add(PlanReasons.outsideEveryShift(spans(problem, visit.getWindows(), zone), names(problem, equipped)));
            return reasons;
        }
        reasons.add(PlanReasons.fullyBooked(names(problem, onTime)));
        if (!bestPlace) {
            return reasons;
        }
        record Place(String technician, String start) {
        }
        List<RecommendedAssignment<Place, HardMediumSoftLongScore>> fits = solutionManager.recommendAssignment(plan,
                visit, v -> v.getRoute() == null ? null : new Place(problem.routes().get(v.getRoute().getId())
                        .technicianName(), time(problem, v.getSchedule().serviceStart(), zone)),
                ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        // The recommendations include leaving the visit unassigned (no proposition): skip that one.
        fits.stream().filter(fit -> fit.proposition() != null).findFirst().ifPresent(best -> {
            List<String> broken = best.scoreAnalysisDiff().constraintAnalyses().stream()
                    .filter(c -> c.score().hardScore() < 0).map(ConstraintAnalysis::constraintName).toList();
            reasons.add(PlanReasons.bestPlace(best.proposition().technician(), best.proposition().start(), broken));
        });
        return reasons;
    }

    private static boolean hasParts(Map<String, Integer> stock, Map<String, Integer> needed) {
        return needed.entrySet().stream().allMatch(e -> stock.getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    private static List<String> names(Problem problem, List<TechnicianRoute> routes) {
        return routes.stream().map(r -> problem.routes().get(r.getId()).technicianName()).toList();
    }
}
