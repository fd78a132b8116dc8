package org.tehai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tehai.bench.BenchProblem.Suite;

/** The benchmark runner end to end on one instance of each suite, a few seconds each. */
class BenchmarkRunnerSmokeTest {

    /** Two instances kept with the tests (see its README), read the way -Dbench.dir reads a folder. */
    private static final Path BENCH_DIR = Path.of("src", "test", "resources", "bench-smoke");
    private static final Path OUT_DIR = Path.of("target", "bench-smoke");

    @Test
    void solvesASolomonInstanceFeasiblyAndWritesTheCsv() throws IOException {
        List<BenchmarkRunner.Row> rows = BenchmarkRunner.run(
                new BenchmarkRunner.Options(Suite.SOLOMON, List.of("C101"), 4, BENCH_DIR, OUT_DIR));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.check().violations()).isEmpty();
            assertThat(row.check().feasible()).isTrue();
            assertThat(row.check().allServed()).isTrue();
            assertThat(row.bestKnown()).isEqualTo(827.3);
            // 827.3 is C101's optimum with legs truncated to one decimal: the same tour is 828.94 unrounded.
            assertThat(row.listedObjective()).isGreaterThanOrEqualTo(827.3 - 1e-6).isLessThan(row.objective());
            assertThat(row.gapPct()).isLessThan(row.realGapPct());
        });
        List<String> csv = Files.readAllLines(OUT_DIR.resolve("solomon.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo(BenchmarkRunner.HEADER + BenchmarkRunner.SOLOMON_HEADER
                + BenchmarkRunner.PEER_HEADER);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith("C101,true,true,");
    }

    @Test
    void solvesATrspInstanceByPrefixFeasiblyAndWritesTheCsv() throws IOException {
        List<BenchmarkRunner.Row> rows = BenchmarkRunner.run(
                new BenchmarkRunner.Options(Suite.TRSP, List.of("C101"), 6, BENCH_DIR, OUT_DIR));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.instance()).isEqualTo("C101.100_25-5-5-5");
            assertThat(row.check().violations()).isEmpty();
            assertThat(row.check().feasible()).isTrue();
            assertThat(row.check().allServed()).isTrue();
        });
        List<String> csv = Files.readAllLines(OUT_DIR.resolve("trsp.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo(BenchmarkRunner.HEADER);
        assertThat(csv.get(1)).startsWith("C101.100_25-5-5-5,true,true,");
    }
}
