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

import org.tehai.part.Depot;
import org.tehai.part.PartQuantity;
import org.tehai.planning.BreakRule;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.Priority;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;
import org.tehai.region.Region;
import org.tehai.technician.Shift;
import org.tehai.technician.ShiftBreak;
import org.tehai.technician.SkillLevel;
import org.tehai.technician.Technician;
import org.tehai.visit.AvailabilityWindow;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.panache.common.Sort;

/**
 * Builds the solver's snapshot of one region and local work date from the system of record: a route per
 * technician shift on that date, a planned visit per open visit that can be done that day, and one optional depot
 * stop per technician at the depot nearest its home. Times become seconds since local midnight of the date.
 * <p>
 * The snapshot is plain data: the solver clones and changes it on its own threads while the entities stay as
 * they are; results are written back by the dispatch workflow.
 */
@ApplicationScoped
public class PlanningProblemBuilder {

    /** How long loading parts at a depot takes. */
    static final Duration RESTOCK_TIME = Duration.ofMinutes(10);

    /** Visits that planning may still place. */
    static final List<VisitStatus> PLANNABLE = List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED);

    /** The snapshot and what it was built from, so results can be mapped back. */
    public record Problem(DispatchPlan plan, Instant epoch, Map<String, Visit> visits, Map<String, Shift> shifts) {
    }

    public Problem build(Region region, LocalDate date) {
        ZoneId zone = region.zone();
        Instant epoch = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();

        List<Depot> depots = Depot.list("region", Sort.by("code"), region);
        List<org.tehai.planning.Technician> technicians = new ArrayList<>();
        List<TechnicianRoute> routes = new ArrayList<>();
        List<PlannedVisit> planned = new ArrayList<>();
        Map<String, Shift> shifts = new LinkedHashMap<>();
        for (Shift shift : Shift.<Shift>list("technician.region = ?1 and technician.active = true and workDate = ?2",
                Sort.by("technician.code"), region, date)) {
            Technician technician = shift.technician;
            var planningTechnician = new org.tehai.planning.Technician(technician.id.toString(),
                    new Location(technician.homeLatitude, technician.homeLongitude), skillLevels(technician.skills),
                    technician.tools, quantities(technician.vanStock));
            technicians.add(planningTechnician);
            String routeId = "shift-" + shift.id;
            routes.add(new TechnicianRoute(routeId, planningTechnician, seconds(epoch, shift.startsAt),
                    seconds(epoch, shift.endsAt), Duration.ofMinutes(shift.maxOvertimeMinutes).toSeconds(),
                    breakRule(shift, epoch)));
            shifts.put(routeId, shift);
            nearest(depots, technician).ifPresent(depot -> planned.add(PlannedVisit.depotStop("depot-" + routeId,
                    new Location(depot.latitude, depot.longitude), RESTOCK_TIME.toSeconds())));
        }

        Map<String, Visit> visits = new LinkedHashMap<>();
        List<Visit> plannable = Visit.list("region = ?1 and status in ?2", Sort.by("id"), region, PLANNABLE);
        Map<Long, String> earlierTechnician = earlierTechnicians(plannable);
        for (Visit visit : plannable) {
            List<TimeWindow> windows = new ArrayList<>();
            for (AvailabilityWindow window : visit.availability) {
                if (window.startsAt.isBefore(dayEnd) && window.endsAt.isAfter(epoch)) {
                    windows.add(new TimeWindow(seconds(epoch, window.startsAt), seconds(epoch, window.endsAt)));
                }
            }
            if (windows.isEmpty()) {
                continue;
            }
            String id = visit.id.toString();
            planned.add(PlannedVisit.customerVisit(id, visit.reference(),
                    new Location(visit.site.latitude, visit.site.longitude),
                    Duration.ofMinutes(visit.estimatedDurationMinutes).toSeconds(), windows,
                    Priority.valueOf(visit.priority().name()), slaDue(visit, epoch), skillLevels(visit.requiredSkills),
                    visit.requiredTools, quantities(visit.requiredParts),
                    visit.ticket == null ? null : earlierTechnician.get(visit.ticket.id)));
            visits.put(id, visit);
        }
        return new Problem(new DispatchPlan(technicians, routes, planned, new StraightLineTravelTime()), epoch, visits,
                shifts);
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
        for (Visit earlier : Visit.<Visit>list("ticket.id in ?1 and technician is not null and status not in ?2",
                Sort.by("id"), tickets, PLANNABLE)) {
            technicians.put(earlier.ticket.id, earlier.technician.id.toString());
        }
        return technicians;
    }

    private static Optional<Depot> nearest(List<Depot> depots, Technician technician) {
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
