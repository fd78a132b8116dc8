package org.tehai.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.tehai.planning.RegretTable.Position;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.domain.metamodel.PositionInList;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;
import ai.timefold.solver.core.preview.api.move.Rebaser;

/**
 * Takes a few nearby customer visits out of their routes and puts each back where it fits best: the
 * classic large-neighbourhood step for routing with time windows, which single relocations and swaps
 * cannot replace.
 *
 * <p>Timefold 1.32 ships a list ruin-and-recreate move, but it fails when a ruined value is best left
 * unassigned (depot stops always are), so this model brings its own. Reinsertion is greedy on added
 * driving and working time (weighted as the run weighs them) among the positions that keep every window, the
 * shift end, skills, tools and parts; it reads the routes' shadow state (see {@link InsertionCost}). The
 * solver's acceptor then judges the result with the full score. Pinned visits are never ruined and nothing
 * is inserted before them.
 */
final class RuinAndRecreateMove implements Move<DispatchPlan> {

    private final PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable;
    /** The plan's routes, where visits go back. */
    private final List<TechnicianRoute> routes;
    /** All of the plan's visits, where an unused depot stop is found. */
    private final List<PlannedVisit> visits;
    private final long travelWeight;
    private final long workWeight;
    private final List<PlannedVisit> ruined;
    private final List<PlannedVisit> unassigned;
    private final long seed;
    private final double blinkRate;
    private final boolean regret;

    /**
     * @param ruined assigned visits to take out and reinsert, in reinsertion order
     * @param unassigned currently unassigned customer visits to try to insert afterwards
     * @param seed seeds the blinks, so that doing the move again on the same plan gives the same result
     * @param blinkRate probability of skipping a feasible position while looking for the cheapest one
     * @param regret reinsert the visit whose second-best route is worst off first (regret-2), instead of
     *        reinserting in list order
     */
    RuinAndRecreateMove(DispatchPlan plan,
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            List<PlannedVisit> ruined, List<PlannedVisit> unassigned, long seed, double blinkRate, boolean regret) {
        // Costs are weighed as the run weighs them; the weights cannot change while a step tries its moves.
        this(visitsVariable, plan.getRoutes(), plan.getVisits(),
                Math.max(1, softWeight(plan, TechnicianRoutingConstraints.TRAVEL_TIME, ConstraintWeights.TRAVEL_TIME)),
                softWeight(plan, TechnicianRoutingConstraints.WORKING_TIME, ConstraintWeights.WORKING_TIME),
                List.copyOf(ruined), List.copyOf(unassigned), seed, blinkRate, regret);
    }

    private RuinAndRecreateMove(
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            List<TechnicianRoute> routes, List<PlannedVisit> visits, long travelWeight, long workWeight,
            List<PlannedVisit> ruined, List<PlannedVisit> unassigned, long seed, double blinkRate, boolean regret) {
        this.visitsVariable = visitsVariable;
        this.routes = routes;
        this.visits = visits;
        this.travelWeight = travelWeight;
        this.workWeight = workWeight;
        this.ruined = ruined;
        this.unassigned = unassigned;
        this.seed = seed;
        this.blinkRate = blinkRate;
        this.regret = regret;
    }

    @Override
    public void execute(MutableSolutionView<DispatchPlan> view) {
        for (PlannedVisit visit : ruined) {
            PositionInList position = view.getPositionOf(visitsVariable, visit).ensureAssigned();
            TechnicianRoute route = position.entity();
            if (position.index() < route.getPinnedVisitCount()) {
                throw new IllegalStateException("The visit (%s) is pinned on route (%s) at index (%d)."
                        .formatted(visit, route, position.index()));
            }
            view.unassignValue(visitsVariable, route, position.index());
        }
        Random random = new Random(seed);
        if (regret) {
            List<PlannedVisit> all = new ArrayList<>(unassigned);
            all.addAll(ruined);
            insertByRegret(view, all, random);
            return;
        }
        // The most urgent first; within a priority the unassigned customers first, as serving everyone outranks any
        // saving on the ruined ones.
        List<PlannedVisit> all = new ArrayList<>(unassigned);
        all.addAll(ruined);
        all.sort(Comparator.comparing(PlannedVisit::getPriority));
        for (PlannedVisit visit : all) {
            insertBest(view, visit, random);
        }
    }

    private static long softWeight(DispatchPlan plan, String constraintName, HardMediumSoftLongScore defaultWeight) {
        HardMediumSoftLongScore weight = plan.getConstraintWeightOverrides().getConstraintWeight(constraintName);
        return (weight == null ? defaultWeight : weight).softScore();
    }

    /**
     * Inserts at the cheapest feasible position. A visit that fits nowhere for lack of tools or parts may
     * get an unused depot stop at the start of a route. A visit that still fits nowhere stays unassigned:
     * the medium penalty is milder than a broken window, and later moves try it again.
     */
    private void insertBest(MutableSolutionView<DispatchPlan> view, PlannedVisit visit, Random random) {
        TechnicianRoute bestRoute = null;
        Position best = null;
        for (TechnicianRoute route : routes) {
            Position position = cheapestInRoute(route, visit, best == null ? Long.MAX_VALUE : best.cost(), random);
            if (position != null) {
                best = position;
                bestRoute = route;
            }
        }
        if (best != null) {
            assign(view, bestRoute, best.index(), visit);
        } else {
            insertWithDepotStop(view, visit, random);
        }
    }

    /**
     * Regret-2 insertion, most urgent priority first: each round inserts, at its cheapest position, the visit of the
     * most urgent priority still waiting that would lose most if its best route were taken away (the difference between its best and second-best route); a visit that fits
     * in only one route goes first. Visits that few technicians can serve (skills, parts, tight windows) are
     * thus placed before the easy ones fill those routes. Only the route just changed is re-evaluated between
     * rounds ({@link RegretTable}, which on a large day also limits each visit to the routes near it). A visit found to fit nowhere gets the depot-stop fallback at once, so an urgent one that needs a restock
     * is placed before less urgent visits fill the routes.
     */
    private void insertByRegret(MutableSolutionView<DispatchPlan> view, List<PlannedVisit> toInsert, Random random) {
        int visitCount = toInsert.size();
        RegretTable table = new RegretTable(routes, toInsert,
                (route, visit) -> cheapestInRoute(route, visit, Long.MAX_VALUE, random));
        boolean[] done = new boolean[visitCount];
        int placed = 0;
        while (placed < visitCount) {
            PlanningPriority mostUrgent = null;
            for (int v = 0; v < visitCount; v++) {
                if (!done[v] && (mostUrgent == null || toInsert.get(v).getPriority().compareTo(mostUrgent) < 0)) {
                    mostUrgent = toInsert.get(v).getPriority();
                }
            }
            int chosen = -1;
            long chosenRegret = Long.MIN_VALUE;
            long chosenCost = Long.MAX_VALUE;
            PlanningPriority chosenPriority = PlanningPriority.values()[PlanningPriority.values().length - 1];
            for (int v = 0; v < visitCount; v++) {
                if (done[v]) {
                    continue;
                }
                if (!table.fits(v)) {
                    if (toInsert.get(v).getPriority() != mostUrgent) {
                        continue; // Its turn comes when nothing more urgent waits.
                    }
                    // Fits nowhere as the vans are: try a restock now, before less urgent visits fill the routes.
                    done[v] = true;
                    placed++;
                    insertWithDepotStop(view, toInsert.get(v), random);
                    TechnicianRoute restocked = toInsert.get(v).getRoute();
                    if (restocked != null) {
                        table.refresh(routes.indexOf(restocked), done);
                        chosen = -2;
                        break; // The routes changed: choose again.
                    }
                    continue;
                }
                long regretValue = table.regret(v);
                int urgency = toInsert.get(v).getPriority().compareTo(chosenPriority);
                if (urgency < 0 || urgency == 0 && (regretValue > chosenRegret
                        || (regretValue == chosenRegret && table.firstCost(v) < chosenCost))) {
                    chosenPriority = toInsert.get(v).getPriority();
                    chosen = v;
                    chosenRegret = regretValue;
                    chosenCost = table.firstCost(v);
                }
            }
            if (chosen < 0) {
                // The routes changed, or every waiting visit fits nowhere (the most urgent ones are done with now):
                // choose again. Each round places or settles at least one visit.
                continue;
            }
            int chosenRoute = table.bestRoute(chosen);
            assign(view, routes.get(chosenRoute), table.bestPosition(chosen).index(), toInsert.get(chosen));
            done[chosen] = true;
            placed++;
            table.refresh(chosenRoute, done);
        }
    }

    /** The cheapest feasible position after the pinned head below {@code bound}; null if none or if the technician
     * lacks a skill. */
    private Position cheapestInRoute(TechnicianRoute route, PlannedVisit visit, long bound, Random random) {
        if (!route.getTechnician().masters(visit.getRequiredSkillLevels())) {
            return null;
        }
        return cheapestIn(route, route.getPinnedVisitCount(), visit, bound, random);
    }

    /** For a customer visit that needs tools or parts and fits nowhere: tries it after an unused depot stop. */
    private void insertWithDepotStop(MutableSolutionView<DispatchPlan> view, PlannedVisit visit, Random random) {
        if (!visit.isCustomer() || !needsSupplies(visit)) {
            return;
        }
        PlannedVisit depot = null;
        for (PlannedVisit candidate : visits) {
            if (!candidate.isCustomer() && candidate.getRoute() == null) {
                depot = candidate;
                break;
            }
        }
        if (depot == null) {
            return;
        }
        TechnicianRoute bestRoute = null;
        int bestAfter = -1;
        long bestTotal = Long.MAX_VALUE;
        for (TechnicianRoute route : routes) {
            if (!route.getTechnician().masters(visit.getRequiredSkillLevels()) || hasDepotStop(route)) {
                continue;
            }
            int at = route.getPinnedVisitCount();
            long depotWork = InsertionCost.addedWorkingTime(route, at, depot);
            if (depotWork < 0) {
                continue;
            }
            long depotCost = travelWeight * InsertionCost.addedTravel(route, at, depot) + workWeight * depotWork;
            if (depotCost >= bestTotal) {
                continue;
            }
            // Try it for real: the customer's feasibility after a restock depends on the re-timed route.
            assign(view, route, at, depot);
            Position position = cheapestIn(route, at + 1, visit, bestTotal - depotCost, random);
            view.unassignValue(visitsVariable, route, at);
            if (position != null) {
                bestTotal = depotCost + position.cost();
                bestRoute = route;
                bestAfter = position.index();
            }
        }
        if (bestRoute != null) {
            assign(view, bestRoute, bestRoute.getPinnedVisitCount(), depot);
            assign(view, bestRoute, bestAfter, visit);
        }
    }

    /**
     * The cheapest feasible position at or after {@code fromIndex} that costs less than {@code bound}, or null.
     * Each position is skipped with the blink rate (SISR's blinks: a little randomness in a greedy recreate).
     */
    private Position cheapestIn(TechnicianRoute route, int fromIndex, PlannedVisit visit, long bound,
            Random random) {
        Position best = null;
        long bestCost = bound;
        for (int index = fromIndex; index <= route.getVisits().size(); index++) {
            if (blinkRate > 0 && random.nextDouble() < blinkRate) {
                continue;
            }
            // Driving always counts (at least as a tie-breaker), and so does a longer working day.
            long lowerBound = travelWeight * InsertionCost.addedTravel(route, index, visit);
            if (lowerBound >= bestCost) {
                continue;
            }
            long addedWork = InsertionCost.addedWorkingTime(route, index, visit);
            if (addedWork < 0) {
                continue;
            }
            long cost = lowerBound + workWeight * addedWork;
            if (cost < bestCost) {
                bestCost = cost;
                best = new Position(index, cost);
            }
        }
        return best;
    }

    private static boolean needsSupplies(PlannedVisit visit) {
        if (!visit.getRequiredTools().isEmpty()) {
            return true;
        }
        for (int quantity : visit.getPartQuantities()) {
            if (quantity > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDepotStop(TechnicianRoute route) {
        for (PlannedVisit visit : route.getVisits()) {
            if (!visit.isCustomer()) {
                return true;
            }
        }
        return false;
    }

    /** Inserts and brings the shadow state up to date: the next insertion costs are read from it. */
    private void assign(MutableSolutionView<DispatchPlan> view, TechnicianRoute route, int index,
            PlannedVisit visit) {
        view.assignValueAndAdd(visitsVariable, visit, route, index);
    }

    @Override
    public RuinAndRecreateMove rebase(Rebaser rebaser) {
        return new RuinAndRecreateMove(visitsVariable, rebaseAll(routes, rebaser), rebaseAll(visits, rebaser),
                travelWeight, workWeight, rebaseAll(ruined, rebaser), rebaseAll(unassigned, rebaser), seed,
                blinkRate, regret);
    }

    private static <T> List<T> rebaseAll(List<T> objects, Rebaser rebaser) {
        List<T> rebased = new ArrayList<>(objects.size());
        for (T object : objects) {
            rebased.add(rebaser.rebase(object));
        }
        return rebased;
    }

    @Override
    public Collection<?> getPlanningEntities() {
        Set<TechnicianRoute> touched = new LinkedHashSet<>();
        for (PlannedVisit visit : ruined) {
            if (visit.getRoute() != null) {
                touched.add(visit.getRoute());
            }
        }
        return touched;
    }

    @Override
    public Collection<?> getPlanningValues() {
        List<PlannedVisit> values = new ArrayList<>(ruined);
        values.addAll(unassigned);
        return values;
    }

    @Override
    public String toString() {
        return (regret ? "ruin and regret-recreate " : "ruin and recreate ") + ruined
                + (unassigned.isEmpty() ? "" : " + " + unassigned);
    }
}
