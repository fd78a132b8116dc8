package org.tehai.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Proposes {@link RuinAndRecreateMove}s: mostly a seed visit and its nearest neighbours (so the freed
 * space can be reshuffled), sometimes visits picked at random (to move work between distant routes), sometimes a whole route.
 * Between 3 and 20% of the movable visits are ruined, at most {@value #MAX_RUINED}.
 */
public class RuinAndRecreateMoveFactory implements MoveIteratorFactory<DispatchPlan, RuinAndRecreateMove> {

    static final int MAX_RUINED = 30;

    @Override
    public long getSize(ScoreDirector<DispatchPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getVisits().size();
    }

    @Override
    public Iterator<RuinAndRecreateMove> createOriginalMoveIterator(ScoreDirector<DispatchPlan> scoreDirector) {
        throw new UnsupportedOperationException("Ruin and recreate moves are only selected at random.");
    }

    @Override
    public Iterator<RuinAndRecreateMove> createRandomMoveIterator(ScoreDirector<DispatchPlan> scoreDirector,
            Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RuinAndRecreateMove next() {
                return propose(scoreDirector.getWorkingSolution(), random);
            }
        };
    }

    static RuinAndRecreateMove propose(DispatchPlan plan, Random random) {
        List<PlannedVisit> movable = new ArrayList<>();
        for (TechnicianRoute route : plan.getRoutes()) {
            List<PlannedVisit> visits = route.getVisits();
            for (int i = route.getPinnedVisitCount(); i < visits.size(); i++) {
                if (visits.get(i).isCustomer()) {
                    movable.add(visits.get(i));
                }
            }
        }
        List<PlannedVisit> unassigned = plan.getUnassignedCustomerVisits();
        if (movable.isEmpty()) {
            return new RuinAndRecreateMove(List.of(), unassigned);
        }
        int upper = Math.max(1, Math.min(MAX_RUINED, movable.size() / 5));
        int lower = Math.min(3, upper);
        int count = lower + random.nextInt(upper - lower + 1);
        List<PlannedVisit> ruined;
        int flavour = random.nextInt(8);
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
            Collections.shuffle(ruined, random);
        } else if (flavour <= 2) {
            Collections.shuffle(movable, random);
            ruined = new ArrayList<>(movable.subList(0, count));
        } else {
            // While customers wait unassigned, half of the time make room around one of them.
            PlannedVisit seed = !unassigned.isEmpty() && random.nextBoolean()
                    ? unassigned.get(random.nextInt(unassigned.size()))
                    : movable.get(random.nextInt(movable.size()));
            TravelTimeMatrix travelTimes = plan.getTravelTimes();
            int from = seed.getLocationIndex();
            movable.sort(Comparator.comparingLong(visit -> travelTimes.travelSeconds(from, visit.getLocationIndex())));
            ruined = new ArrayList<>(movable.subList(0, count));
            Collections.shuffle(ruined, random);
        }
        if (random.nextBoolean()) {
            // Hardest first: the visit with the earliest window end has the fewest places left.
            ruined.sort(Comparator.comparingLong(visit -> visit.getWindows().get(visit.getWindows().size() - 1).end()));
        }
        return new RuinAndRecreateMove(ruined, unassigned);
    }
}
