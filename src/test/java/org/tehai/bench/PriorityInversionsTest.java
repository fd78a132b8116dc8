package org.tehai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.PlanningTechnician;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;

import ai.timefold.solver.core.config.solver.SolverConfig;

/** The benchmark's check for urgent visits left out while less urgent work is served. */
class PriorityInversionsTest {

    private static final long HOUR = 3600;
    private static final PriorityInversions CHECK = new PriorityInversions(
            SolverConfig.createFromXmlResource(BenchmarkRunner.SOLVER_CONFIG));

    @Test
    void findsAWaitingP1ThatFitsInsteadOfAP4OnAFullRoute() {
        DispatchPlan plan = fullDayAndOneWaiting(PlanningPriority.P1, Map.of("gas", 1));

        List<PriorityInversions.Inversion> inversions = CHECK.find(plan);

        assertThat(inversions).hasSize(1);
        assertThat(inversions.get(0).waiting()).isEqualTo("waiting");
        assertThat(inversions.get(0).route()).isEqualTo("route-gas");
        assertThat(inversions.get(0).replacedPriority()).isEqualTo(PlanningPriority.P4);
    }

    @Test
    void findsNoneWhenTheWaitingVisitNeedsASkillTheTechnicianLacksOrIsNotUrgent() {
        assertThat(CHECK.find(fullDayAndOneWaiting(PlanningPriority.P1, Map.of("electric", 1)))).isEmpty();
        assertThat(CHECK.find(fullDayAndOneWaiting(PlanningPriority.P3, Map.of("gas", 1)))).isEmpty();
    }

    @Test
    void findsNoneWhenNothingLessUrgentCouldMakeRoom() {
        // The route's work is all P1: nothing less urgent to take out.
        DispatchPlan plan = fullDay(PlanningPriority.P1, PlanningPriority.P1, Map.of("gas", 1));

        assertThat(CHECK.find(plan)).isEmpty();
    }

    private static DispatchPlan fullDayAndOneWaiting(PlanningPriority waiting, Map<String, Integer> skills) {
        return fullDay(PlanningPriority.P4, waiting, skills);
    }

    /** Nine 55-minute jobs of {@code onRoute} priority fill an 8:00-17:00 day; one more job waits. */
    private static DispatchPlan fullDay(PlanningPriority onRoute, PlanningPriority waiting,
            Map<String, Integer> waitingSkills) {
        PlanningTechnician technician = new PlanningTechnician("gas-tech", new Location(35.68, 139.65),
                Map.of("gas", 2), Set.of(), Map.of());
        TechnicianRoute route = new TechnicianRoute("route-gas", technician, 8 * HOUR, 17 * HOUR, 0, null);
        List<PlannedVisit> jobs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            jobs.add(job("job-" + i, 35.68 + 0.002 * i, onRoute, Map.of("gas", 1)));
        }
        PlannedVisit left = job("waiting", 35.69, waiting, waitingSkills);
        List<PlannedVisit> visits = new ArrayList<>(jobs);
        visits.add(left);
        DispatchPlan plan = new DispatchPlan(List.of(technician), List.of(route), visits,
                (from, to) -> Math.round(Math.abs(from.latitude() - to.latitude()) * 100_000 / 10));
        route.getVisits().addAll(jobs);
        return plan;
    }

    private static PlannedVisit job(String id, double latitude, PlanningPriority priority,
            Map<String, Integer> skills) {
        return PlannedVisit.customerVisit(id, "ticket-" + id, new Location(latitude, 139.65), 55 * 60,
                List.of(new TimeWindow(0, 24 * HOUR)), priority, Long.MAX_VALUE, skills, Set.of(), Map.of(), null);
    }
}
