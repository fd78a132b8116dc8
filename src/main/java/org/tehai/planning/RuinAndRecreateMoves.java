package org.tehai.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;

/**
 * Ruin-and-recreate proposals ({@link RuinAndRecreateMove}). Around a seed visit: its nearest neighbours, or
 * strings of consecutive visits cut from the routes nearest to it (SISR string removal, so neighbouring routes
 * can exchange whole pieces); sometimes visits picked at random (to move work between distant routes),
 * sometimes a whole route. Between 3 and 20% of the movable visits are ruined for the neighbour and random
 * flavours, at most {@value #MAX_RUINED}; strings remove about {@value #AVERAGE_STRING_RUIN} visits on average.
 * Half of the moves reinsert by regret-2; the others in random, hardest first, farthest first or closest first
 * order. Whatever the order, more urgent visits go in before less urgent ones, and visits waiting unassigned
 * are tried most urgent first.
 *
 * <p>While a visit waits unassigned and a route that could serve it carries less urgent work, a share of the moves
 * <em>evict</em> ({@link #evict}): that route's less urgent visits nearest to the waiting one come out, the waiting
 * visit is inserted first, the evicted ones go back wherever they still fit. The unassigned-visit penalty weighs
 * priorities lexicographically, so such a move is always an improvement when the waiting visit fits.
 */
public final class RuinAndRecreateMoves {

    static final int MAX_RUINED = 30;

    static final int STRING_MAX = 10;
    static final double AVERAGE_STRING_RUIN = 10.0;
    /** Probability of skipping a position in the recreate (SISR's blinks). */
    static final double BLINK_RATE = 0.01;
    /** Share of the moves that reinsert by regret-2 instead of in the ruin's order. */
    static final double REGRET_SHARE = 0.5;
    /** Relative weights of the ruin flavours: whole route, random visits, nearest neighbours, strings. */
    private static final int[] FLAVOUR_WEIGHTS = { 1, 2, 5, 4 };
    /** Share of the moves that evict less urgent work while something more urgent waits. */
    static final double EVICTION_SHARE = 0.3;
    /** An eviction picks one of this many routes able to serve the waiting visit, the nearest ones. */
    static final int EVICTION_ROUTES = 6;
    /** At most this many less urgent visits come out of the route in one eviction. */
    static final int EVICTION_MAX = 3;

    private RuinAndRecreateMoves() {
    }

    /**
     * A move around a seed picked at random, on {@code visitsVariable}; null when the plan has nothing to
     * ruin and nothing waiting to be inserted.
     */
    public static Move<DispatchPlan> propose(DispatchPlan plan,
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            Random random) {
        List<PlannedVisit> movable = new ArrayList<>();
        int usedRoutes = 0;
        for (TechnicianRoute route : plan.getRoutes()) {
            List<PlannedVisit> visits = route.getVisits();
            boolean used = false;
            for (int i = route.getPinnedVisitCount(); i < visits.size(); i++) {
                if (visits.get(i).isCustomer()) {
                    movable.add(visits.get(i));
                    used = true;
                }
            }
            if (used) {
                usedRoutes++;
            }
        }
        List<PlannedVisit> unassigned = byUrgency(plan.getUnassignedCustomerVisits());
        long seed = random.nextLong();
        if (!movable.isEmpty() && !unassigned.isEmpty() && random.nextDouble() < EVICTION_SHARE) {
            Move<DispatchPlan> eviction = evict(plan, visitsVariable, unassigned, random, seed);
            if (eviction != null) {
                return eviction;
            }
        }
        if (movable.isEmpty()) {
            return unassigned.isEmpty() ? null
                    : new RuinAndRecreateMove(plan, visitsVariable, List.of(), unassigned, seed, BLINK_RATE, true);
        }
        int upper = Math.max(1, Math.min(MAX_RUINED, movable.size() / 5));
        int lower = Math.min(3, upper);
        int count = lower + random.nextInt(upper - lower + 1);
        List<PlannedVisit> ruined;
        int total = 0;
        for (int weight : FLAVOUR_WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        int flavour = 0;
        while (pick >= FLAVOUR_WEIGHTS[flavour]) {
            pick -= FLAVOUR_WEIGHTS[flavour];
            flavour++;
        }
        // While customers wait unassigned, half of the time make room around one of them.
        PlannedVisit seedVisit = !unassigned.isEmpty() && random.nextBoolean()
                ? unassigned.get(random.nextInt(unassigned.size()))
                : movable.get(random.nextInt(movable.size()));
        TravelTimeMatrix travelTimes = plan.getTravelTimes();
        int from = seedVisit.getLocationIndex();
        if (flavour == 0) {
            // A whole route: lets the search close a route and spread its work over the others.
            List<TechnicianRoute> used = new ArrayList<>();
            for (TechnicianRoute route : plan.getRoutes()) {
                if (route.getVisits().size() > route.getPinnedVisitCount()) {
                    used.add(route);
                }
            }
            TechnicianRoute route = used.get(random.nextInt(used.size()));
            ruined = new ArrayList<>();
            for (PlannedVisit visit : route.getVisits().subList(route.getPinnedVisitCount(), route.getVisits().size())) {
                if (visit.isCustomer() && ruined.size() < MAX_RUINED) {
                    ruined.add(visit);
                }
            }
        } else if (flavour == 1) {
            Collections.shuffle(movable, random);
            ruined = new ArrayList<>(movable.subList(0, count));
        } else if (flavour == 2) {
            movable.sort(Comparator.comparingLong(visit -> travelTimes.travelSeconds(from, visit.getLocationIndex())));
            ruined = new ArrayList<>(movable.subList(0, count));
        } else {
            movable.sort(Comparator.comparingLong(visit -> travelTimes.travelSeconds(from, visit.getLocationIndex())));
            ruined = strings(movable, usedRoutes, random);
        }
        order(ruined, travelTimes, from, random);
        boolean regret = random.nextDouble() < REGRET_SHARE;
        if (ruined.isEmpty() && unassigned.isEmpty()) {
            return null; // A whole-route ruin that met only depot stops.
        }
        return new RuinAndRecreateMove(plan, visitsVariable, ruined, unassigned, seed, BLINK_RATE, regret);
    }

    /**
     * Inserts every unassigned customer visit by regret-2, most urgent priority first, without ruining anything: the
     * construction of a plan (see {@code org.tehai.planning.moves.RegretConstruction}). Null when nothing waits.
     */
    public static Move<DispatchPlan> insertWaiting(DispatchPlan plan,
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable) {
        List<PlannedVisit> unassigned = byUrgency(plan.getUnassignedCustomerVisits());
        return unassigned.isEmpty() ? null
                : new RuinAndRecreateMove(plan, visitsVariable, List.of(), unassigned, 0L, 0.0, true);
    }

    /**
     * An eviction around one waiting visit: the most urgent waiting visits are chosen three times out of four, any
     * waiting visit otherwise (so one that fits nowhere cannot take every eviction). One of the
     * {@value #EVICTION_ROUTES} routes nearest to it among those whose technician has the skills and that carry
     * less urgent movable work is picked; up to {@value #EVICTION_MAX} of that work, nearest to the waiting visit
     * first, come out. Null when no route qualifies.
     */
    static Move<DispatchPlan> evict(DispatchPlan plan,
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            List<PlannedVisit> unassignedByUrgency, Random random, long seed) {
        PlanningPriority top = unassignedByUrgency.get(0).getPriority();
        int tier = 0;
        while (tier < unassignedByUrgency.size() && unassignedByUrgency.get(tier).getPriority() == top) {
            tier++;
        }
        PlannedVisit waiting = unassignedByUrgency.get(random.nextInt(
                random.nextInt(4) == 0 ? unassignedByUrgency.size() : tier));
        TravelTimeMatrix travelTimes = plan.getTravelTimes();
        int at = waiting.getLocationIndex();
        List<TechnicianRoute> candidates = new ArrayList<>();
        List<Long> distances = new ArrayList<>();
        for (TechnicianRoute route : plan.getRoutes()) {
            if (!route.getTechnician().masters(waiting.getRequiredSkillLevels())) {
                continue;
            }
            long nearest = Long.MAX_VALUE;
            List<PlannedVisit> visits = route.getVisits();
            for (int i = route.getPinnedVisitCount(); i < visits.size(); i++) {
                PlannedVisit visit = visits.get(i);
                if (visit.isCustomer() && visit.getPriority().compareTo(waiting.getPriority()) > 0) {
                    nearest = Math.min(nearest, travelTimes.travelSeconds(visit.getLocationIndex(), at));
                }
            }
            if (nearest == Long.MAX_VALUE) {
                continue;
            }
            // Keep the nearest few, by insertion into a short sorted list.
            int place = 0;
            while (place < distances.size() && distances.get(place) <= nearest) {
                place++;
            }
            if (place < EVICTION_ROUTES) {
                candidates.add(place, route);
                distances.add(place, nearest);
                if (candidates.size() > EVICTION_ROUTES) {
                    candidates.remove(EVICTION_ROUTES);
                    distances.remove(EVICTION_ROUTES);
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        // Nearer routes more often: the first of the list with probability about one half, and so on.
        int pick = 0;
        while (pick < candidates.size() - 1 && random.nextBoolean()) {
            pick++;
        }
        TechnicianRoute route = candidates.get(pick);
        List<PlannedVisit> lessUrgent = new ArrayList<>();
        List<PlannedVisit> visits = route.getVisits();
        for (int i = route.getPinnedVisitCount(); i < visits.size(); i++) {
            PlannedVisit visit = visits.get(i);
            if (visit.isCustomer() && visit.getPriority().compareTo(waiting.getPriority()) > 0) {
                lessUrgent.add(visit);
            }
        }
        // The nearest first; every other time the least urgent first, then the nearest.
        Comparator<PlannedVisit> nearest = Comparator.comparingLong(
                visit -> travelTimes.travelSeconds(visit.getLocationIndex(), at));
        lessUrgent.sort(random.nextBoolean() ? nearest
                : Comparator.comparing(PlannedVisit::getPriority).reversed().thenComparing(nearest));
        int count = 1 + random.nextInt(Math.min(EVICTION_MAX, lessUrgent.size()));
        List<PlannedVisit> evicted = new ArrayList<>(lessUrgent.subList(0, count));
        List<PlannedVisit> first = new ArrayList<>(unassignedByUrgency.size());
        first.add(waiting);
        for (PlannedVisit visit : unassignedByUrgency) {
            if (visit != waiting) {
                first.add(visit);
            }
        }
        return new RuinAndRecreateMove(plan, visitsVariable, byUrgency(evicted), first, seed, 0.0, false);
    }

    /** The visits, most urgent first, keeping their order within a priority. */
    static List<PlannedVisit> byUrgency(List<PlannedVisit> visits) {
        List<PlannedVisit> sorted = new ArrayList<>(visits);
        sorted.sort(Comparator.comparing(PlannedVisit::getPriority));
        return sorted;
    }

    /**
     * String removal (Christiaens and Vanden Berghe's SISR ruin): walking out from the seed, cut one string
     * of consecutive visits containing the neighbour from each route met, until a random number of routes
     * is cut. Customers on neighbouring routes come free together, so the recreate can exchange them.
     */
    static List<PlannedVisit> strings(List<PlannedVisit> byDistance, int usedRoutes, Random random) {
        double averageRouteSize = byDistance.size() / (double) Math.max(1, usedRoutes);
        int stringMax = (int) Math.max(1, Math.min(STRING_MAX, Math.round(averageRouteSize)));
        double routesMax = Math.max(1.0, 4.0 * AVERAGE_STRING_RUIN / (1 + stringMax) - 1);
        int routeCount = 1 + (int) Math.floor(random.nextDouble() * routesMax);
        List<PlannedVisit> ruined = new ArrayList<>();
        Set<TechnicianRoute> cut = new HashSet<>();
        for (PlannedVisit neighbour : byDistance) {
            if (cut.size() >= routeCount || ruined.size() >= MAX_RUINED) {
                break;
            }
            TechnicianRoute route = neighbour.getRoute();
            if (!cut.add(route)) {
                continue;
            }
            List<PlannedVisit> visits = route.getVisits();
            int first = route.getPinnedVisitCount();
            int movableSize = visits.size() - first;
            int length = 1 + random.nextInt(Math.min(movableSize, stringMax));
            int at = visits.indexOf(neighbour);
            int lowest = Math.max(first, at - length + 1);
            int highest = Math.min(at, visits.size() - length);
            int begin = lowest + random.nextInt(highest - lowest + 1);
            for (int i = begin; i < begin + length && ruined.size() < MAX_RUINED; i++) {
                if (visits.get(i).isCustomer()) {
                    ruined.add(visits.get(i));
                }
            }
        }
        return ruined;
    }

    /** Reinsertion order: random, hardest (earliest window end) first, farthest first or closest first. */
    static void order(List<PlannedVisit> ruined, TravelTimeMatrix travelTimes, int from, Random random) {
        int pick = random.nextInt(11);
        if (pick < 4) {
            Collections.shuffle(ruined, random);
        } else if (pick < 8) {
            Collections.shuffle(ruined, random);
            ruined.sort(Comparator.comparingLong(visit -> visit.getWindows().get(visit.getWindows().size() - 1).end()));
        } else if (pick < 10) {
            ruined.sort(Comparator.comparingLong(
                    (PlannedVisit visit) -> travelTimes.travelSeconds(from, visit.getLocationIndex())).reversed());
        } else {
            ruined.sort(Comparator.comparingLong(visit -> travelTimes.travelSeconds(from, visit.getLocationIndex())));
        }
    }
}
