package org.tehai.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tehai.planning.ConstraintWeights;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.PlanningTechnician;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TechnicianRoutingConstraints;
import org.tehai.planning.TimeWindow;
import org.tehai.planning.TravelTimeProvider;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A benchmark instance as read from its file, in the file's own units (plane coordinates, Euclidean
 * travel time). The checker works on this raw form; {@link #toPlan()} maps it onto the production model.
 *
 * <p>Units: one file time unit is {@value #SCALE} model seconds. Travel times are rounded up to the next
 * model second, windows and service times are exact, so a route the model finds feasible is feasible in
 * the file's unrounded doubles too (the model only ever arrives later than reality).
 */
public record BenchProblem(String name, Suite suite, Stop depot, List<Stop> customers, List<Crew> crews,
        boolean depotRestocks) {

    public static final long SCALE = 1000;

    public enum Suite {
        /** Objective: total distance. */
        SOLOMON,
        /** Objective: total working time. */
        TRSP
    }

    /** A customer or the depot: where, when service may start, how long it takes, what it needs. */
    public record Stop(int id, double x, double y, double ready, double due, double service, Set<Integer> skills,
            Set<Integer> tools, int[] parts) {
    }

    /** A vehicle (Solomon) or technician (TRSP). */
    public record Crew(int id, double x, double y, double start, double end, Set<Integer> skills, Set<Integer> tools,
            int[] stock) {
    }

    public BenchProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(suite, "suite");
        customers = List.copyOf(customers);
        crews = List.copyOf(crews);
    }

    static double distance(double x1, double y1, double x2, double y2) {
        return Math.sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2));
    }

    /** Euclidean distance in file units, scaled and rounded up to whole model seconds. */
    public static final TravelTimeProvider EUCLIDEAN = (from, to) -> (long) Math.ceil(
            distance(from.latitude(), from.longitude(), to.latitude(), to.longitude()) * SCALE);

    /** Id of the model visit for a customer, and back. */
    static String visitId(int customerId) {
        return "C" + customerId;
    }

    static boolean isDepotStopId(String visitId) {
        return visitId.startsWith("D");
    }

    static int customerIdOf(String visitId) {
        return Integer.parseInt(visitId.substring(1));
    }

    private static long scaled(double fileTime) {
        return Math.round(fileTime * SCALE);
    }

    private static String part(int index) {
        return "part-" + index;
    }

    /** Maps the instance onto the production planning model, with weights set for the suite's objective. */
    public DispatchPlan toPlan() {
        List<PlanningTechnician> technicians = new ArrayList<>();
        List<TechnicianRoute> routes = new ArrayList<>();
        for (Crew crew : crews) {
            Map<String, Integer> skills = new HashMap<>();
            crew.skills().forEach(skill -> skills.put("skill-" + skill, 1));
            Set<String> tools = new HashSet<>();
            crew.tools().forEach(tool -> tools.add("tool-" + tool));
            Map<String, Integer> stock = new HashMap<>();
            for (int p = 0; p < crew.stock().length; p++) {
                stock.put(part(p), crew.stock()[p]);
            }
            PlanningTechnician technician = new PlanningTechnician("T" + crew.id(), new Location(crew.x(), crew.y()),
                    skills, tools, stock);
            technicians.add(technician);
            routes.add(new TechnicianRoute("R" + crew.id(), technician, scaled(crew.start()), scaled(crew.end()), 0,
                    null));
        }
        List<PlannedVisit> visits = new ArrayList<>();
        for (Stop customer : customers) {
            Map<String, Integer> skills = new HashMap<>();
            customer.skills().forEach(skill -> skills.put("skill-" + skill, 1));
            Set<String> tools = new HashSet<>();
            customer.tools().forEach(tool -> tools.add("tool-" + tool));
            Map<String, Integer> parts = new HashMap<>();
            for (int p = 0; p < customer.parts().length; p++) {
                if (customer.parts()[p] > 0) {
                    parts.put(part(p), customer.parts()[p]);
                }
            }
            visits.add(PlannedVisit.customerVisit(visitId(customer.id()), null, new Location(customer.x(), customer.y()),
                    scaled(customer.service()), List.of(new TimeWindow(scaled(customer.ready()), scaled(customer.due()))),
                    PlanningPriority.P3, Long.MAX_VALUE, skills, tools, parts, null));
        }
        if (depotRestocks) {
            // One optional restock per technician is enough: a second stop on the same route adds nothing.
            for (Crew crew : crews) {
                visits.add(PlannedVisit.depotStop("D" + crew.id(), new Location(depot.x(), depot.y()),
                        scaled(depot.service())));
            }
        }
        return new DispatchPlan(technicians, routes, visits, EUCLIDEAN, ConstraintWeights.overriding(weights()));
    }

    /** Only the suite's published objective counts: every other soft constraint is switched off. */
    private Map<String, HardMediumSoftLongScore> weights() {
        Map<String, HardMediumSoftLongScore> weights = new HashMap<>();
        for (String name : List.of(TechnicianRoutingConstraints.SLA_LATENESS, TechnicianRoutingConstraints.TRAVEL_TIME,
                TechnicianRoutingConstraints.WORKING_TIME, TechnicianRoutingConstraints.OVERTIME,
                TechnicianRoutingConstraints.CONTINUITY, TechnicianRoutingConstraints.WORKLOAD_BALANCE)) {
            weights.put(name, HardMediumSoftLongScore.ZERO);
        }
        weights.put(suite == Suite.SOLOMON ? TechnicianRoutingConstraints.TRAVEL_TIME
                : TechnicianRoutingConstraints.WORKING_TIME, HardMediumSoftLongScore.ONE_SOFT);
        return weights;
    }
}
