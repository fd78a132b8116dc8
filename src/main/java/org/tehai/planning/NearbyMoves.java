package org.tehai.planning;

import java.util.ArrayList;
import java.util.Comparator;
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
            Map<PlannedVisit, PlannedVisit[]> neighbours) {
        this.plan = plan;
        this.visitsVariable = visitsVariable;
        this.neighbours = neighbours;
        this.customers = new ArrayList<>(neighbours.keySet());
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
        Map<PlannedVisit, PlannedVisit[]> neighbours = new IdentityHashMap<>();
        for (PlannedVisit visit : customers) {
            int here = visit.getLocationIndex();
            List<PlannedVisit> others = new ArrayList<>(customers);
            others.remove(visit);
            others.sort(Comparator.comparingLong(other -> Math.min(travelTimes.travelSeconds(here,
                    other.getLocationIndex()), travelTimes.travelSeconds(other.getLocationIndex(), here))));
            neighbours.put(visit, others.subList(0, Math.min(NEIGHBOURS, others.size())).toArray(PlannedVisit[]::new));
        }
        return new NearbyMoves(plan, visitsVariable, neighbours);
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
