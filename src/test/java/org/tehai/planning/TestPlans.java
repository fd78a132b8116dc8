package org.tehai.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Small plans for tests. Locations sit on a line in kilometres ({@code at(km)}); driving takes one minute
 * per kilometre, so travel times are easy to read in assertions.
 */
final class TestPlans {

    static final long MINUTE = 60;
    static final long HOUR = 60 * MINUTE;
    static final TravelTimeProvider MINUTE_PER_KM = (from, to) -> Math.round(
            Math.hypot(from.latitude() - to.latitude(), from.longitude() - to.longitude()) * MINUTE);

    private TestPlans() {
    }

    static Location at(double km) {
        return new Location(km, 0);
    }

    static PlanningTechnician technician(String id, Location home) {
        return new PlanningTechnician(id, home, Map.of("hvac", 2), Set.of("ladder"), Map.of("fuse", 1));
    }

    /** An 8:00-17:00 shift (times in seconds from midnight) without overtime or break. */
    static TechnicianRoute route(String id, PlanningTechnician technician) {
        return new TechnicianRoute(id, technician, 8 * HOUR, 17 * HOUR, 0, null);
    }

    /** A 30-minute P3 visit without requirements, available all day. */
    static PlannedVisit visit(String id, Location location) {
        return visit(id, location, List.of(new TimeWindow(0, 24 * HOUR)));
    }

    static PlannedVisit visit(String id, Location location, List<TimeWindow> windows) {
        return PlannedVisit.customerVisit(id, "ticket-" + id, location, 30 * MINUTE, windows, PlanningPriority.P3,
                Long.MAX_VALUE, Map.of(), Set.of(), Map.of(), null);
    }

    static DispatchPlan plan(List<PlanningTechnician> technicians, List<TechnicianRoute> routes,
            List<PlannedVisit> visits) {
        return new DispatchPlan(technicians, routes, visits, MINUTE_PER_KM);
    }

    /** Puts the visits on the route in order; call after building the plan. */
    static void assign(TechnicianRoute route, PlannedVisit... visits) {
        route.getVisits().addAll(List.of(visits));
    }

    /**
     * A random but comfortably feasible day: technicians with different skills and van stock, visits with
     * skills, tools, parts, one or two windows and all priorities, and one optional depot stop per technician.
     */
    static DispatchPlan generated(long seed, int technicianCount, int visitCount) {
        Random random = new Random(seed);
        Location depot = new Location(0, 0);
        List<PlanningTechnician> technicians = new ArrayList<>();
        List<TechnicianRoute> routes = new ArrayList<>();
        for (int t = 0; t < technicianCount; t++) {
            PlanningTechnician technician = new PlanningTechnician("tech-" + t,
                    new Location(random.nextInt(21) - 10, random.nextInt(21) - 10),
                    t % 2 == 0 ? Map.of("hvac", 2, "electric", 1) : Map.of("hvac", 1, "electric", 2),
                    t % 2 == 0 ? Set.of("ladder") : Set.of("ladder", "meter"), Map.of("fuse", 2, "filter", 2));
            technicians.add(technician);
            routes.add(new TechnicianRoute("route-" + t, technician, 8 * HOUR, 17 * HOUR, HOUR,
                    new BreakRule(30 * MINUTE, 11 * HOUR + 30 * MINUTE, 14 * HOUR)));
        }
        List<PlannedVisit> visits = new ArrayList<>();
        PlanningPriority[] priorities = PlanningPriority.values();
        for (int v = 0; v < visitCount; v++) {
            long start = 8 * HOUR + random.nextInt(6) * HOUR;
            List<TimeWindow> windows = v % 3 == 0
                    ? List.of(new TimeWindow(start, start + 2 * HOUR), new TimeWindow(14 * HOUR, 16 * HOUR))
                    : List.of(new TimeWindow(start, start + 3 * HOUR));
            visits.add(PlannedVisit.customerVisit("visit-" + v, "ticket-" + v,
                    new Location(random.nextInt(21) - 10, random.nextInt(21) - 10), (20 + random.nextInt(20)) * MINUTE,
                    windows, priorities[v % priorities.length], start + 4 * HOUR,
                    Map.of(v % 2 == 0 ? "hvac" : "electric", 1), v % 4 == 0 ? Set.of("ladder") : Set.of(),
                    v % 5 == 0 ? Map.of("fuse", 1) : Map.of(), null));
        }
        for (int t = 0; t < technicianCount; t++) {
            visits.add(PlannedVisit.depotStop("depot-" + t, depot, 10 * MINUTE));
        }
        return new DispatchPlan(technicians, routes, visits, MINUTE_PER_KM);
    }
}
