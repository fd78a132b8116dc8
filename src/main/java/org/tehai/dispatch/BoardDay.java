package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanSnapshot.Assignment;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.PlanningProblemBuilder.RouteOwner;
import org.tehai.part.Depot;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.ticket.Priority;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import ai.timefold.solver.core.api.solver.SolutionManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The dispatcher's board of one region-day in one answer: a row per technician on shift with its stops in route
 * order (customer visits and depot stops, with their times), the visits the plan leaves unassigned, and, when the
 * board shows a proposal, what each visit does against the published plan. Times are in the region's zone.
 *
 * <p>The plan is rebuilt from its stored placements on today's records, as the explanation and manual moves do: a
 * visit cancelled since drops out, a visit added since shows as unassigned. The markers against the published plan
 * are {@link PlanDiff}'s, in the board's words.
 */
@ApplicationScoped
public class BoardDay {

    @Inject
    DispatchWorkflow workflow;

    @Inject
    PlanStore store;

    @Inject
    PlanningProblemBuilder builder;

    /** What a visit of the proposal does against the published plan ({@link PlanDiff.Change}, said shorter). */
    public enum Difference {
        /** Assigned now, not in the published plan (or unassigned there). */
        NEW,
        /** With another technician than in the published plan. */
        MOVED,
        /** Same technician, other start. */
        RETIMED,
        /** Assigned in the published plan, left unassigned now. */
        UNASSIGNED,
        /** As published (also: unassigned in both). */
        UNCHANGED;

        static Difference of(PlanDiff.Change change) {
            return switch (change) {
                case NEWLY_ASSIGNED -> NEW;
                case REASSIGNED -> MOVED;
                case RETIMED -> RETIMED;
                case UNASSIGNED -> UNASSIGNED;
                case UNCHANGED, STILL_UNASSIGNED -> UNCHANGED;
            };
        }
    }

    public enum StopKind {
        VISIT, DEPOT
    }

    /** Which plan the board shows; {@code comparedWithPublished} is the published version the markers refer to. */
    public record BoardPlan(long id, PlanKind kind, int number, PlanStatus status, boolean live, boolean solving,
            String score, boolean feasible, Integer comparedWithPublished) {
    }

    public record Window(OffsetDateTime start, OffsetDateTime end) {
    }

    public record Break(OffsetDateTime earliestStart, OffsetDateTime latestEnd, int durationMinutes) {
    }

    /** Where the technician's phone last was. */
    public record Position(double latitude, double longitude, OffsetDateTime at) {
    }

    public record Place(String address, Double latitude, Double longitude) {
    }

    /**
     * A customer visit as the board shows it. {@code pinned}: a dispatcher's pin keeps it with its technician;
     * {@code atRisk}: the live estimate left the quoted window; {@code breaksQuotedWindow}: this plan starts it
     * outside the window the customer was told (or leaves it unassigned); {@code diff}: null unless the board shows
     * a proposal.
     */
    public record VisitCard(long id, String reference, Priority priority, VisitStatus status, String jobType,
            String address, Double latitude, Double longitude, Window quotedWindow, boolean pinned, boolean atRisk,
            boolean breaksQuotedWindow, Difference diff, String addressJapanese) {
    }

    public record DepotCard(String code, String name, double latitude, double longitude) {
    }

    /**
     * One stop of a route: a customer visit ({@code visit}) or a depot stop to load parts ({@code depot}, arriving
     * at {@code plannedArrival}). {@code travelSeconds}: the drive from the previous stop, or from home.
     */
    public record Stop(StopKind kind, OffsetDateTime plannedArrival, OffsetDateTime serviceStart,
            OffsetDateTime serviceEnd, long travelSeconds, VisitCard visit, DepotCard depot) {
    }

    /** One technician on shift and its day. */
    public record Row(PlanDiff.TechnicianRef technician, OffsetDateTime shiftStart, OffsetDateTime shiftEnd,
            List<Break> breaks, Position lastPosition, Place home, List<Stop> stops) {
    }

    public record Board(long regionId, String regionCode, LocalDate date, String zone, BoardPlan plan, List<Row> rows,
            List<VisitCard> unassigned) {
    }

    /**
     * The board of the region-day for the plan asked ({@code null}: the open proposal when it has a plan yet, else
     * the published plan, else the open proposal still waiting for its first plan); 404 when there is none.
     */
    public Board board(String regionRef, LocalDate date, PlanKind wanted) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Region region = DispatchWorkflow.region(regionRef);
            ZoneId zone = region.zone();
            Plan plan = chosen(region, date, wanted);
            Plan published = plan.kind == PlanKind.PROPOSAL ? Plan.currentPublished(region, date) : null;
            Problem problem = builder.build(region, date, null, store.placements(plan));
            DispatchPlan model = problem.plan();
            SolutionManager.updateShadowVariables(model);

            Map<Long, Difference> differences = plan.kind == PlanKind.PROPOSAL
                    ? differences(problem, published) : Map.of();
            List<Long> visitIds = model.getVisits().stream().filter(PlannedVisit::isCustomer).map(Problem::visitId)
                    .toList();
            Map<Long, Visit> visits = visitIds.isEmpty() ? Map.of() : Visit.<Visit>list("id in ?1", visitIds).stream()
                    .collect(Collectors.toMap(v -> v.id, Function.identity()));
            Map<Long, Shift> shifts = problem.routes().isEmpty() ? Map.of() : Shift.<Shift>list("id in ?1",
                    problem.routes().values().stream().map(RouteOwner::shiftId).toList()).stream()
                    .collect(Collectors.toMap(s -> s.id, Function.identity()));
            List<Depot> depots = Depot.list("region", region);

            List<Row> rows = new ArrayList<>();
            for (TechnicianRoute route : model.getRoutes()) {
                Shift shift = shifts.get(problem.routes().get(route.getId()).shiftId());
                rows.add(row(problem, route, shift, depots, visits, differences, zone));
            }
            List<VisitCard> unassigned = model.getUnassignedCustomerVisits().stream()
                    .map(v -> card(visits.get(Problem.visitId(v)), null, differences, zone))
                    .sorted(Comparator.comparing(VisitCard::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparingLong(VisitCard::id))
                    .toList();
            return new Board(region.id, region.code, date, zone.getId(), new BoardPlan(plan.id, plan.kind,
                    plan.number, plan.status, plan.live, plan.status.isSolving(),
                    plan.score() == null ? null : plan.score().toString(),
                    plan.hardScore != null && plan.hardScore == 0, published == null ? null : published.number),
                    rows, unassigned);
        });
    }

    private Plan chosen(Region region, LocalDate date, PlanKind wanted) {
        if (wanted == PlanKind.PROPOSAL) {
            return workflow.currentProposal(region, date);
        }
        Plan published = Plan.currentPublished(region, date);
        if (wanted == PlanKind.PUBLISHED) {
            if (published == null) {
                throw ApiProblem.notFound("published plan", region.code + " " + date);
            }
            return published;
        }
        Plan open = Plan.openProposal(region, date);
        if (open != null && (open.hardScore != null || published == null)) {
            return open;
        }
        if (published == null) {
            throw ApiProblem.notFound("plan", region.code + " " + date);
        }
        return published;
    }

    /** Per visit of the proposal, what it does against the published plan: {@link PlanDiff}'s comparison. */
    private Map<Long, Difference> differences(Problem problem, Plan published) {
        Map<Long, Assignment> before = new HashMap<>();
        if (published != null) {
            store.assignments(published).forEach(a -> before.put(a.visitId(), a));
        }
        Map<Long, Difference> differences = new HashMap<>();
        for (Assignment after : PlanSnapshot.of(problem, problem.plan()).assignments()) {
            differences.put(after.visitId(), Difference.of(PlanDiff.change(before.get(after.visitId()), after)));
        }
        return differences;
    }

    private static Row row(Problem problem, TechnicianRoute route, Shift shift, List<Depot> depots,
            Map<Long, Visit> visits, Map<Long, Difference> differences, ZoneId zone) {
        Technician technician = shift.technician;
        List<Stop> stops = new ArrayList<>();
        for (PlannedVisit stop : route.getVisits()) {
            var schedule = stop.getSchedule();
            Instant arrival = problem.instant(schedule.arrivalTime());
            Instant start = problem.instant(schedule.serviceStart());
            if (stop.isCustomer()) {
                VisitCard card = card(visits.get(Problem.visitId(stop)), start, differences, zone);
                stops.add(new Stop(StopKind.VISIT, local(arrival, zone), local(start, zone),
                        local(problem.instant(schedule.departureTime()), zone), stop.getTravelTimeFromPrevious(), card,
                        null));
            } else {
                DepotCard depot = PlanningProblemBuilder.nearest(depots, technician)
                        .map(d -> new DepotCard(d.code, d.name, d.latitude, d.longitude)).orElse(null);
                stops.add(new Stop(StopKind.DEPOT, local(arrival, zone), local(start, zone),
                        local(problem.instant(schedule.departureTime()), zone), stop.getTravelTimeFromPrevious(), null,
                        depot));
            }
        }
        Position position = technician.lastLatitude == null || technician.lastLongitude == null ? null
                : new Position(technician.lastLatitude, technician.lastLongitude, local(technician.lastPositionAt, zone));
        return new Row(new PlanDiff.TechnicianRef(technician.id, technician.code, technician.fullName()),
                local(shift.startsAt, zone), local(shift.endsAt, zone),
                shift.breaks.stream().map(b -> new Break(local(b.earliestStart, zone), local(b.latestEnd, zone),
                        b.durationMinutes)).toList(),
                position, new Place(technician.homeAddress, technician.homeLatitude, technician.homeLongitude), stops);
    }

    /** The visit's card; {@code plannedStart} null when the plan leaves it unassigned. */
    private static VisitCard card(Visit visit, Instant plannedStart, Map<Long, Difference> differences, ZoneId zone) {
        Window quoted = visit.quotedWindowStart == null ? null
                : new Window(local(visit.quotedWindowStart, zone), local(visit.quotedWindowEnd, zone));
        return new VisitCard(visit.id, visit.reference(), visit.priority(), visit.status, visit.jobType,
                visit.site.addressLine(), visit.site.latitude, visit.site.longitude, quoted, visit.pinned,
                visit.atRiskSince != null, PlanDiff.breaksQuotedWindow(visit, plannedStart),
                differences.get(visit.id), visit.site.addressLineJapanese());
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
