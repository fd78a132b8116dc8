package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.planning.TestPlans.HOUR;
import static org.tehai.planning.TestPlans.MINUTE;
import static org.tehai.planning.TestPlans.assign;
import static org.tehai.planning.TestPlans.at;
import static org.tehai.planning.TestPlans.plan;
import static org.tehai.planning.TestPlans.technician;
import static org.tehai.planning.TestPlans.visit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

/** The timeline a dispatcher sees: arrival, waiting, break, return. */
class RouteTimelineTest {

    private final SolutionManager<DispatchPlan, ?> solutionManager = SolutionManager.create(
            SolverFactory.create(SolverConfig.createFromXmlResource(DispatchSolverTest.SOLVER_CONFIG)));

    private final PlanningTechnician alice = technician("alice", at(0));

    @Test
    void takesTheBreakBeforeDrivingToAVisitThatWouldEndAfterTheLatestBreakStart() {
        TechnicianRoute route = new TechnicianRoute("day", alice, 8 * HOUR, 17 * HOUR, 0,
                new BreakRule(30 * MINUTE, 8 * HOUR + 30 * MINUTE, 9 * HOUR + 30 * MINUTE));
        PlannedVisit first = visit("v1", at(10));
        PlannedVisit second = visit("v2", at(20));
        DispatchPlan plan = plan(List.of(alice), List.of(route), List.of(first, second));
        assign(route, first, second);

        solutionManager.update(plan);

        // v1 8:10-8:40; v2 would end at 9:20 > latest break start 9:00, so the break runs 8:40-9:10.
        assertThat(first.getSchedule().departureTime()).isEqualTo(8 * HOUR + 40 * MINUTE);
        assertThat(second.getSchedule().arrivalTime()).isEqualTo(9 * HOUR + 20 * MINUTE);
        assertThat(second.getSchedule().breakTaken()).isTrue();
        assertThat(route.getBreakLateness()).isZero();
        assertThat(route.getEndTime()).isEqualTo(10 * HOUR + 10 * MINUTE);
    }

    @Test
    void drivesLeavingInTheRushHourTakeTheirHoursFactor() {
        TravelTimeProvider rushUntilNine = new TravelTimeProvider() {
            @Override
            public long travelSeconds(Location from, Location to) {
                return TestPlans.MINUTE_PER_KM.travelSeconds(from, to);
            }

            @Override
            public double driveFactor(int departureHour) {
                return departureHour < 9 ? 2.0 : 1.0;
            }
        };
        TechnicianRoute route = TestPlans.route("day", alice);
        PlannedVisit first = visit("v1", at(20));
        PlannedVisit second = visit("v2", at(30));
        PlannedVisit third = visit("v3", at(40));
        DispatchPlan plan = new DispatchPlan(List.of(alice), List.of(route), List.of(first, second, third),
                rushUntilNine);
        assign(route, first, second, third);

        solutionManager.update(plan);

        // Leaves at 8:00 in the rush: 20 minutes of base drive take 40. v1 8:40-9:10, then 10-minute drives.
        assertThat(first.getSchedule().arrivalTime()).isEqualTo(8 * HOUR + 40 * MINUTE);
        assertThat(second.getSchedule().arrivalTime()).isEqualTo(9 * HOUR + 20 * MINUTE);
        assertThat(third.getSchedule().arrivalTime()).isEqualTo(10 * HOUR);
        assertThat(first.getTravelTimeFromPrevious()).isEqualTo(40 * MINUTE);
        assertThat(second.getTravelTimeFromPrevious()).isEqualTo(10 * MINUTE);
        // The way home leaves at 10:30 and is not in the rush: 40 minutes.
        assertThat(route.getEndTime()).isEqualTo(11 * HOUR + 10 * MINUTE);
    }

    @Test
    void usesPartsUpVisitByVisitUntilTheDepotRestocks() {
        TechnicianRoute route = TestPlans.route("day", alice);
        PlannedVisit first = PlannedVisit.customerVisit("v1", "t1", at(10), 30 * MINUTE,
                List.of(new TimeWindow(0, 24 * HOUR)), PlanningPriority.P3, Long.MAX_VALUE, Map.of(),
                Set.of(), Map.of("fuse", 1), null);
        PlannedVisit depot = PlannedVisit.depotStop("depot", at(5), 10 * MINUTE);
        PlannedVisit second = visit("v2", at(20));
        DispatchPlan plan = plan(List.of(alice), List.of(route), List.of(first, depot, second));
        assign(route, first, depot, second);

        solutionManager.update(plan);

        assertThat(first.getVanStock().remainingOf(plan.getPartNames().indexOf("fuse"))).isZero();
        assertThat(first.isRestockedBefore()).isFalse();
        assertThat(second.isRestockedBefore()).isTrue();
    }

    @Test
    void leavesHomeAsLateAsTheFirstWindowAllows() {
        TechnicianRoute route = TestPlans.route("day", alice);
        PlannedVisit visit = visit("v1", at(10), List.of(new TimeWindow(9 * HOUR, 10 * HOUR)));
        DispatchPlan plan = plan(List.of(alice), List.of(route), List.of(visit));
        assign(route, visit);

        solutionManager.update(plan);

        assertThat(route.getLeaveHomeTime()).isEqualTo(8 * HOUR + 50 * MINUTE);
        assertThat(route.getWorkingTime()).isEqualTo(50 * MINUTE);
    }
}
