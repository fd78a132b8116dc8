package org.tehai.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tehai.bench.BenchProblem.Crew;
import org.tehai.bench.BenchProblem.Stop;

/**
 * Re-validates a solution from the instance's raw data in unrounded doubles, independent of the planning
 * model and its score: time windows, load / parts, skills, tools, working windows, every customer once.
 * The objective it returns is what the benchmark reports. It also measures the distance as the distance-only
 * Solomon best-known list does: each leg truncated to one decimal ({@link #listedLeg}).
 */
public final class RouteChecker {

    private static final double EPSILON = 1e-6;

    public record Result(boolean feasible, boolean allServed, int vehicles, double distance, double listedDistance,
            double workingTime, List<String> violations) {

        public double objective(BenchProblem.Suite suite) {
            return suite == BenchProblem.Suite.SOLOMON ? distance : workingTime;
        }

        /**
         * The objective measured as the suite's best-known list measures it: on Solomon the distance with every leg
         * truncated to one decimal (the same routes, shorter by up to 0.1 a leg), on TRSP the working time.
         */
        public double listedObjective(BenchProblem.Suite suite) {
            return suite == BenchProblem.Suite.SOLOMON ? listedDistance : workingTime;
        }
    }

    private RouteChecker() {
    }

    /**
     * @param routes one list per crew, in crew order, of stop ids; id 0 is a depot restock stop
     */
    public static Result check(BenchProblem problem, List<List<Integer>> routes) {
        if (routes.size() != problem.crews().size()) {
            throw new IllegalArgumentException("The solution has %d routes for %d crews."
                    .formatted(routes.size(), problem.crews().size()));
        }
        Map<Integer, Stop> customerById = new HashMap<>();
        for (Stop customer : problem.customers()) {
            customerById.put(customer.id(), customer);
        }
        List<String> violations = new ArrayList<>();
        Set<Integer> served = new HashSet<>();
        double totalDistance = 0;
        double totalListedDistance = 0;
        double totalWorkingTime = 0;
        int vehicles = 0;
        for (int r = 0; r < routes.size(); r++) {
            Crew crew = problem.crews().get(r);
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            vehicles++;
            double x = crew.x();
            double y = crew.y();
            double time = crew.start();
            int[] stock = crew.stock().clone();
            boolean restocked = false;
            double waits = 0;
            double delayBudget = Double.POSITIVE_INFINITY;
            for (int id : route) {
                Stop stop = id == 0 ? problem.depot() : customerById.get(id);
                if (stop == null) {
                    violations.add("route %d: unknown stop %d".formatted(crew.id(), id));
                    continue;
                }
                double leg = BenchProblem.distance(x, y, stop.x(), stop.y());
                totalDistance += leg;
                totalListedDistance += listedLeg(leg);
                time += leg;
                x = stop.x();
                y = stop.y();
                if (id == 0) {
                    if (!problem.depotRestocks()) {
                        violations.add("route %d: depot stop not allowed".formatted(crew.id()));
                    }
                    restocked = true;
                    time += stop.service();
                    continue;
                }
                if (!served.add(id)) {
                    violations.add("customer %d served twice".formatted(id));
                }
                double start = Math.max(time, stop.ready());
                if (start > stop.due() + EPSILON) {
                    violations.add("route %d: customer %d starts at %.4f after due %.4f"
                            .formatted(crew.id(), id, start, stop.due()));
                }
                waits += start - time;
                delayBudget = Math.min(delayBudget, waits + (stop.due() - start));
                if (!crew.skills().containsAll(stop.skills())) {
                    violations.add("route %d: customer %d needs skills %s".formatted(crew.id(), id, stop.skills()));
                }
                if (!restocked) {
                    if (!crew.tools().containsAll(stop.tools())) {
                        violations.add("route %d: customer %d needs tools %s".formatted(crew.id(), id, stop.tools()));
                    }
                    for (int p = 0; p < stop.parts().length; p++) {
                        int have = p < stock.length ? stock[p] : 0;
                        if (stop.parts()[p] > have) {
                            violations.add("route %d: customer %d needs %d of part %d, van has %d"
                                    .formatted(crew.id(), id, stop.parts()[p], p, have));
                        }
                        if (p < stock.length) {
                            stock[p] = have - stop.parts()[p];
                        }
                    }
                }
                time = start + stop.service();
            }
            double home = BenchProblem.distance(x, y, crew.x(), crew.y());
            totalDistance += home;
            totalListedDistance += listedLeg(home);
            time += home;
            if (time > crew.end() + EPSILON) {
                violations.add("route %d: back home at %.4f after %.4f".formatted(crew.id(), time, crew.end()));
            }
            // Leave home as late as possible without moving the return: cut waiting as far as windows allow.
            double delay = Math.max(0, Math.min(delayBudget, waits));
            totalWorkingTime += time - (crew.start() + delay);
        }
        boolean allServed = served.size() == problem.customers().size();
        return new Result(violations.isEmpty(), allServed, vehicles, totalDistance, totalListedDistance,
                totalWorkingTime, List.copyOf(violations));
    }

    /**
     * A leg as the distance-only Solomon list counts it: truncated to one decimal. Legs between integer coordinates are
     * square roots of integers, so a tenth is exact only for whole numbers; the tolerance keeps those whole.
     */
    static double listedLeg(double leg) {
        return Math.floor(leg * 10 + 1e-9) / 10;
    }
}
