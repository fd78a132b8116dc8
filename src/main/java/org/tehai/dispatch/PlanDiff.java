package org.tehai.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanSnapshot.Assignment;
import org.tehai.dispatch.PlanSnapshot.RouteFigures;
import org.tehai.region.Region;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What publishing the proposal would change against the published plan of the region-day: per visit newly
 * assigned, unassigned, reassigned, re-timed or unchanged, and per technician the route figures before and after.
 */
@ApplicationScoped
public class PlanDiff {

    @Inject
    DispatchWorkflow workflow;

    @Inject
    PlanStore store;

    public enum Change {
        NEWLY_ASSIGNED, UNASSIGNED, REASSIGNED, RETIMED, UNCHANGED, STILL_UNASSIGNED
    }

    public record TechnicianRef(long id, String code, String name) {
    }

    public record WindowView(Instant start, Instant end) {
    }

    public record VisitChange(long visitId, String reference, Change change, TechnicianRef fromTechnician,
            TechnicianRef toTechnician, Instant fromStart, Instant toStart, Long startShiftMinutes,
            WindowView quotedWindow, boolean breaksQuotedWindow) {
    }

    public record RouteNumbers(int visits, long travelMinutes, long workingMinutes, long overtimeMinutes) {
    }

    public record TechnicianChange(TechnicianRef technician, RouteNumbers published, RouteNumbers proposed) {
    }

    public record DiffSummary(int newlyAssigned, int unassigned, int reassigned, int retimed, int unchanged,
            int stillUnassigned, int brokenQuotedWindows) {
    }

    public record Diff(int proposal, Integer published, String proposalScore, String publishedScore,
            DiffSummary summary, List<VisitChange> visits, List<TechnicianChange> technicians) {
    }

    public Diff diff(String regionRef, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Region region = DispatchWorkflow.region(regionRef);
            Plan proposal = workflow.currentProposal(region, date);
            Plan published = Plan.currentPublished(region, date);
            Map<Long, Assignment> before = new HashMap<>();
            if (published != null) {
                store.assignments(published).forEach(a -> before.put(a.visitId(), a));
            }
            Map<Long, TechnicianRef> technicians = new HashMap<>();
            List<VisitChange> changes = new ArrayList<>();
            int[] counts = new int[Change.values().length];
            int broken = 0;
            List<Assignment> proposed = store.assignments(proposal);
            Map<Long, Visit> visits = new HashMap<>();
            Visit.<Visit>list("id in ?1", proposed.stream().map(Assignment::visitId).toList())
                    .forEach(v -> visits.put(v.id, v));
            for (Assignment after : proposed) {
                Assignment old = before.remove(after.visitId());
                Visit visit = visits.get(after.visitId());
                Change change = change(old, after);
                counts[change.ordinal()]++;
                WindowView quoted = visit.quotedWindowStart == null ? null
                        : new WindowView(visit.quotedWindowStart, visit.quotedWindowEnd);
                boolean breaks = breaksQuotedWindow(visit, after.plannedStart());
                if (breaks) {
                    broken++;
                }
                if (change == Change.UNCHANGED && !breaks) {
                    continue;
                }
                Instant fromStart = old == null ? null : old.plannedStart();
                changes.add(new VisitChange(visit.id, visit.reference(), change,
                        old == null || !old.assigned() ? null : technician(technicians, old.technicianId()),
                        after.assigned() ? technician(technicians, after.technicianId()) : null, fromStart,
                        after.plannedStart(), fromStart == null || after.plannedStart() == null ? null
                                : Duration.between(fromStart, after.plannedStart()).toMinutes(),
                        quoted, breaks));
            }
            Map<Long, RouteNumbers> publishedRoutes = published == null ? Map.of() : numbers(store.routes(published));
            Map<Long, RouteNumbers> proposedRoutes = numbers(store.routes(proposal));
            List<TechnicianChange> routeChanges = new ArrayList<>();
            java.util.Set<Long> ids = new java.util.TreeSet<>(proposedRoutes.keySet());
            ids.addAll(publishedRoutes.keySet());
            for (Long id : ids) {
                routeChanges.add(new TechnicianChange(technician(technicians, id), publishedRoutes.get(id),
                        proposedRoutes.get(id)));
            }
            changes.sort(Comparator.comparing(VisitChange::change).thenComparing(VisitChange::visitId));
            return new Diff(proposal.number, published == null ? null : published.number,
                    proposal.score() == null ? null : proposal.score().toString(),
                    published == null ? null : published.score().toString(),
                    new DiffSummary(counts[Change.NEWLY_ASSIGNED.ordinal()], counts[Change.UNASSIGNED.ordinal()],
                            counts[Change.REASSIGNED.ordinal()], counts[Change.RETIMED.ordinal()],
                            counts[Change.UNCHANGED.ordinal()], counts[Change.STILL_UNASSIGNED.ordinal()], broken),
                    changes, routeChanges);
        });
    }

    /**
     * True when the plan starts the visit outside the window its customer was told, or leaves it unassigned
     * ({@code plannedStart} null) although a window was told.
     */
    static boolean breaksQuotedWindow(Visit visit, Instant plannedStart) {
        if (visit.quotedWindowStart == null) {
            return false;
        }
        return plannedStart == null || plannedStart.isBefore(visit.quotedWindowStart)
                || plannedStart.isAfter(visit.quotedWindowEnd);
    }

    /** What happens to one visit from the published plan ({@code before}, null when not in it) to the proposal. */
    static Change change(Assignment before, Assignment after) {
        boolean was = before != null && before.assigned();
        if (!after.assigned()) {
            return was ? Change.UNASSIGNED : Change.STILL_UNASSIGNED;
        }
        if (!was) {
            return Change.NEWLY_ASSIGNED;
        }
        if (!before.technicianId().equals(after.technicianId())) {
            return Change.REASSIGNED;
        }
        return before.plannedStart().equals(after.plannedStart()) ? Change.UNCHANGED : Change.RETIMED;
    }

    private static Map<Long, RouteNumbers> numbers(List<RouteFigures> routes) {
        Map<Long, RouteNumbers> numbers = new LinkedHashMap<>();
        for (RouteFigures r : routes) {
            numbers.put(r.technicianId(), new RouteNumbers(r.visitCount(), r.travelSeconds() / 60,
                    r.workingSeconds() / 60, r.overtimeSeconds() / 60));
        }
        return numbers;
    }

    static TechnicianRef technician(Map<Long, TechnicianRef> cache, long id) {
        return cache.computeIfAbsent(id, key -> {
            Technician technician = Technician.findById(key);
            return new TechnicianRef(technician.id, technician.code, technician.firstName + " " + technician.lastName);
        });
    }

    // ---- Explanation ----
}
