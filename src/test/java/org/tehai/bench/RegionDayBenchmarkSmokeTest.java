package org.tehai.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tehai.demo.RegionDayGenerator;
import org.tehai.demo.RegionDayGenerator.RegionDay;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;

/**
 * The region-day benchmark end to end on a small day (24 visits, 6 technicians): proposal, live day, two urgent
 * visits through the problem change, CSV. Only outcomes are asserted, never times.
 */
class RegionDayBenchmarkSmokeTest {

    private static final Path OUT_DIR = Path.of("target", "bench-smoke");

    @Test
    void proposesFeasiblyAndPlacesUrgentVisitsInTheLiveSolve() throws IOException {
        RegionDayBenchmark.Options options = new RegionDayBenchmark.Options(24, 6, RegionDayBenchmark.DEFAULT_SEED,
                4, 2, 10 * RegionDayGenerator.HOUR, 0.5, 2, 0.2, 10, OUT_DIR);

        RegionDayBenchmark.Result result = RegionDayBenchmark.run(options);

        assertThat(result.firstFeasibleSeconds()).isNotNull();
        assertThat(result.atEnd().score().hardScore()).isZero();
        assertThat(result.liveCustomerVisits()).isPositive();
        assertThat(result.urgent()).hasSize(2).allSatisfy(urgent -> {
            assertThat(urgent.seconds()).as("%s placed", urgent.id()).isNotNull();
            assertThat(urgent.score().hardScore()).isZero();
            assertThat(urgent.serviceStart()).isGreaterThanOrEqualTo(urgent.windowStart());
        });
        List<String> csv = Files.readAllLines(OUT_DIR.resolve("region-day.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("customer_visits,24", "urgent_placed,2/2", "at_end_priority_inversions,0");
        assertThat(csv).filteredOn(line -> line.startsWith("peak_heap_mb,")).singleElement()
                .satisfies(line -> assertThat(Long.parseLong(line.substring("peak_heap_mb,".length()))).isPositive());
        assertThat(Files.readAllLines(OUT_DIR.resolve("region-day-progress.csv"), StandardCharsets.UTF_8))
                .hasSizeGreaterThan(1);
    }

    @Test
    void generatesTheSameDayForTheSameSeed() {
        RegionDay first = new RegionDayGenerator(100, 1000, RegionDayBenchmark.DEFAULT_SEED).generate();
        RegionDay second = new RegionDayGenerator(100, 1000, RegionDayBenchmark.DEFAULT_SEED).generate();

        assertThat(first.visits()).hasSize(1100);
        assertThat(first.visits().stream().map(PlannedVisit::requestSignature).toList())
                .isEqualTo(second.visits().stream().map(PlannedVisit::requestSignature).toList());
        assertThat(first.visits().stream()
                .filter(v -> v.getPriority() == PlanningPriority.P1 && v.isCustomer()).count())
                .isBetween(10L, 80L);
        // The documented day: its priorities as docs/dispatch-benchmark.md gives them, two depots.
        assertThat(first.visits().stream().filter(PlannedVisit::isCustomer)
                .collect(Collectors.groupingBy(PlannedVisit::getPriority, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(PlanningPriority.P1, 28L, PlanningPriority.P2, 118L,
                        PlanningPriority.P3, 545L, PlanningPriority.P4, 309L));
        assertThat(first.visits().stream().filter(v -> !v.isCustomer()).map(PlannedVisit::getLocation).distinct())
                .hasSize(2);
        // Every job can be done by someone on the team.
        assertThat(first.visits()).allSatisfy(visit -> assertThat(first.technicians())
                .anyMatch(technician -> technician.masters(visit.getRequiredSkillLevels())));
    }

    @Test
    void growsTheAreaAndTheDepotsWithTheDay() {
        RegionDayGenerator city = new RegionDayGenerator(1000, 10_000, RegionDayBenchmark.DEFAULT_SEED);
        RegionDay day = city.generate();

        assertThat(city.depotCount()).isEqualTo(10);
        assertThat(city.areaSideKm()).isCloseTo(79.06, within(0.01));
        assertThat(new RegionDayGenerator(100, 1000, RegionDayBenchmark.DEFAULT_SEED).areaSideKm()).isEqualTo(25.0);
        assertThat(day.visits()).hasSize(11_000);
        assertThat(day.visits().stream().filter(v -> !v.isCustomer()).map(PlannedVisit::getLocation).distinct())
                .hasSize(10);
        // Visits spread over the larger area: some lie farther from the centre than the 1,000-visit day reaches.
        Location centre = new Location(35.680, 139.650);
        assertThat(day.visits().stream().filter(PlannedVisit::isCustomer)
                .filter(v -> v.getLocation().metersTo(centre) > 20_000).count()).isGreaterThan(1_000);
    }
}
