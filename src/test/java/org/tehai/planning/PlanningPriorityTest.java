package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanningPriorityTest {

    /** The largest plan the weights are designed for. */
    private static final long MAX_VISITS_IN_A_PLAN = 9_999;

    @Test
    void oneUnservedVisitOutweighsAFullPlanOfUnservedLowerPriorityVisits() {
        PlanningPriority[] priorities = PlanningPriority.values();
        for (int i = 0; i + 1 < priorities.length; i++) {
            assertThat(priorities[i].unassignedWeight())
                    .isGreaterThan(MAX_VISITS_IN_A_PLAN * priorities[i + 1].unassignedWeight());
        }
    }

    @Test
    void penaltyOfAFullPlanOfP1VisitsFitsInALong() {
        assertThat(Math.multiplyHigh(PlanningPriority.P1.unassignedWeight(), MAX_VISITS_IN_A_PLAN)).isZero();
    }
}
