package org.tehai.planning;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;

/**
 * Relocations and swaps between a customer visit and one of its nearest customers: put the visit right
 * before or after the neighbour (on a technician with the skills), or exchange the two. The generic list
 * moves pick their destination anywhere, so on a hundred visits nearly all of them are hopeless;
 * Timefold's nearby selection, which would fix that, is not in the community edition.
 *
 * <p>Built for one working plan: the neighbour lists depend only on its travel times, so the solver keeps
 * them for the whole solve.
 */
public final class NearbyMoves {

    static final int NEIGHBOURS = 12;
    /** Random picks before giving up on one proposal; most fail on skills or pinned visits. */
    private static final int ATTEMPTS = 20;

    private final DispatchPlan plan;
    private final PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable;
    private final Map<PlannedVisit, PlannedVisit[]> neighbours;
    private final List<PlannedVisit> customers;

    private NearbyMoves(DispatchPlan plan,
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable,
            List<PlannedVisit> customers, Map<PlannedVisit, PlannedVisit[]> neighbours) {
        this.plan = plan;
        this.visitsVariable = visitsVariable;
        this.neighbours = neighbours;
        this.customers = customers; // In the plan's order: the same seed proposes the same moves.
    }

    /** The nearest customers of every customer visit of {@code plan}, for moves on {@code visitsVariable}. */
    public static NearbyMoves of(DispatchPlan plan,
            PlanningListVariableMetaModel<DispatchPlan, TechnicianRoute, PlannedVisit> visitsVariable) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(visitsVariable, "visitsVariable");
        TravelTimeMatrix travelTimes = plan.getTravelTimes();
        List<PlannedVisit> customers = new ArrayList<>();
        for (PlannedVisit visit : plan.getVisits()) {
            if (visit.isCustomer()) {
                customers.add(visit);
            }
        }
        // Each pair is measured once (the shorter way) and offered to both lists; a list keeps its nearest few in
        // order, the earlier customer first on a tie. No full sort: a day of 10,000 visits has 50 million pairs.
        int count = customers.size();
        int keep = Math.min(NEIGHBOURS, Math.max(0, count - 1));
        int[][] nearest = new int[count][keep];
        long[][] distance = new long[count][keep];
        int[] kept = new int[count];
        int[] locations = customers.stream().mapToInt(PlannedVisit::getLocationIndex).toArray();
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                long seconds = Math.min(travelTimes.travelSeconds(locations[i], locations[j]),
                        travelTimes.travelSeconds(locations[j], locations[i]));
                kept[i] = offer(nearest[i], distance[i], kept[i], j, seconds);
                kept[j] = offer(nearest[j], distance[j], kept[j], i, seconds);
            }
        }
        Map<PlannedVisit, PlannedVisit[]> neighbours = new IdentityHashMap<>();
        for (int i = 0; i < count; i++) {
            PlannedVisit[] near = new PlannedVisit[kept[i]];
            for (int k = 0; k < kept[i]; k++) {
                near[k] = customers.get(nearest[i][k]);
            }
            neighbours.put(customers.get(i), near);
        }
        return new NearbyMoves(plan, visitsVariable, customers, neighbours);
    }

    /**
     * Puts {@code candidate} at {@code seconds} into a list of the nearest ({@code size} kept so far, in order) when it
     * is nearer than the farthest kept or the list has room; returns the new size.
     */
    private static int offer(int[] nearest, long[] distance, int size, int candidate, long seconds) {
        int capacity = nearest.length;
        if (size == capacity && (capacity == 0 || seconds >= distance[capacity - 1])) {
            return size;
        }
        int at = size == capacity ? capacity - 1 : size;
        while (at > 0 && distance[at - 1] > seconds) {
            nearest[at] = nearest[at - 1];
            distance[at] = distance[at - 1];
            at--;
        }
        nearest[at] = candidate;
        distance[at] = seconds;
        return Math.min(capacity, size + 1);
    }

    /** How many nearby moves a plan has, roughly: a relocation before, one after and a swap per neighbour. */
    public static long countFor(DispatchPlan plan) {
        return (long) plan.getVisits().size() * NEIGHBOURS * 3;
    }

    public boolean isFor(DispatchPlan plan) {
        return this.plan == plan;
    }

    public boolean isEmpty() {
        return customers.isEmpty();
    }

    /**
     * A relocation or swap around a customer picked at random; null when twenty picks found nothing that
     * would change the plan.
     */
    public Move<DispatchPlan> propose(Random random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Move<DispatchPlan> move = proposeOnce(random);
            if (move != null) {
                return move;
            }
        }
        return null;
    }

    private Move<DispatchPlan> proposeOnce(Random random) {
        PlannedVisit visit = customers.get(random.nextInt(customers.size()));
        PlannedVisit[] near = neighbours.get(visit);
        if (near.length == 0 || visit.inPinnedHead()) {
            return null;
        }
        PlannedVisit neighbour = near[random.nextInt(near.length)];
        TechnicianRoute target = neighbour.getRoute();
        if (target == null || !target.getTechnician().masters(visit.getRequiredSkillLevels())) {
            return null;
        }
        TechnicianRoute source = visit.getRoute();
        if (random.nextInt(3) == 0) {
            // Swap: both must be movable, on different places, and each technician able to do the other's job.
            if (source == null || neighbour.inPinnedHead()
                    || !source.getTechnician().masters(neighbour.getRequiredSkillLevels())) {
                return null;
            }
            return new NearbySwapMove(visitsVariable, visit, neighbour);
        }
        List<PlannedVisit> visits = target.getVisits();
        int at = visits.indexOf(neighbour);
        int from = source == null ? -1 : source.getVisits().indexOf(visit);
        if (source == target && from < at) {
            at--; // Index once the visit is out of the list.
        }
        int to = random.nextBoolean() ? at + 1 : at;
        if (to < target.getPinnedVisitCount() || (source == target && to == from)) {
            return null;
        }
        return new NearbyRelocateMove(visitsVariable, visit, target, to);
    }
}
