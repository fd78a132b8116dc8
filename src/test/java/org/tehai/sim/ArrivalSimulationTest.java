package org.tehai.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.demo.DemoData;
import org.tehai.support.AdjustableClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The arrival-window simulation ({@link ArrivalSimulation}). It empties the database to load the demo region, so it
 * runs in its own test JVM (the {@code arrival-simulation} execution in pom.xml): as a one-day smoke in every build,
 * and for as many days as asked with {@code ./mvnw -Psimulate verify -Dsim.days=N}, which writes
 * {@code target/sim/summary.json} and one line per visit in {@code target/sim/visits.csv}.
 */
@QuarkusTest
class ArrivalSimulationTest {

    @Inject
    AdjustableClock clock;

    @Inject
    DemoData demo;

    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldKeepMostArrivalsInsideTheWindowTold() throws IOException {
        int days = Integer.getInteger("sim.days", 1);
        int solveSeconds = Integer.getInteger("sim.solve-seconds", 10);
        Duration ping = Duration.ofMinutes(Integer.getInteger("sim.ping-minutes", 15));
        long seed = Long.getLong("sim.seed", 7);
        LocalDate firstDay = LocalDate.parse(System.getProperty("sim.first-day", "2027-03-01"));
        Path out = Path.of(System.getProperty("sim.out", "target/sim-smoke"));

        ArrivalSimulation.Options options = new ArrivalSimulation.Options(Boolean.getBoolean("sim.live"),
                Integer.getInteger("sim.live-seconds-per-hour", 3), Boolean.getBoolean("sim.unknown-speeds"));
        ArrivalSimulation simulation = new ArrivalSimulation(clock, demo, solveSeconds, ping, seed, options);
        Map<String, Object> summary = simulation.run(firstDay, days);

        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary));
        Files.write(out.resolve("visits.csv"), simulation.visitRows());
        System.out.println("[simulation] " + summary);
        // What a customer notices: nearly every visit arrived, inside the window they were first told, and a
        // window that is a couple of hours at most.
        assertThat((int) summary.get("visits")).isGreaterThan(50 * days);
        assertThat((double) summary.get("first_window_hit_rate")).isGreaterThanOrEqualTo(0.8);
        assertThat((double) summary.get("last_window_hit_rate")).isGreaterThanOrEqualTo(0.8);
        assertThat((Long) summary.get("median_width_min")).isBetween(60L, 150L);
    }
}
