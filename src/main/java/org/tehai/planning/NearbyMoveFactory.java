package org.tehai.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Proposes relocations and swaps between a customer visit and one of its nearest customers: put the visit
 * right before or after the neighbour (on a technician with the skills), or exchange the two. The generic
 * list moves pick their destination anywhere, so on a hundred visits nearly all of them are hopeless;
 * Timefold's nearby selection, which would fix that, is not in the community edition.
 */
public class NearbyMoveFactory implements MoveIteratorFactory<DispatchPlan, AbstractMove<DispatchPlan>> {

    static final int NEIGHBOURS = 12;

    private DispatchPlan cachedPlan;
    private Map<PlannedVisit, PlannedVisit[]> cachedNeighbours;

    @Override
    public long getSize(ScoreDirector<DispatchPlan> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getVisits().size() * NEIGHBOURS * 3;
    }

    @Override
    public Iterator<AbstractMove<DispatchPlan>> createOriginalMoveIterator(ScoreDirector<DispatchPlan> scoreDirector) {
        throw new UnsupportedOperationException("Nearby moves are only selected at random.");
    }

    @Override
    public Iterator<AbstractMove<DispatchPlan>> createRandomMoveIterator(ScoreDirector<DispatchPlan> scoreDirector,
            Random random) {
        DispatchPlan plan = scoreDirector.getWorkingSolution();
        Map<PlannedVisit, PlannedVisit[]> neighbours = neighboursOf(plan);
        List<PlannedVisit> customers = new ArrayList<>(neighbours.keySet());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !customers.isEmpty();
            }

            @Override
            public AbstractMove<DispatchPlan> next() {
                for (int attempt = 0; attempt < 20; attempt++) {
                    AbstractMove<DispatchPlan> move = propose(customers, neighbours, random);
                    if (move != null) {
                        return move;
                    }
                }
                return NearbyRelocateMove.NONE;
            }
        };
    }

    private synchronized Map<PlannedVisit, PlannedVisit[]> neighboursOf(DispatchPlan plan) {
        if (cachedPlan != plan) {
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
            cachedPlan = plan;
            cachedNeighbours = neighbours;
        }
        return cachedNeighbours;
    }

    static AbstractMove<DispatchPlan> propose(List<PlannedVisit> customers, Map<PlannedVisit, PlannedVisit[]> neighbours,
            Random random) {
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
            return new NearbySwapMove(visit, neighbour);
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
        return new NearbyRelocateMove(visit, target, to);
    }
}
