package org.tehai.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.arrival.ArrivalWindows.Job;
import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.arrival.ArrivalWindows.WorkBefore;
import org.tehai.support.Api;
import org.tehai.support.TestData;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Windows from the uncertainty before an arrival, with job durations learned from finished visits. */
@QuarkusTest
class ArrivalWindowsTest {

    private static final Instant ARRIVAL = Instant.parse("2030-04-02T03:00:00Z"); // 12:00 in Tokyo

    @Inject
    ArrivalWindows windows;

    @Inject
    JobDurations durations;

    @Test
    void shouldWidenWithTheWorkBeforeTheArrivalAndRoundToQuarterHours() {
        Window first = windows.quote(ARRIVAL, new WorkBefore(List.of(), List.of(Duration.ofMinutes(20))), null);
        Window fourth = windows.quote(ARRIVAL, new WorkBefore(List.of(job(null), job(null), job(null)),
                List.of(Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(10))),
                null);
        assertThat(first.widthMinutes()).isEqualTo(60); // nothing uncertain before it: the minimum width
        assertThat(fourth.widthMinutes()).isGreaterThan(first.widthMinutes()).isLessThanOrEqualTo(240);
        assertThat(fourth.contains(ARRIVAL)).isTrue();
        assertThat(fourth.start().getEpochSecond() % 900).isZero();
        assertThat(fourth.end().getEpochSecond() % 900).isZero();
    }

    @Test
    void shouldGiveTheChanceOfArrivingAfterTheEndFromTheSpreadOfTheWorkAhead() {
        Instant end = ARRIVAL.plus(Duration.ofMinutes(30));
        double spread = Duration.ofMinutes(20).toSeconds();
        assertThat(ArrivalWindows.chanceAfter(end, spread, end)).isCloseTo(0.5, within(0.001));
        // 30 minutes of margin are 1.5 spreads: about 7 % late; 10 minutes past the end, about 69 %.
        assertThat(ArrivalWindows.chanceAfter(ARRIVAL, spread, end)).isCloseTo(0.0668, within(0.001));
        assertThat(ArrivalWindows.chanceAfter(end.plus(Duration.ofMinutes(10)), spread, end))
                .isCloseTo(0.6915, within(0.001));
        // With less work ahead the same margin is safer; with none left, the estimate decides alone.
        assertThat(ArrivalWindows.chanceAfter(ARRIVAL, spread / 2, end)).isLessThan(0.01);
        assertThat(ArrivalWindows.chanceAfter(ARRIVAL, 0, end)).isZero();
        assertThat(ArrivalWindows.chanceAfter(end.plusSeconds(1), 0, end)).isEqualTo(1.0);
    }

    @Test
    void shouldNotStartBeforeTheCustomerIsAvailable() {
        Instant available = ARRIVAL.plus(Duration.ofMinutes(10));
        Window window = windows.quote(ARRIVAL, new WorkBefore(List.of(job(null), job(null)), List.of()), available);
        assertThat(window.start()).isEqualTo(ARRIVAL.plus(Duration.ofMinutes(15)));
        assertThat(window.widthMinutes()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void shouldLearnThatAJobTypeOverrunsAndMoveTheWindowLater() {
        String jobType = Api.unique("SLOW_JOB");
        long region = TestData.region();
        LocalDate day = LocalDate.of(2030, 3, 20);
        // Twelve finished jobs of the type, estimated at an hour, took 80 to 100 minutes.
        for (int i = 0; i < 12; i++) {
            long id = TestData.visit(TestData.ticket(region), day);
            int minutes = 80 + (i % 3) * 10;
            QuarkusTransaction.requiringNew().run(() -> {
                Visit visit = Visit.findById(id);
                visit.jobType = jobType;
                visit.status = VisitStatus.DONE;
                visit.actualArrival = Instant.now().minus(Duration.ofDays(2));
                visit.actualDeparture = visit.actualArrival.plus(Duration.ofMinutes(minutes));
            });
        }
        durations.forget();

        JobDurations.Spread learned = durations.of(jobType);
        assertThat(learned.finished()).isEqualTo(12);
        // 12 visits at 1.5 on average pooled with the prior's 10 at 1.0.
        assertThat(learned.meanRatio()).isCloseTo((10 * 1.0 + 12 * 1.5) / 22, within(0.01));
        JobDurations.Spread unknown = durations.of(Api.unique("NEVER_SEEN"));
        assertThat(unknown.meanRatio()).isEqualTo(1.0);
        assertThat(unknown.finished()).isZero();

        Window afterSlowJob = windows.quote(ARRIVAL, new WorkBefore(List.of(job(jobType)), List.of()), null);
        Window afterUnknownJob = windows.quote(ARRIVAL, new WorkBefore(List.of(job("NEVER_SEEN")), List.of()), null);
        // The overrun (about 16 minutes) moves the window later and its spread widens it.
        assertThat(afterSlowJob.start()).isAfterOrEqualTo(afterUnknownJob.start());
        assertThat(Duration.between(afterUnknownJob.end(), afterSlowJob.end()).toMinutes()).isBetween(15L, 45L);
    }

    private static Job job(String jobType) {
        return new Job(jobType, Duration.ofMinutes(60));
    }
}
