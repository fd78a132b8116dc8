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
import org.tehai.field.TechnicianEvent;
import org.tehai.field.TechnicianEventType;
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
    /** Technicians' words as the prior reads them: what is said follows, give or take a quarter. */
    private static final JobDurations.Spread ASSAID = new JobDurations.Spread(1, 0.25, 0);

    @Inject
    ArrivalWindows windows;

    @Inject
    JobDurations durations;

    @Inject
    TimeLeftGuesses guesses;

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
    void shouldGiveTheChanceOfArrivingAfterTheEndFromDrawsOfTheWorkAhead() {
        Instant nine = Instant.parse("2030-04-02T00:00:00Z"); // 09:00 in Tokyo
        DaySamples.Stop next = new DaySamples.Stop(Duration.ofMinutes(10), 0.2, null, Duration.ofMinutes(30),
                at -> null);
        // On site since 09:00 on a job planned for an hour; at 09:30 the next arrival is about 10:10.
        DaySamples early = windows.sampleDay(nine, nine.plus(Duration.ofMinutes(30)), null, null, 5);
        early.working(null, Duration.ofMinutes(60), nine, nine.plus(Duration.ofMinutes(30)));
        early.next(next);
        Instant end = nine.plus(Duration.ofMinutes(75)); // a window told until 10:15
        double atHalfPast = early.shareAfter(end);
        // At 10:20 the job is still running: every draw ends it later, most after the window's end.
        DaySamples overrun = windows.sampleDay(nine, nine.plus(Duration.ofMinutes(80)), null, null, 5);
        overrun.working(null, Duration.ofMinutes(60), nine, nine.plus(Duration.ofMinutes(80)));
        overrun.next(next);
        assertThat(atHalfPast).isBetween(0.2, 0.7);
        assertThat(overrun.shareAfter(end)).isEqualTo(1.0);
        assertThat(overrun.shareAfter(nine.plus(Duration.ofHours(4)))).isLessThan(0.05);
    }

    @Test
    void shouldEndTheJobOnSiteAroundTheTimeTheTechnicianSaidWeighedWithWhatSuchJobsDo() {
        Instant nine = Instant.parse("2030-04-02T00:00:00Z"); // 09:00 in Tokyo
        Instant halfPast = nine.plus(Duration.ofMinutes(30));
        Duration hour = Duration.ofMinutes(60);
        DaySamples.Stop next = new DaySamples.Stop(Duration.ofMinutes(10), 0.2, null, Duration.ofMinutes(30),
                at -> null);
        Instant end = nine.plus(Duration.ofMinutes(75)); // the next customer was told until 10:15
        // At 09:30, half an hour into a job planned for an hour: "about 60 more minutes" (done about 10:30).
        DaySamples told = windows.sampleDay(nine, halfPast, null, null, 5);
        told.workingAsReported(null, ASSAID, hour, nine, halfPast, halfPast.plus(hour), halfPast);
        Window fresh = told.next(next);
        // The same moment without the word: the job as such jobs go, mostly done in time.
        DaySamples untold = windows.sampleDay(nine, halfPast, null, null, 5);
        untold.working(null, hour, nine, halfPast);
        untold.next(next);
        assertThat(told.shareAfter(end)).isGreaterThan(0.85);
        assertThat(untold.shareAfter(end)).isLessThan(0.7);
        assertThat(fresh.contains(Instant.parse("2030-04-02T01:30:00Z"))).isTrue();
        assertThat(fresh.widthMinutes()).isLessThanOrEqualTo(90);
        // The word, weighed with what hour-long jobs do: most likely between 10:10 and 10:30, never past what was said.
        Instant likely = DaySamples.reportedEnd(durations.of(null), ASSAID, hour, nine, halfPast, halfPast.plus(hour));
        assertThat(likely).isBetween(nine.plus(Duration.ofMinutes(70)), nine.plus(Duration.ofMinutes(90)));
        // "Three more hours" on that job is believed less than "one more hour": pulled further towards the usual.
        Instant longWord = DaySamples.reportedEnd(durations.of(null), ASSAID, hour, nine, halfPast,
                halfPast.plus(Duration.ofHours(3)));
        assertThat(Duration.between(longWord, halfPast.plus(Duration.ofHours(3))))
                .isGreaterThan(Duration.between(likely, halfPast.plus(hour)));
        assertThat(longWord).isBetween(nine.plus(Duration.ofMinutes(120)), halfPast.plus(Duration.ofHours(3)));
        // "About 10 more minutes", said at 09:30, and at 10:00 still at work: it ends soon after now, not before.
        DaySamples overrun = windows.sampleDay(nine, nine.plus(hour), null, null, 5);
        overrun.workingAsReported(null, ASSAID, hour, nine, halfPast, halfPast.plus(Duration.ofMinutes(10)),
                nine.plus(hour));
        // Technicians who say 40 where 60 follow: the same word read later.
        Instant optimists = DaySamples.reportedEnd(durations.of(null), new JobDurations.Spread(1.5, 0.25, 40), hour,
                nine, halfPast, halfPast.plus(hour));
        assertThat(optimists).isAfter(likely.plus(Duration.ofMinutes(15)));
        overrun.next(next);
        assertThat(overrun.shareAfter(nine.plus(Duration.ofMinutes(70)))).isGreaterThan(0.5);
        assertThat(overrun.shareAfter(nine.plus(Duration.ofMinutes(100)))).isLessThan(0.1);
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

    @Test
    void shouldLearnHowTechniciansWordsOfTheTimeLeftTurnOut() {
        guesses.forget();
        JobDurations.Spread before = guesses.spread();
        long region = TestData.region();
        long technician = TestData.technician(region).id();
        LocalDate day = LocalDate.of(2030, 3, 21);
        // Thirty jobs whose technicians said "40 more minutes" and then worked another hour.
        for (int i = 0; i < 30; i++) {
            long id = TestData.visit(TestData.ticket(region), day);
            int index = i;
            QuarkusTransaction.requiringNew().run(() -> {
                Visit visit = Visit.findById(id);
                visit.status = VisitStatus.DONE;
                visit.actualArrival = Instant.now().minus(Duration.ofDays(2));
                visit.actualDeparture = visit.actualArrival.plus(Duration.ofMinutes(90));
                var said = new TechnicianEvent();
                said.technician = org.tehai.technician.Technician.findById(technician);
                said.clientEventId = "guess-" + id + "-" + index;
                said.type = TechnicianEventType.RUNNING_LONG;
                said.visit = visit;
                said.occurredAt = visit.actualArrival.plus(Duration.ofMinutes(30));
                said.receivedAt = said.occurredAt;
                said.minutesLeft = 40;
                said.persist();
            });
        }
        guesses.forget();

        JobDurations.Spread learned = guesses.spread();
        assertThat(learned.finished()).isEqualTo(before.finished() + 30);
        // 30 reports at 1.5 pooled with the prior's 10 at 1.0 (and whatever other tests left).
        assertThat(learned.meanRatio()).isGreaterThan(1.25);
        assertThat(before.meanRatio()).isLessThan(learned.meanRatio());
    }

    @Test
    void shouldQuoteARouteFromDrawsOfTheDayWithTheBreakWhereTheTechnicianTakesIt() {
        Instant nine = Instant.parse("2030-04-02T00:00:00Z"); // 09:00 in Tokyo
        Instant breakFrom = nine.plus(Duration.ofMinutes(90)); // 10:30
        DaySamples.Stop morning = new DaySamples.Stop(Duration.ofMinutes(10), 0.2, null, Duration.ofMinutes(180),
                at -> null);
        DaySamples.Stop afternoon = new DaySamples.Stop(Duration.ofMinutes(10), 0.2, null, Duration.ofMinutes(30),
                at -> null);

        DaySamples withBreak = windows.sampleDay(nine, breakFrom, Duration.ofMinutes(45), 7);
        withBreak.told(withBreak.next(morning), morning);
        Window afterBreak = withBreak.next(afternoon);
        DaySamples noBreak = windows.sampleDay(nine, null, null, 7);
        noBreak.told(noBreak.next(morning), morning);
        Window straightOn = noBreak.next(afternoon);

        // The three-hour job ends after 10:30 in nearly every draw: the 45-minute break comes before the next drive.
        assertThat(Duration.between(straightOn.start(), afterBreak.start()).toMinutes()).isBetween(30L, 60L);
        assertThat(Duration.between(straightOn.end(), afterBreak.end()).toMinutes()).isBetween(30L, 60L);
        // Three hours of a job with a 30 % spread before it: a wide window, the same one for the same seed.
        assertThat(afterBreak.widthMinutes()).isBetween(150L, 240L);
        DaySamples again = windows.sampleDay(nine, breakFrom, Duration.ofMinutes(45), 7);
        again.told(again.next(morning), morning);
        assertThat(again.next(afternoon)).isEqualTo(afterBreak);
    }

    @Test
    void shouldLetDrawsWaitForTheWindowToldAndLeaveFewArrivalsAfterTheEnd() {
        Instant nine = Instant.parse("2030-04-02T00:00:00Z");
        DaySamples.Stop first = new DaySamples.Stop(Duration.ofMinutes(10), 0.2, null, Duration.ofMinutes(30),
                at -> null);
        DaySamples.Stop second = new DaySamples.Stop(Duration.ofMinutes(10), 0.2, null, Duration.ofMinutes(30),
                at -> null);
        DaySamples day = windows.sampleDay(nine, null, null, 11);
        day.next(first);
        // The first customer was told 10:00–11:00: the technician rings at 10:00 at the earliest.
        day.told(new Window(nine.plus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2))), first);
        Window next = day.next(second);
        assertThat(next.start()).isAfterOrEqualTo(nine.plus(Duration.ofMinutes(30)));
        assertThat(next.contains(nine.plus(Duration.ofMinutes(100)))).isTrue(); // 10:00 + 30 min job + 10 min drive

        // The end lies where only the late share of arrivals come after it: 3 % by default, with quarter rounding.
        DaySamples.Stop hour = new DaySamples.Stop(Duration.ZERO, 0, null, Duration.ofMinutes(120), at -> null);
        DaySamples.Stop after = new DaySamples.Stop(Duration.ZERO, 0, null, Duration.ofMinutes(30), at -> null);
        DaySamples long1 = windows.sampleDay(nine, null, null, 3);
        long1.told(long1.next(hour), hour);
        Window afterLongJob = long1.next(after);
        // 120 minutes with a 30 % spread, log-normal: 3 % of such jobs run past about 215 minutes.
        assertThat(Duration.between(nine, afterLongJob.end()).toMinutes()).isBetween(200L, 235L);
    }

    private static Job job(String jobType) {
        return new Job(jobType, Duration.ofMinutes(60));
    }
}
