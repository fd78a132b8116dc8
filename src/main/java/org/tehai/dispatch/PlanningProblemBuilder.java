package org.tehai.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.part.Depot;
import org.tehai.part.PartQuantity;
import org.tehai.planning.BreakRule;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.PlanningTechnician;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;
import org.tehai.region.Region;
import org.tehai.routing.TravelTimes;
import org.tehai.technician.Shift;
import org.tehai.technician.ShiftBreak;
import org.tehai.technician.SkillLevel;
import org.tehai.technician.Technician;
import org.tehai.visit.AvailabilityWindow;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import ai.timefold.solver.core.api.solver.SolutionManager;

import io.quarkus.panache.common.Sort;

/**
 * Builds the solver's snapshot of one region and local work date from the system of record: a route per
 * technician shift on that date, a planned visit per visit that can be done that day, and one optional depot
 * stop per technician at the depot nearest its home. Times become seconds since local midnight of the date.
 * <ul>
 * <li>Visits already started or finished that day (en route, on site, done, incomplete) form the fixed head of
 * their technician's route, in the order they happened.</li>
 * <li>Dispatched visits stay with the technician who has them (the solver may still re-order them), and keep
 * the window the customer was told as a soft target.</li>
 * <li>A dispatcher's pin keeps a visit with its technician and, when given, at its exact start time.</li>
 * <li>With {@code notBefore} (re-planning today), no visit not yet started is planned to start earlier.</li>
 * </ul>
 * The snapshot is plain data: the solver clones and changes it on its own threads while the entities stay as
 * they are; results are written back by the dispatch workflow.
 */
@ApplicationScoped
public class PlanningProblemBuilder {

    @Inject
    TravelTimes travelTimes;

    /** How long loading parts at a depot takes. */
    static final Duration RESTOCK_TIME = Duration.ofMinutes(10);

    /** Visits that planning may still place. */
    static final List<VisitStatus> PLANNABLE = List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED);
    /** Visits that stay where they are on their technician's route. */
    static final List<VisitStatus> STARTED = List.of(VisitStatus.EN_ROUTE, VisitStatus.ON_SITE, VisitStatus.DONE,
            VisitStatus.INCOMPLETE);

    /** Who drives a route: the shift and its technician. */
    public record RouteOwner(long shiftId, long technicianId, String technicianCode, String technicianName) {
    }

    /** Where a stop sits in an earlier plan (index among all stops of the route), to start solving from there. */
    public record Placement(long shiftId, int stopIndex) {
    }

    /** The snapshot and what it was built from, so results can be mapped back (plain data, any thread). */
    public record Problem(DispatchPlan plan, Instant epoch, Map<String, RouteOwner> routes) {

        public Instant instant(long seconds) {
            return epoch.plusSeconds(seconds);
        }

        public long seconds(Instant instant) {
            return Duration.between(epoch, instant).toSeconds();
        }

        public static long visitId(PlannedVisit visit) {
            return Long.parseLong(visit.getId());
        }
    }

    public Problem build(Region region, LocalDate date) {
        return build(region, date, null, Map.of());
    }

    /**
     * @param notBefore no visit that has not started is planned to start before this instant (null: any time)
     * @param warmStart where visits sat in an earlier plan (visit id to placement); the solve starts from there
     */
    public Problem build(Region region, LocalDate date, Instant notBefore, Map<String, Placement> warmStart) {
        ZoneId zone = region.zone();
        Instant epoch = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        long earliest = notBefore == null ? Long.MIN_VALUE : seconds(epoch, notBefore);

        List<Depot> depots = Depot.list("region", Sort.by("code"), region);
        List<PlanningTechnician> technicians = new ArrayList<>();
        List<TechnicianRoute> routes = new ArrayList<>();
        List<PlannedVisit> planned = new ArrayList<>();
        Map<String, RouteOwner> owners = new LinkedHashMap<>();
        Map<Long, String> routeByTechnician = new HashMap<>();
        Map<Long, String> routeByShift = new HashMap<>();
        for (Shift shift : Shift.<Shift>list("technician.region = ?1 and technician.active = true and workDate = ?2",
                Sort.by("technician.code"), region, date)) {
            Technician technician = shift.technician;
            var planningTechnician = new PlanningTechnician(technician.id.toString(),
                    new Location(technician.homeLatitude, technician.homeLongitude), skillLevels(technician.skills),
                    technician.tools, quantities(technician.vanStock));
            technicians.add(planningTechnician);
            String routeId = "shift-" + shift.id;
            routes.add(new TechnicianRoute(routeId, planningTechnician, seconds(epoch, shift.startsAt),
                    seconds(epoch, shift.endsAt), Duration.ofMinutes(shift.maxOvertimeMinutes).toSeconds(),
                    breakRule(shift, epoch)));
            owners.put(routeId, new RouteOwner(shift.id, technician.id, technician.code, technician.fullName()));
            routeByTechnician.put(technician.id, routeId);
            routeByShift.put(shift.id, routeId);
            nearest(depots, technician).ifPresent(depot -> planned.add(PlannedVisit.depotStop("depot-" + routeId,
                    new Location(depot.latitude, depot.longitude), RESTOCK_TIME.toSeconds())));
        }

        // Started or finished today: the fixed head of their technician's route.
        Map<String, List<PlannedVisit>> heads = new HashMap<>();
        List<Visit> started = Visit.list("region = ?1 and status in ?2 and technician is not null and plannedStart >= ?3 "
                + "and plannedStart < ?4", Sort.by("actualArrival").and("plannedStart").and("id"), region, STARTED,
                epoch, dayEnd);
        for (Visit visit : started) {
            // A visit this transaction read earlier comes back as it was then: its technician may not be set yet.
            String routeId = visit.technician == null ? null : routeByTechnician.get(visit.technician.id);
            if (routeId != null) {
                PlannedVisit fixed = customerVisit(visit, List.of(TimeWindow.ANY_TIME), null, epoch);
                planned.add(fixed);
                heads.computeIfAbsent(routeId, r -> new ArrayList<>()).add(fixed);
            }
        }

        List<Visit> open = Visit.list("region = ?1 and (status in ?2 or (status = ?3 and plannedStart >= ?4 "
                + "and plannedStart < ?5))", Sort.by("id"), region, PLANNABLE, VisitStatus.DISPATCHED, epoch, dayEnd);
        Map<Long, String> earlierTechnician = earlierTechnicians(open);
        for (Visit visit : open) {
            String pinnedRoute = null;
            if ((visit.pinned || visit.status == VisitStatus.DISPATCHED) && visit.technician != null) {
                pinnedRoute = routeByTechnician.get(visit.technician.id);
            }
            List<TimeWindow> windows;
            if (visit.pinned && visit.pinnedStart != null && pinnedRoute != null) {
                long at = seconds(epoch, visit.pinnedStart);
                windows = List.of(new TimeWindow(at, at));
            } else {
                windows = availabilityOn(visit, epoch, dayEnd, earliest);
            }
            if (windows.isEmpty()) {
                continue;
            }
            planned.add(plannable(visit, windows, visit.ticket == null ? null : earlierTechnician.get(visit.ticket.id),
                    pinnedRoute, epoch));
        }

        DispatchPlan plan = new DispatchPlan(technicians, routes, planned, travelTimes.forRegion(region.id, zone));
        for (TechnicianRoute route : routes) {
            route.pinVisits(heads.getOrDefault(route.getId(), List.of()));
        }
        if (!warmStart.isEmpty()) {
            placeAsBefore(plan, warmStart, routeByShift);
        }
        return new Problem(plan, epoch, owners);
    }

    /**
     * The customer's availability on the day from {@code epoch} to {@code dayEnd} as planning windows (seconds from
     * {@code epoch}), none starting before {@code earliest}.
     */
    public static List<TimeWindow> availabilityOn(Visit visit, Instant epoch, Instant dayEnd, long earliest) {
        List<TimeWindow> windows = new ArrayList<>();
        for (AvailabilityWindow window : visit.availability) {
            if (window.startsAt.isBefore(dayEnd) && window.endsAt.isAfter(epoch)) {
                long from = Math.max(seconds(epoch, window.startsAt), earliest);
                long to = seconds(epoch, window.endsAt);
                if (from <= to) {
                    windows.add(new TimeWindow(from, to));
                }
            }
        }
        return windows;
    }

    /**
     * A visit that is not in the problem, as planning would see it on the problem's day when offered in
     * {@code windows}: continuity with the ticket's earlier technician, a dispatcher's pin, the window already told.
     * For trying the visit out (slot offers) without planning it.
     */
    public PlannedVisit trialVisit(Problem problem, Visit visit, List<TimeWindow> windows) {
        String pinnedRoute = !visit.pinned || visit.technician == null ? null
                : problem.routes().entrySet().stream().filter(e -> e.getValue().technicianId() == visit.technician.id)
                        .map(Map.Entry::getKey).findFirst().orElse(null);
        String preferred = visit.ticket == null ? null : earlierTechnicians(List.of(visit)).get(visit.ticket.id);
        return plannable(visit, windows, preferred, pinnedRoute, problem.epoch());
    }

    /** A customer visit with its pin (null: none) and the window its customer was told, if any. */
    private static PlannedVisit plannable(Visit visit, List<TimeWindow> windows, String preferredTechnician,
            String pinnedRoute, Instant epoch) {
        PlannedVisit customer = customerVisit(visit, windows, preferredTechnician, epoch);
        if (pinnedRoute != null) {
            customer.pinTo(pinnedRoute);
        }
        if (visit.quotedWindowStart != null && visit.quotedWindowEnd != null) {
            customer.setQuotedWindow(new TimeWindow(seconds(epoch, visit.quotedWindowStart),
                    seconds(epoch, visit.quotedWindowEnd)));
        }
        return customer;
    }

    private static PlannedVisit customerVisit(Visit visit, List<TimeWindow> windows, String preferredTechnician,
            Instant epoch) {
        return PlannedVisit.customerVisit(visit.id.toString(), visit.reference(),
                new Location(visit.site.latitude, visit.site.longitude),
                Duration.ofMinutes(visit.estimatedDurationMinutes).toSeconds(), windows,
                PlanningPriority.valueOf(visit.priority().name()), slaDue(visit, epoch),
                skillLevels(visit.requiredSkills), visit.requiredTools, quantities(visit.requiredParts),
                preferredTechnician);
    }

    /** Puts visits and depot stops back where an earlier plan had them, after each route's fixed head. */
    private static void placeAsBefore(DispatchPlan plan, Map<String, Placement> warmStart,
            Map<Long, String> routeByShift) {
        Map<String, List<PlannedVisit>> placed = new HashMap<>();
        for (PlannedVisit visit : plan.getVisits()) {
            Placement placement = warmStart.get(visit.getId());
            String routeId = placement == null ? null : routeByShift.get(placement.shiftId());
            if (routeId != null && (visit.getPinnedRouteId() == null || visit.getPinnedRouteId().equals(routeId))) {
                placed.computeIfAbsent(routeId, r -> new ArrayList<>()).add(visit);
            }
        }
        for (TechnicianRoute route : plan.getRoutes()) {
            List<PlannedVisit> ordered = new ArrayList<>(placed.getOrDefault(route.getId(), List.of()));
            ordered.sort(Comparator.comparingInt(v -> warmStart.get(v.getId()).stopIndex()));
            for (PlannedVisit visit : ordered) {
                if (!route.getVisits().contains(visit)) {
                    route.getVisits().add(visit);
                }
            }
        }
        SolutionManager.updateShadowVariables(plan);
    }

    private static long seconds(Instant epoch, Instant instant) {
        return Duration.between(epoch, instant).toSeconds();
    }

    private static long slaDue(Visit visit, Instant epoch) {
        return visit.ticket == null ? Long.MAX_VALUE : seconds(epoch, visit.ticket.slaDueAt);
    }

    /** The planning model takes one break per shift: the first one. */
    private static BreakRule breakRule(Shift shift, Instant epoch) {
        if (shift.breaks.isEmpty()) {
            return null;
        }
        ShiftBreak first = shift.breaks.get(0);
        return new BreakRule(Duration.ofMinutes(first.durationMinutes).toSeconds(), seconds(epoch, first.earliestStart),
                seconds(epoch, first.latestEnd));
    }

    /** Continuity: per ticket, the technician of its latest other visit that had one (one query for all). */
    private static Map<Long, String> earlierTechnicians(List<Visit> plannable) {
        List<Long> tickets = plannable.stream().filter(v -> v.ticket != null).map(v -> v.ticket.id).distinct().toList();
        Map<Long, String> technicians = new HashMap<>();
        if (tickets.isEmpty()) {
            return technicians;
        }
        // Ids straight from the rows: visits this transaction already holds may be older than the rows (a visit read
        // unassigned before another transaction dispatched it), and the query would hand back those instances.
        for (Object[] earlier : Visit.getEntityManager().createQuery("select v.ticket.id, v.technician.id from Visit v "
                + "where v.ticket.id in ?1 and v.technician is not null and v.status not in ?2 order by v.id",
                Object[].class).setParameter(1, tickets).setParameter(2, PLANNABLE).getResultList()) {
            technicians.put((Long) earlier[0], earlier[1].toString());
        }
        return technicians;
    }

    /** The depot a technician restocks at: the one nearest its home. */
    static Optional<Depot> nearest(List<Depot> depots, Technician technician) {
        return depots.stream().min(Comparator.comparingDouble(d -> squaredDegrees(d.latitude - technician.homeLatitude,
                d.longitude - technician.homeLongitude)));
    }

    private static double squaredDegrees(double dLat, double dLon) {
        return dLat * dLat + dLon * dLon;
    }

    private static Map<String, Integer> skillLevels(List<SkillLevel> skills) {
        Map<String, Integer> levels = new HashMap<>();
        skills.forEach(s -> levels.put(s.skill, s.level));
        return levels;
    }

    private static Map<String, Integer> quantities(List<PartQuantity> lines) {
        Map<String, Integer> quantities = new HashMap<>();
        lines.forEach(l -> quantities.merge(l.part.code, l.quantity, Integer::sum));
        return quantities;
    }
}
