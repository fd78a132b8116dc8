package org.tehai.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a regret insertion knows about its waiting visits: for each, the routes it may go to, its cheapest position
 * on each, and its two cheapest routes, so a round reads one value per visit and an insertion redoes only the
 * visits that may go to the route it changed. On a day of up to {@value #ALL_ROUTES_UP_TO} routes every route is a
 * candidate; on a larger one the {@value #NEIGHBOUR_ROUTES} whose technicians, able to do the job, live nearest to
 * the visit (a city's far side is never its cheapest place), widened to every able route for a visit that fits none
 * of those. Each insertion then redoes about visits × {@value #NEIGHBOUR_ROUTES} ÷ routes positions instead of every
 * waiting visit's.
 */
final class RegretTable {

    /** A regret insertion looks at every route of a day with up to this many routes. */
    static final int ALL_ROUTES_UP_TO = 100;
    /** On a day with more routes, a visit is inserted by regret only among this many near it. */
    static final int NEIGHBOUR_ROUTES = 30;

    /** A position in a route and what inserting there costs. */
    record Position(int index, long cost) {
    }

    private final List<TechnicianRoute> routes;
    private final List<PlannedVisit> visits;
    private final BiFunction<TechnicianRoute, PlannedVisit, Position> cheapest;
    private final int[][] candidates;
    private final List<List<Integer>> visitsByRoute = new ArrayList<>();
    private final Position[][] best;
    private final long[] first;
    private final long[] second;
    private final int[] firstCandidate;
    private final boolean[] widened;

    /** {@code cheapest}: a visit's cheapest feasible position on a route, null when it has none. */
    RegretTable(List<TechnicianRoute> routes, List<PlannedVisit> visits,
            BiFunction<TechnicianRoute, PlannedVisit, Position> cheapest) {
        this.routes = routes;
        this.visits = visits;
        this.cheapest = cheapest;
        int count = visits.size();
        candidates = new int[count][];
        for (int r = 0; r < routes.size(); r++) {
            visitsByRoute.add(new ArrayList<>());
        }
        best = new Position[count][];
        first = new long[count];
        second = new long[count];
        firstCandidate = new int[count];
        widened = new boolean[count];
        for (int v = 0; v < count; v++) {
            candidates[v] = candidateRoutes(visits.get(v), routes.size() > ALL_ROUTES_UP_TO);
            widened[v] = routes.size() <= ALL_ROUTES_UP_TO;
            for (int r : candidates[v]) {
                visitsByRoute.get(r).add(v);
            }
            best[v] = new Position[candidates[v].length];
            for (int i = 0; i < candidates[v].length; i++) {
                best[v][i] = cheapest.apply(routes.get(candidates[v][i]), visits.get(v));
            }
            rank(v);
            widenIfNowhere(v);
        }
    }

    /** Whether visit {@code v} fits on any of its routes. */
    boolean fits(int v) {
        return firstCandidate[v] >= 0;
    }

    /** The cost of visit {@code v} at its cheapest place. */
    long firstCost(int v) {
        return first[v];
    }

    /** What visit {@code v} loses if its cheapest route is taken (the largest value when it has no second). */
    long regret(int v) {
        return second[v] == Long.MAX_VALUE ? Long.MAX_VALUE : second[v] - first[v];
    }

    /** The index in the plan's routes of visit {@code v}'s cheapest route. */
    int bestRoute(int v) {
        return candidates[v][firstCandidate[v]];
    }

    /** Visit {@code v}'s cheapest position on its cheapest route. */
    Position bestPosition(int v) {
        return best[v][firstCandidate[v]];
    }

    /** The route at {@code routeIndex} changed: the cheapest positions on it, again, for the visits still waiting. */
    void refresh(int routeIndex, boolean[] done) {
        TechnicianRoute route = routes.get(routeIndex);
        for (int v : visitsByRoute.get(routeIndex)) {
            if (!done[v]) {
                best[v][Arrays.binarySearch(candidates[v], routeIndex)] = cheapest.apply(route, visits.get(v));
                rank(v);
                widenIfNowhere(v);
            }
        }
    }

    /**
     * A visit that fits none of the routes near it looks at every route once (a technician from across the city
     * beats leaving the customer out); from then on it is refreshed with each of them.
     */
    private void widenIfNowhere(int v) {
        if (widened[v] || fits(v)) {
            return;
        }
        widened[v] = true;
        int[] near = candidates[v];
        int[] all = candidateRoutes(visits.get(v), false);
        Position[] positions = new Position[all.length];
        for (int i = 0; i < all.length; i++) {
            int at = Arrays.binarySearch(near, all[i]);
            if (at >= 0) {
                positions[i] = best[v][at];
            } else {
                positions[i] = cheapest.apply(routes.get(all[i]), visits.get(v));
                visitsByRoute.get(all[i]).add(v);
            }
        }
        candidates[v] = all;
        best[v] = positions;
        rank(v);
    }

    /** Every route whose technician has the skills, or only the {@value #NEIGHBOUR_ROUTES} nearest; by index. */
    private int[] candidateRoutes(PlannedVisit visit, boolean nearestOnly) {
        int count = routes.size();
        if (count <= ALL_ROUTES_UP_TO) {
            int[] all = new int[count];
            for (int r = 0; r < count; r++) {
                all[r] = r;
            }
            return all;
        }
        List<long[]> able = new ArrayList<>();
        Location at = visit.getLocation();
        for (int r = 0; r < count; r++) {
            PlanningTechnician technician = routes.get(r).getTechnician();
            if (technician.masters(visit.getRequiredSkillLevels())) {
                able.add(new long[] { r, Math.round(at.metersTo(technician.getHome())) });
            }
        }
        if (!nearestOnly) {
            return able.stream().mapToInt(e -> (int) e[0]).toArray();
        }
        able.sort(Comparator.comparingLong((long[] e) -> e[1]).thenComparingLong(e -> e[0]));
        return able.stream().limit(NEIGHBOUR_ROUTES).mapToInt(e -> (int) e[0]).sorted().toArray();
    }

    /** The cheapest and second cheapest cost of visit {@code v} over its candidate routes, in their order. */
    private void rank(int v) {
        first[v] = Long.MAX_VALUE;
        second[v] = Long.MAX_VALUE;
        firstCandidate[v] = -1;
        for (int i = 0; i < candidates[v].length; i++) {
            Position position = best[v][i];
            if (position == null) {
                continue;
            }
            if (position.cost() < first[v]) {
                second[v] = first[v];
                first[v] = position.cost();
                firstCandidate[v] = i;
            } else if (position.cost() < second[v]) {
                second[v] = position.cost();
            }
        }
    }
}
