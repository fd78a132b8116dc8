package org.tehai.planning;

import static org.tehai.planning.TestPlans.HOUR;
import static org.tehai.planning.TestPlans.MINUTE;
import static org.tehai.planning.TestPlans.assign;
import static org.tehai.planning.TestPlans.at;
import static org.tehai.planning.TestPlans.plan;
import static org.tehai.planning.TestPlans.route;
import static org.tehai.planning.TestPlans.technician;
import static org.tehai.planning.TestPlans.visit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

/**
 * One nested class per constraint, each with a case that is penalized and one that is not. The default
 * technician lives at km 0, masters hvac at level 2, carries a ladder and one fuse, and works 8:00-17:00;
 * driving takes a minute per km and visits take 30 minutes.
 */
class TechnicianRoutingConstraintsTest {

    private final ConstraintVerifier<TechnicianRoutingConstraints, DispatchPlan> verifier = ConstraintVerifier.build(
            new TechnicianRoutingConstraints(), DispatchPlan.class, TechnicianRoute.class, PlannedVisit.class);

    private final PlanningTechnician alice = technician("alice", at(0));
    private final TechnicianRoute aliceRoute = route("alice-day", alice);

    private static PlannedVisit requiring(String id, Map<String, Integer> skills, Set<String> tools,
            Map<String, Integer> parts) {
        return PlannedVisit.customerVisit(id, "ticket-" + id, at(10), 30 * MINUTE,
                List.of(new TimeWindow(0, 24 * HOUR)), PlanningPriority.P3, Long.MAX_VALUE, skills, tools, parts, null);
    }

    private DispatchPlan aliceDoes(PlannedVisit... visits) {
        DispatchPlan plan = plan(List.of(alice), List.of(aliceRoute), List.of(visits));
        assign(aliceRoute, visits);
        return plan;
    }

    private DispatchPlan routeDoes(TechnicianRoute route, PlannedVisit... visits) {
        DispatchPlan plan = plan(List.of(route.getTechnician()), List.of(route), List.of(visits));
        assign(route, visits);
        return plan;
    }

    @Nested
    class MissingSkill {

        @Test
        void penalizesVisitNeedingAHigherLevelThanTheTechnicianHas() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingSkill)
                    .givenSolution(aliceDoes(requiring("v1", Map.of("hvac", 3), Set.of(), Map.of())))
                    .settingAllShadowVariables().penalizesBy(1);
        }

        @Test
        void acceptsTechnicianAtOrAboveTheRequiredLevel() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingSkill)
                    .givenSolution(aliceDoes(requiring("v1", Map.of("hvac", 2), Set.of(), Map.of())))
                    .settingAllShadowVariables().penalizesBy(0);
        }

        @Test
        void penalizesUnknownSkill() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingSkill)
                    .givenSolution(aliceDoes(requiring("v1", Map.of("plumbing", 1), Set.of(), Map.of())))
                    .settingAllShadowVariables().penalizesBy(1);
        }
    }

    @Nested
    class MissingTool {

        @Test
        void penalizesToolTheVanDoesNotCarry() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingTool)
                    .givenSolution(aliceDoes(requiring("v1", Map.of(), Set.of("meter"), Map.of())))
                    .settingAllShadowVariables().penalizesBy(1);
        }

        @Test
        void acceptsToolPickedUpAtTheDepotEarlier() {
            PlannedVisit depot = PlannedVisit.depotStop("depot", at(5), 10 * MINUTE);
            verifier.verifyThat(TechnicianRoutingConstraints::missingTool)
                    .givenSolution(aliceDoes(depot, requiring("v1", Map.of(), Set.of("meter"), Map.of())))
                    .settingAllShadowVariables().penalizesBy(0);
        }

        @Test
        void penalizesToolWhenTheDepotStopComesOnlyAfterTheVisit() {
            PlannedVisit depot = PlannedVisit.depotStop("depot", at(5), 10 * MINUTE);
            verifier.verifyThat(TechnicianRoutingConstraints::missingTool)
                    .givenSolution(aliceDoes(requiring("v1", Map.of(), Set.of("meter"), Map.of()), depot))
                    .settingAllShadowVariables().penalizesBy(1);
        }

        @Test
        void acceptsToolTheVanCarries() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingTool)
                    .givenSolution(aliceDoes(requiring("v1", Map.of(), Set.of("ladder"), Map.of())))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class MissingParts {

        @Test
        void penalizesEachUnitUsedUpByEarlierVisits() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingParts)
                    .givenSolution(aliceDoes(requiring("v1", Map.of(), Set.of(), Map.of("fuse", 1)),
                            requiring("v2", Map.of(), Set.of(), Map.of("fuse", 2))))
                    .settingAllShadowVariables().penalizesBy(2);
        }

        @Test
        void acceptsPartsRestockedAtTheDepotInBetween() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingParts)
                    .givenSolution(aliceDoes(requiring("v1", Map.of(), Set.of(), Map.of("fuse", 1)),
                            PlannedVisit.depotStop("depot", at(5), 10 * MINUTE),
                            requiring("v2", Map.of(), Set.of(), Map.of("fuse", 2))))
                    .settingAllShadowVariables().penalizesBy(0);
        }

        @Test
        void acceptsPartsInVanStock() {
            verifier.verifyThat(TechnicianRoutingConstraints::missingParts)
                    .givenSolution(aliceDoes(requiring("v1", Map.of(), Set.of(), Map.of("fuse", 1))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class OutsideAvailability {

        @Test
        void penalizesSecondsAfterTheLastWindowEnds() {
            // Leaves at 8:00, arrives at 8:10, the customer is available only until 8:05.
            PlannedVisit visit = visit("v1", at(10), List.of(new TimeWindow(7 * HOUR, 8 * HOUR + 5 * MINUTE)));
            verifier.verifyThat(TechnicianRoutingConstraints::outsideAvailability)
                    .givenSolution(aliceDoes(visit))
                    .settingAllShadowVariables().penalizesBy(5 * MINUTE);
        }

        @Test
        void acceptsWaitingForTheWindowToOpen() {
            PlannedVisit visit = visit("v1", at(10), List.of(new TimeWindow(9 * HOUR, 10 * HOUR)));
            verifier.verifyThat(TechnicianRoutingConstraints::outsideAvailability)
                    .givenSolution(aliceDoes(visit))
                    .settingAllShadowVariables().penalizesBy(0);
        }

        @Test
        void acceptsALaterWindowWhenTheFirstHasClosed() {
            PlannedVisit visit = visit("v1", at(10), List.of(new TimeWindow(7 * HOUR, 8 * HOUR + 5 * MINUTE),
                    new TimeWindow(13 * HOUR, 14 * HOUR)));
            verifier.verifyThat(TechnicianRoutingConstraints::outsideAvailability)
                    .givenSolution(aliceDoes(visit))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class ShiftEndExceeded {

        @Test
        void penalizesSecondsBeyondShiftEndPlusAllowedOvertime() {
            // Home again at 8:50; the shift ends at 8:30 with 10 minutes overtime allowed.
            TechnicianRoute shortShift = new TechnicianRoute("short", alice, 8 * HOUR, 8 * HOUR + 30 * MINUTE,
                    10 * MINUTE, null);
            verifier.verifyThat(TechnicianRoutingConstraints::shiftEndExceeded)
                    .givenSolution(routeDoes(shortShift, visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(10 * MINUTE);
        }

        @Test
        void acceptsReturnWithinAllowedOvertime() {
            TechnicianRoute shortShift = new TechnicianRoute("short", alice, 8 * HOUR, 8 * HOUR + 30 * MINUTE,
                    30 * MINUTE, null);
            verifier.verifyThat(TechnicianRoutingConstraints::shiftEndExceeded)
                    .givenSolution(routeDoes(shortShift, visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class BreakMissed {

        @Test
        void penalizesBreakThatCanOnlyStartAfterItsLatestStart() {
            // The shift starts at 12:00 but the break must be over by 12:00: it starts 30 minutes late.
            TechnicianRoute lateShift = new TechnicianRoute("late", alice, 12 * HOUR, 17 * HOUR, 0,
                    new BreakRule(30 * MINUTE, 11 * HOUR, 12 * HOUR));
            verifier.verifyThat(TechnicianRoutingConstraints::breakMissed)
                    .givenSolution(routeDoes(lateShift, visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(30 * MINUTE);
        }

        @Test
        void acceptsBreakTakenBeforeAVisitThatWouldEndTooLate() {
            TechnicianRoute withBreak = new TechnicianRoute("day", alice, 8 * HOUR, 17 * HOUR, 0,
                    new BreakRule(30 * MINUTE, 8 * HOUR, 9 * HOUR));
            verifier.verifyThat(TechnicianRoutingConstraints::breakMissed)
                    .givenSolution(routeDoes(withBreak, visit("v1", at(10)), visit("v2", at(20))))
                    .settingAllShadowVariables().penalizesBy(0);
        }

        @Test
        void acceptsBreakTakenWhileWaitingForTheCustomer() {
            TechnicianRoute withBreak = new TechnicianRoute("day", alice, 8 * HOUR, 17 * HOUR, 0,
                    new BreakRule(30 * MINUTE, 8 * HOUR, 9 * HOUR));
            verifier.verifyThat(TechnicianRoutingConstraints::breakMissed)
                    .givenSolution(routeDoes(withBreak, visit("v1", at(10), List.of(new TimeWindow(9 * HOUR, 10 * HOUR)))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class PinnedVisitMoved {

        @Test
        void penalizesPinnedVisitOnAnotherTechniciansRoute() {
            PlanningTechnician bob = technician("bob", at(0));
            TechnicianRoute bobRoute = route("bob-day", bob);
            PlannedVisit dispatched = visit("v1", at(10));
            dispatched.pinTo(aliceRoute.getId());
            DispatchPlan plan = plan(List.of(alice, bob), List.of(aliceRoute, bobRoute), List.of(dispatched));
            assign(bobRoute, dispatched);
            verifier.verifyThat(TechnicianRoutingConstraints::pinnedVisitMoved)
                    .givenSolution(plan).settingAllShadowVariables().penalizesBy(1);
        }

        @Test
        void penalizesUnassignedPinnedVisit() {
            PlannedVisit dispatched = visit("v1", at(10));
            dispatched.pinTo(aliceRoute.getId());
            verifier.verifyThat(TechnicianRoutingConstraints::pinnedVisitMoved)
                    .givenSolution(plan(List.of(alice), List.of(aliceRoute), List.of(dispatched)))
                    .settingAllShadowVariables().penalizesBy(1);
        }

        @Test
        void acceptsPinnedVisitOnItsRoute() {
            PlannedVisit dispatched = visit("v1", at(10));
            DispatchPlan plan = plan(List.of(alice), List.of(aliceRoute), List.of(dispatched));
            aliceRoute.pinVisits(List.of(dispatched));
            verifier.verifyThat(TechnicianRoutingConstraints::pinnedVisitMoved)
                    .givenSolution(plan).settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class UnassignedVisit {

        @Test
        void penalizesUnassignedCustomerByItsPriorityWeight() {
            PlannedVisit urgent = PlannedVisit.customerVisit("v1", "t1", at(10), 30 * MINUTE,
                    List.of(new TimeWindow(0, 24 * HOUR)), PlanningPriority.P1, Long.MAX_VALUE, Map.of(), Set.of(),
                    Map.of(), null);
            verifier.verifyThat(TechnicianRoutingConstraints::unassignedVisit)
                    .givenSolution(plan(List.of(alice), List.of(aliceRoute), List.of(urgent)))
                    .settingAllShadowVariables().penalizesBy(PlanningPriority.P1.unassignedWeight());
        }

        @Test
        void ignoresUnusedDepotStop() {
            PlannedVisit depot = PlannedVisit.depotStop("depot", at(5), 10 * MINUTE);
            verifier.verifyThat(TechnicianRoutingConstraints::unassignedVisit)
                    .givenSolution(plan(List.of(alice), List.of(aliceRoute), List.of(depot)))
                    .settingAllShadowVariables().penalizesBy(0);
        }

        @Test
        void acceptsAssignedVisit() {
            verifier.verifyThat(TechnicianRoutingConstraints::unassignedVisit)
                    .givenSolution(aliceDoes(visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class SlaLateness {

        @Test
        void penalizesLateSecondsTimesPriorityWeight() {
            PlannedVisit urgent = PlannedVisit.customerVisit("v1", "t1", at(10), 30 * MINUTE,
                    List.of(new TimeWindow(0, 24 * HOUR)), PlanningPriority.P1, 8 * HOUR, Map.of(), Set.of(), Map.of(),
                    null);
            verifier.verifyThat(TechnicianRoutingConstraints::slaLateness)
                    .givenSolution(aliceDoes(urgent))
                    .settingAllShadowVariables().penalizesBy(10 * MINUTE * PlanningPriority.P1.lateWeight());
        }

        @Test
        void acceptsServiceStartingByTheDueTime() {
            PlannedVisit urgent = PlannedVisit.customerVisit("v1", "t1", at(10), 30 * MINUTE,
                    List.of(new TimeWindow(0, 24 * HOUR)), PlanningPriority.P1, 9 * HOUR, Map.of(), Set.of(), Map.of(),
                    null);
            verifier.verifyThat(TechnicianRoutingConstraints::slaLateness)
                    .givenSolution(aliceDoes(urgent))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class TravelTime {

        @Test
        void penalizesEveryLegIncludingTheWayHome() {
            verifier.verifyThat(TechnicianRoutingConstraints::travelTime)
                    .givenSolution(aliceDoes(visit("v1", at(10)), visit("v2", at(25))))
                    .settingAllShadowVariables().penalizesBy((10 + 15 + 25) * MINUTE);
        }

        @Test
        void ignoresTechnicianStayingHome() {
            verifier.verifyThat(TechnicianRoutingConstraints::travelTime)
                    .givenSolution(plan(List.of(alice), List.of(aliceRoute), List.of(visit("v1", at(10)))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class WorkingTime {

        @Test
        void countsFromLeavingHomeJustInTimeForTheFirstWindow() {
            // Leaves at 8:50 rather than 8:00, serves 9:00-9:30, home at 9:40.
            PlannedVisit visit = visit("v1", at(10), List.of(new TimeWindow(9 * HOUR, 10 * HOUR)));
            verifier.verifyThat(TechnicianRoutingConstraints::workingTime)
                    .givenSolution(aliceDoes(visit))
                    .settingAllShadowVariables().penalizesBy(50 * MINUTE);
        }

        @Test
        void keepsWaitingThatLeavingLaterCannotRemove() {
            // v1 must start by 8:15, so leaving later cannot cut the wait for v2 at 10:00.
            PlannedVisit first = visit("v1", at(10), List.of(new TimeWindow(8 * HOUR, 8 * HOUR + 15 * MINUTE)));
            PlannedVisit second = visit("v2", at(20), List.of(new TimeWindow(10 * HOUR, 11 * HOUR)));
            // 8:05 (5 minutes later than needed is allowed) ... home at 10:50: from 8:05 to 10:50.
            verifier.verifyThat(TechnicianRoutingConstraints::workingTime)
                    .givenSolution(aliceDoes(first, second))
                    .settingAllShadowVariables().penalizesBy(2 * HOUR + 45 * MINUTE);
        }

        @Test
        void ignoresTechnicianStayingHome() {
            verifier.verifyThat(TechnicianRoutingConstraints::workingTime)
                    .givenSolution(plan(List.of(alice), List.of(aliceRoute), List.of(visit("v1", at(10)))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class Overtime {

        @Test
        void penalizesSecondsAfterShiftEnd() {
            TechnicianRoute shortShift = new TechnicianRoute("short", alice, 8 * HOUR, 8 * HOUR + 30 * MINUTE, HOUR,
                    null);
            verifier.verifyThat(TechnicianRoutingConstraints::overtime)
                    .givenSolution(routeDoes(shortShift, visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(20 * MINUTE);
        }

        @Test
        void acceptsRouteEndingWithinTheShift() {
            verifier.verifyThat(TechnicianRoutingConstraints::overtime)
                    .givenSolution(aliceDoes(visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class QuotedWindowBroken {

        private PlannedVisit quoted(long from, long to) {
            PlannedVisit visit = visit("v1", at(10));
            visit.setQuotedWindow(new TimeWindow(from, to));
            return visit;
        }

        @Test
        void penalizesSecondsOutsideTheQuotedWindow() {
            // Leaves at 8:00, 10 minutes' drive: service starts 8:10, 50 minutes before the quoted 9:00-11:00.
            verifier.verifyThat(TechnicianRoutingConstraints::quotedWindowBroken)
                    .givenSolution(aliceDoes(quoted(9 * HOUR, 11 * HOUR)))
                    .settingAllShadowVariables().penalizesBy(50 * MINUTE);
        }

        @Test
        void acceptsStartInsideTheQuotedWindowOrNoQuote() {
            verifier.verifyThat(TechnicianRoutingConstraints::quotedWindowBroken)
                    .givenSolution(aliceDoes(quoted(8 * HOUR, 10 * HOUR), visit("v2", at(20))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class Continuity {

        private PlannedVisit revisitFor(String technicianId) {
            return PlannedVisit.customerVisit("v2", "t1", at(10), 30 * MINUTE, List.of(new TimeWindow(0, 24 * HOUR)),
                    PlanningPriority.P3, Long.MAX_VALUE, Map.of(), Set.of(), Map.of(), technicianId);
        }

        @Test
        void penalizesRevisitByAnotherTechnician() {
            verifier.verifyThat(TechnicianRoutingConstraints::continuity)
                    .givenSolution(aliceDoes(revisitFor("bob")))
                    .settingAllShadowVariables().penalizesBy(1);
        }

        @Test
        void acceptsRevisitByTheSameTechnician() {
            verifier.verifyThat(TechnicianRoutingConstraints::continuity)
                    .givenSolution(aliceDoes(revisitFor("alice")))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }

    @Nested
    class WorkloadBalance {

        @Test
        void penalizesSquaredWorkingMinutes() {
            // 10 + 30 + 10 minutes of work.
            verifier.verifyThat(TechnicianRoutingConstraints::workloadBalance)
                    .givenSolution(aliceDoes(visit("v1", at(10))))
                    .settingAllShadowVariables().penalizesBy(50 * 50);
        }

        @Test
        void ignoresTechnicianStayingHome() {
            verifier.verifyThat(TechnicianRoutingConstraints::workloadBalance)
                    .givenSolution(plan(List.of(alice), List.of(aliceRoute), List.of(visit("v1", at(10)))))
                    .settingAllShadowVariables().penalizesBy(0);
        }
    }
}
