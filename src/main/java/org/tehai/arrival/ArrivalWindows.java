package org.tehai.arrival;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.region.Region;
import org.tehai.routing.TravelTimes;

/**
 * The window quoted for a planned arrival. The arrival is a point; what comes before it on the route is uncertain:
 * each earlier job may run longer or shorter, each drive may take longer. How jobs of a type really run is learned
 * from finished visits ({@link JobDurations}): a type that usually overruns moves the window later, a type that
 * varies a lot widens it.
 *
 * <p>A published route, and the rest of a day under way, are quoted by drawing the technician's day many times
 * ({@link DaySamples}): breaks, waits for the customer and the long tail of a job are then where they fall. A slot
 * offered on a later day, whose route is not settled, is quoted from spreads that add up as variances, so the window
 * widens with the position on the route: expected = arrival + Σ bias_job, spread = √(Σ (sd_job × job)² +
 * Σ (cv_travel × drive)²). Either way the window runs from the
 * arrival that {@code 1 - coverage - late-share} of arrivals come before to the one that {@code late-share} come
 * after (a technician who is early waits; a customer should not), its width rounded up to the quarter hour and kept
 * between a minimum and a maximum, starting on the quarter nearest to where it would. A window never starts before
 * the customer is available. Later in the day fewer jobs lie before the arrival, so a window computed then is
 * narrower: that is how windows narrow as the day progresses (see {@link LiveEstimates}).
 */
@ApplicationScoped
public class ArrivalWindows {

    /** A quoted window. */
    public record Window(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && !instant.isAfter(end);
        }

        public long widthMinutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /** A job before the arrival: its type and how long it is still planned to take. */
    public record Job(String jobType, Duration planned) {
    }

    /**
     * What came before the arrival on the route: the earlier jobs and every drive up to it, and the spread of a drive
     * as a share of its duration as the region's measured drives teach it (negative: the configured prior).
     */
    public record WorkBefore(List<Job> jobs, List<Duration> drives, double driveCv) {

        public WorkBefore(List<Job> jobs, List<Duration> drives) {
            this(jobs, drives, -1);
        }
    }

    @Inject
    ArrivalSettings settings;

    @Inject
    JobDurations durations;

    @Inject
    TravelTimes travelTimes;

    /**
     * The window for an arrival planned at {@code plannedArrival} after {@code before}; {@code availableFrom}, when
     * not null, is when the customer's availability begins: the window does not start earlier.
     */
    public Window quote(Instant plannedArrival, WorkBefore before, Instant availableFrom) {
        return around(expected(plannedArrival, before), before, availableFrom);
    }

    /** The window for an arrival in {@code region}: its drives spread as the region's measured drives do. */
    public Window quote(Instant plannedArrival, WorkBefore before, Instant availableFrom, Region region) {
        return quote(plannedArrival, inRegion(before, region, plannedArrival), availableFrom);
    }

    /** The work before an arrival around {@code at} in {@code region}, with the region's learned drive spread. */
    public WorkBefore inRegion(WorkBefore before, Region region, Instant at) {
        return new WorkBefore(before.jobs(), before.drives(),
                travelTimes.driveCv(region.id, region.zone(), at, settings.travelCv()));
    }

    /** The window around an arrival already expected at {@code centre} (the bias of the work before it counted). */
    public Window around(Instant centre, WorkBefore before, Instant availableFrom) {
        double spread = spreadSeconds(before);
        double[] shares = quantiles();
        return place(centre.plusSeconds(Math.round(quantileOfNormal(shares[0]) * spread)),
                centre.plusSeconds(Math.round(quantileOfNormal(shares[1]) * spread)), availableFrom);
    }

    /**
     * The shares of arrivals a window's start and end lie at: {@code tehai.arrival.late-share} of them come after
     * its end, and what else the coverage leaves out comes before its start, where the technician waits.
     */
    double[] quantiles() {
        double outside = 1 - settings.coverage();
        double late = Math.min(settings.lateShare(), outside);
        return new double[] { outside - late, 1 - late };
    }

    /**
     * A technician's day ahead, to be drawn {@code tehai.arrival.day-draws} times ({@link DaySamples}), from when the
     * technician is free to set off; {@code breakFrom} is the earliest start of a break still to take (null: none).
     */
    public DaySamples sampleDay(Instant from, Instant breakFrom, Duration breakLength, long seed) {
        return sampleDay(from, null, breakFrom, breakLength, seed);
    }

    /** The same, for a day under way: no arrival comes before {@code notBefore}. */
    public DaySamples sampleDay(Instant from, Instant notBefore, Instant breakFrom, Duration breakLength, long seed) {
        return new DaySamples(this, durations, Math.max(1, settings.dayDraws()), seed, from, notBefore, breakFrom,
                breakLength);
    }

    /** The spread of a drive in {@code region} around {@code at}, as a share of its duration. */
    public double driveCv(Region region, Instant at) {
        return travelTimes.driveCv(region.id, region.zone(), at, settings.travelCv());
    }

    /**
     * The window from an early and a late arrival: at least the minimum width, its width rounded up to the quarter
     * hour and placed on the quarter nearest to where it would start (a window is no wider than its arrivals need
     * because their middle fell between two quarters), never starting before the customer is available, at most the
     * maximum width.
     */
    Window place(Instant early, Instant late, Instant availableFrom) {
        Duration minWidth = settings.minWidth();
        Duration maxWidth = settings.maxWidth();
        long needed = Math.min(Math.max(Duration.between(early, late).toSeconds(), minWidth.toSeconds()),
                maxWidth.toSeconds());
        long width = Math.max(minWidth.toSeconds(), -Math.floorDiv(-needed, QUARTER) * QUARTER);
        Instant middle = early.plusSeconds(Duration.between(early, late).toSeconds() / 2);
        Instant start = nearestQuarter(middle.minusSeconds(width / 2));
        Instant end = start.plusSeconds(width);
        if (availableFrom != null && start.isBefore(availableFrom)) {
            // The customer is not there earlier; waiting for them absorbs the early part of the spread.
            start = ceilQuarter(availableFrom);
            end = end.isBefore(start.plus(minWidth)) ? start.plus(minWidth) : end;
        }
        if (Duration.between(start, end).compareTo(maxWidth) > 0) {
            end = start.plus(maxWidth);
        }
        return new Window(start, end);
    }

    /**
     * The standard deviation of an arrival after {@code before}: the spreads of the earlier jobs (as learned for their
     * types) and of every drive, added as variances.
     */
    public double spreadSeconds(WorkBefore before) {
        double variance = 0;
        for (Job job : before.jobs()) {
            variance += Math.pow(durations.of(job.jobType()).sdSeconds(job.planned()), 2);
        }
        double driveCv = before.driveCv() >= 0 ? before.driveCv() : settings.travelCv();
        for (Duration drive : before.drives()) {
            variance += Math.pow(driveCv * drive.toSeconds(), 2);
        }
        return Math.sqrt(variance);
    }

    /** Where the arrival is expected once the learned over- or underrun of the jobs before it is counted. */
    public Instant expected(Instant plannedArrival, WorkBefore before) {
        long bias = 0;
        for (Job job : before.jobs()) {
            bias += durations.of(job.jobType()).bias(job.planned()).toSeconds();
        }
        return plannedArrival.plusSeconds(bias);
    }

    /** The standard normal quantile of a share (0.95 → 1.64, 0.05 → −1.64). */
    static double quantileOfNormal(double p) {
        double low = -6;
        double high = 6;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (normalCdf(mid) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    static double normalCdf(double x) {
        // Abramowitz and Stegun 7.1.26 for erf; error below 1.5e-7.
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
    }

    private static final long QUARTER = Duration.ofMinutes(15).toSeconds();

    private static Instant nearestQuarter(Instant instant) {
        long seconds = instant.getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(seconds + QUARTER / 2, QUARTER) * QUARTER);
    }

    private static Instant ceilQuarter(Instant instant) {
        long quarter = Duration.ofMinutes(15).toSeconds();
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(-Math.floorDiv(-seconds, quarter) * quarter);
    }
}
