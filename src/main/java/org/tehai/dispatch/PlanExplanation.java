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

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.PlanningProblemBuilder.RouteOwner;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TechnicianRoutingConstraints;
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

    public record Impact(String constraint, String score) {
    }

    public record VisitExplanation(long visitId, String reference, boolean assigned, PlanDiff.TechnicianRef technician,
            Integer position, Instant plannedStart, List<String> reasons, List<Impact> scoreImpact) {
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
                    visits.add(new VisitExplanation(entity.id, entity.reference(), false, null, null, null,
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
                totals.add(new Impact(constraint.constraintName(), constraint.score().toString()));
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
                    .map(m -> new Impact(m.constraintRef().constraintName(), m.score().toString())).toList();
            Visit entity = Visit.findById(Problem.visitId(visit));
            if (visit.getRoute() == null) {
                visits.add(new VisitExplanation(entity.id, entity.reference(), false, null, null, null,
                        whyUnassigned(problem, visit, entity, zone, true), impacts));
            } else {
                RouteOwner owner = problem.routes().get(visit.getRoute().getId());
                int position = customerPosition(visit);
                visits.add(new VisitExplanation(entity.id, entity.reference(), true,
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

    private static String windows(Problem problem, List<TimeWindow> windows, ZoneId zone) {
        return windows.stream().map(w -> w.equals(TimeWindow.ANY_TIME) ? "any time"
                : time(problem, w.start(), zone) + "–" + time(problem, w.end(), zone)).collect(Collectors.joining(", "));
    }

    private List<String> whyHere(Problem problem, PlannedVisit visit, RouteOwner owner, ZoneId zone) {
        List<String> reasons = new ArrayList<>();
        var technician = visit.getRoute().getTechnician();
        var schedule = visit.getSchedule();
        if (visit.getRoute().getVisits().indexOf(visit) < visit.getRoute().getPinnedVisitCount()) {
            reasons.add("Already started by " + owner.technicianName() + ": stays where it is.");
        } else if (visit.getPinnedRouteId() != null) {
            reasons.add("Stays with " + owner.technicianName() + ": pinned or already dispatched to them.");
        }
        if (!visit.getRequiredSkillLevels().isEmpty()) {
            reasons.add(technician.masters(visit.getRequiredSkillLevels())
                    ? owner.technicianName() + " has the skills it needs (" + skills(visit.getRequiredSkillLevels(),
                            technician.getSkillLevels()) + ")."
                    : owner.technicianName() + " lacks skills it needs (" + skills(visit.getRequiredSkillLevels(),
                            technician.getSkillLevels()) + ").");
        }
        if (!visit.getRequiredParts().isEmpty() || !visit.getRequiredTools().isEmpty()) {
            String needs = String.join(", ", new java.util.TreeSet<>(visit.getRequiredParts().keySet()))
                    + (visit.getRequiredParts().isEmpty() || visit.getRequiredTools().isEmpty() ? "" : ", ")
                    + String.join(", ", new java.util.TreeSet<>(visit.getRequiredTools()));
            if (visit.getVanStock() != null && visit.getVanStock().getShortage() > 0) {
                reasons.add("Parts missing in the van for " + needs + ".");
            } else {
                reasons.add(visit.isRestockedBefore() ? "Picks up " + needs + " at the depot earlier on the route."
                        : "Has " + needs + " in the van.");
            }
        }
        PlannedVisit previous = visit.getPreviousVisit();
        String from = previous == null ? "home" : previous.isCustomer() ? "the previous visit" : "the depot";
        reasons.add(minutes(visit.getTravelTimeFromPrevious()) + " drive from " + from + ", stop "
                + customerPosition(visit) + " of the day.");
        long wait = schedule.serviceStart() - schedule.arrivalTime();
        reasons.add("Starts " + time(problem, schedule.serviceStart(), zone) + (schedule.windowMiss() > 0
                ? ", " + minutes(schedule.windowMiss()) + " after the customer's availability (" + windows(problem,
                        visit.getWindows(), zone) + ") ends"
                : ", inside the customer's availability (" + windows(problem, visit.getWindows(), zone) + ")")
                + (wait > 60 ? "; waits " + minutes(wait) + " at the door." : "."));
        if (visit.getSlaDue() != Long.MAX_VALUE) {
            reasons.add(visit.getSlaLateness() > 0
                    ? minutes(visit.getSlaLateness()) + " after the " + visit.getPriority() + " service-level due time "
                            + time(problem, visit.getSlaDue(), zone) + "."
                    : "Within the " + visit.getPriority() + " service-level due time " + time(problem, visit.getSlaDue(),
                            zone) + ".");
        }
        if (visit.getQuotedWindow() != null) {
            reasons.add(visit.getQuotedWindowMiss() > 0 ? "Moves " + minutes(visit.getQuotedWindowMiss())
                    + " outside the window quoted to the customer (" + windows(problem, List.of(visit.getQuotedWindow()),
                            zone) + ")."
                    : "Keeps the window quoted to the customer (" + windows(problem, List.of(visit.getQuotedWindow()),
                            zone) + ").");
        }
        if (visit.getPreferredTechnicianId() != null) {
            reasons.add(visit.isWithPreferredTechnician() ? "Same technician as the earlier visit of this ticket."
                    : "Another technician than the one who came before (continuity not kept).");
        }
        return reasons;
    }

    private static String skills(Map<String, Integer> required, Map<String, Integer> has) {
        return new java.util.TreeMap<>(required).entrySet().stream().map(e -> e.getKey() + " level "
                + has.getOrDefault(e.getKey(), 0) + ", needs " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String minutes(long seconds) {
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /**
     * The first thing that rules out every technician, in the order a dispatcher would check; with
     * {@code bestPlace}, for a visit the technicians could do but have no room for, where it would fit best and
     * what that would break (a trial of every place, some tens of milliseconds on a city-size day).
     */
    private List<String> whyUnassigned(Problem problem, PlannedVisit visit, Visit entity, ZoneId zone,
            boolean bestPlace) {
        List<String> reasons = new ArrayList<>();
        DispatchPlan plan = problem.plan();
        String where = "in " + entity.region.name + " on " + problem.epoch().atZone(zone).toLocalDate();
        if (plan.getRoutes().isEmpty()) {
            reasons.add("No technician works " + where + ".");
            return reasons;
        }
        StringBuilder need = new StringBuilder();
        new java.util.TreeMap<>(visit.getRequiredSkillLevels()).forEach((skill, level) -> need
                .append(need.isEmpty() ? "" : " and ").append("skill ").append(skill).append(" level ").append(level));
        List<TechnicianRoute> skilled = plan.getRoutes().stream()
                .filter(r -> r.getTechnician().masters(visit.getRequiredSkillLevels())).toList();
        if (skilled.isEmpty()) {
            reasons.add("No technician with " + need + " works " + where + ".");
            return reasons;
        }
        boolean depot = plan.getVisits().stream().anyMatch(v -> !v.isCustomer());
        List<TechnicianRoute> equipped = skilled.stream().filter(r -> depot || (r.getTechnician().carriesAll(
                visit.getRequiredTools()) && hasParts(r.getTechnician().getVanStock(), visit.getRequiredParts()))).toList();
        if (equipped.isEmpty()) {
            StringBuilder items = new StringBuilder(need);
            new java.util.TreeMap<>(visit.getRequiredParts()).forEach((part, quantity) -> items
                    .append(items.isEmpty() ? "" : " and ").append("part ").append(part)
                    .append(quantity > 1 ? " ×" + quantity : ""));
            visit.getRequiredTools().stream().sorted().forEach(tool -> items.append(items.isEmpty() ? "" : " and ")
                    .append("tool ").append(tool));
            reasons.add("No technician with " + items + " works " + where + " (and no depot to restock from).");
            return reasons;
        }
        List<TechnicianRoute> onTime = equipped.stream().filter(r -> visit.getWindows().stream().anyMatch(
                w -> w.end() >= r.getShiftStart() && w.start() + visit.getServiceDuration() <= r.getShiftEnd()
                        + r.getAllowedOvertime())).toList();
        if (onTime.isEmpty()) {
            reasons.add("The customer's availability (" + windows(problem, visit.getWindows(), zone) + ") does not "
                    + "overlap the shift of any technician who can do the job (" + names(problem, equipped) + ").");
            return reasons;
        }
        reasons.add("The technicians who can do the job (" + names(problem, onTime) + ") are fully booked.");
        if (!bestPlace) {
            return reasons;
        }
        List<RecommendedAssignment<String, HardMediumSoftLongScore>> fits = solutionManager.recommendAssignment(plan,
                visit, v -> v.getRoute() == null ? null : problem.routes().get(v.getRoute().getId()).technicianName()
                        + " at " + time(problem, v.getSchedule().serviceStart(), zone),
                ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        // The recommendations include leaving the visit unassigned (no proposition): skip that one.
        fits.stream().filter(fit -> fit.proposition() != null).findFirst().ifPresent(best -> {
            List<String> broken = best.scoreAnalysisDiff().constraintAnalyses().stream()
                    .filter(c -> c.score().hardScore() < 0).map(ConstraintAnalysis::constraintName).map(PlanExplanation::words)
                    .toList();
            reasons.add("The best place would be with " + best.proposition() + (broken.isEmpty()
                    ? ", which would push out more urgent work." : ", which would " + String.join(" and ", broken) + "."));
        });
        return reasons;
    }

    private static boolean hasParts(Map<String, Integer> stock, Map<String, Integer> needed) {
        return needed.entrySet().stream().allMatch(e -> stock.getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    private static String names(Problem problem, List<TechnicianRoute> routes) {
        List<String> names = routes.stream().map(r -> problem.routes().get(r.getId()).technicianName()).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    /** A hard constraint, as what breaking it means. */
    static String words(String constraint) {
        return switch (constraint) {
            case TechnicianRoutingConstraints.MISSING_SKILL -> "send a technician without the skill";
            case TechnicianRoutingConstraints.MISSING_TOOL -> "send a technician without the tools";
            case TechnicianRoutingConstraints.MISSING_PARTS -> "run out of parts";
            case TechnicianRoutingConstraints.OUTSIDE_AVAILABILITY -> "start after the customer's availability ends";
            case TechnicianRoutingConstraints.SHIFT_END_EXCEEDED -> "run past the shift end and allowed overtime";
            case TechnicianRoutingConstraints.BREAK_MISSED -> "push the break out of its allowed time";
            case TechnicianRoutingConstraints.PINNED_VISIT_MOVED -> "move work already dispatched to someone else";
            default -> "worsen " + constraint.toLowerCase();
        };
    }
}
