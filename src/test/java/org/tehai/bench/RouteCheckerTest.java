package org.tehai.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tehai.bench.BenchProblem.Crew;
import org.tehai.bench.BenchProblem.Stop;
import org.tehai.bench.BenchProblem.Suite;

/** The checker catches what the solver might get wrong, in the file's own units. */
class RouteCheckerTest {

    // Depot at (0,0); customers at (3,4) and (6,8): 5 units apart.
    private static final Stop DEPOT = new Stop(0, 0, 0, 0, 100, 0, Set.of(), Set.of(), new int[0]);

    private static BenchProblem problem(double due2, int stock, boolean restocks) {
        Stop first = new Stop(1, 3, 4, 0, 100, 1, Set.of(1), Set.of(), new int[] { 1 });
        Stop second = new Stop(2, 6, 8, 20, due2, 1, Set.of(), Set.of(7), new int[] { 1 });
        Crew crew = new Crew(1, 0, 0, 0, 100, Set.of(1), Set.of(), new int[] { stock });
        return new BenchProblem("tiny", Suite.TRSP, DEPOT, List.of(first, second), List.of(crew), restocks);
    }

    @Test
    void measuresDistanceAndWorkingTimeWithLateDeparture() {
        // Without the tool for customer 2 the route needs the depot first: 0 -> depot -> 1 -> 2 -> 0.
        RouteChecker.Result result = RouteChecker.check(problem(100, 2, true), List.of(List.of(0, 1, 2)));

        assertThat(result.violations()).isEmpty();
        assertThat(result.allServed()).isTrue();
        assertThat(result.distance()).isEqualTo(20.0);
        // Arrive at 2 at 11, wait until 20; leaving home 9 later removes the wait: 9..31 = 22.
        assertThat(result.workingTime()).isEqualTo(22.0);
    }

    @Test
    void reportsMissedWindowMissingToolAndMissingParts() {
        RouteChecker.Result result = RouteChecker.check(problem(10, 1, true), List.of(List.of(1, 2)));

        assertThat(result.feasible()).isFalse();
        assertThat(result.violations()).hasSize(3)
                .anyMatch(v -> v.contains("after due"))
                .anyMatch(v -> v.contains("tools"))
                .anyMatch(v -> v.contains("part"));
    }

    @Test
    void reportsUnservedCustomers() {
        RouteChecker.Result result = RouteChecker.check(problem(100, 2, true), List.of(List.of(0, 1)));

        assertThat(result.allServed()).isFalse();
    }

    @Test
    void measuresTheDistanceAlsoAsTheSolomonListDoesEveryLegTruncatedToOneDecimal() {
        // Depot (0,0) -> (1,1) -> (3,4) -> depot: legs 1.41421..., 3.60555..., 5 (whole, kept whole).
        Stop a = new Stop(1, 1, 1, 0, 100, 0, Set.of(), Set.of(), new int[0]);
        Stop b = new Stop(2, 3, 4, 0, 100, 0, Set.of(), Set.of(), new int[0]);
        Crew vehicle = new Crew(1, 0, 0, 0, 100, Set.of(), Set.of(), new int[0]);
        BenchProblem problem = new BenchProblem("legs", Suite.SOLOMON, DEPOT, List.of(a, b), List.of(vehicle), false);

        RouteChecker.Result result = RouteChecker.check(problem, List.of(List.of(1, 2)));

        assertThat(result.distance()).isCloseTo(Math.sqrt(2) + Math.sqrt(13) + 5, within(1e-9));
        assertThat(result.listedDistance()).isCloseTo(1.4 + 3.6 + 5.0, within(1e-9));
        assertThat(result.objective(Suite.SOLOMON)).isEqualTo(result.distance());
        assertThat(result.listedObjective(Suite.SOLOMON)).isEqualTo(result.listedDistance());
        assertThat(RouteChecker.listedLeg(7.0)).isEqualTo(7.0);
        assertThat(RouteChecker.listedLeg(0.1 + 0.2)).isEqualTo(0.3);
    }
}
