package org.tehai.arrival;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.tehai.arrival.ArrivalWindows.Window;

/**
 * A technician's day drawn many times, visit by visit, to quote each visit's window from where its arrivals fall.
 * Each draw drives (the planned drive times a spread as the region's measured drives have), takes the break at the
 * first moment after its earliest start between two visits, waits for the customer's availability and for the start
 * of the window the customer was told (technicians do not ring earlier), and works each job as jobs of its type run
 * ({@link JobDurations}: an overrunning type is drawn longer, a varying one wider). Durations are drawn log-normal: a
 * job can run twice its estimate, never below nothing.
 *
 * <p>What a sum of spreads cannot see the draws do: a break that the plan hid in a wait at a door and that a late
 * morning pushes in front of the next customer, a wait for an afternoon availability that swallows an overrun, the
 * long right tail of a single long job. The window then covers the arrivals between two shares of the draws
 * ({@link ArrivalWindows#quantiles}). Draws are seeded, so the same route is quoted the same way.
 */
public final class DaySamples {

    /**
     * One visit ahead: the drive to it as planned (from the previous visit, or from where the day starts; a restock
     * stop on the way included, the plan's break not) and its spread as a share, the job's type and planned
     * duration, and when the customer is there for an arrival at a given instant (null: any time).
     */
    public record Stop(Duration drive, double driveCv, String jobType, Duration job,
            UnaryOperator<Instant> availableFrom, boolean underWay) {

        /** A visit the technician has not set off for: a break that is due may come before the drive. */
        public Stop(Duration drive, double driveCv, String jobType, Duration job, UnaryOperator<Instant> availableFrom) {
            this(drive, driveCv, jobType, job, availableFrom, false);
        }
    }

    private final ArrivalWindows windows;
    private final JobDurations durations;
    private final SplittableRandom random;
    private final double[] ready;
    private final boolean[] breakTaken;
    private final double breakFrom;
    private final double breakSeconds;
    private final double notBefore;
    private double[] starts;

    /**
     * @param from when the technician is free to set off for the first visit ahead (epoch seconds in each draw)
     * @param notBefore no arrival comes before this (the day is under way: now); null when any may
     * @param breakFrom earliest start of a break still to take; null when none is
     */
    DaySamples(ArrivalWindows windows, JobDurations durations, int draws, long seed, Instant from, Instant notBefore,
            Instant breakFrom, Duration breakLength) {
        this.windows = windows;
        this.durations = durations;
        this.random = new SplittableRandom(seed);
        this.ready = new double[draws];
        this.notBefore = notBefore == null ? Double.NEGATIVE_INFINITY : notBefore.getEpochSecond();
        Arrays.fill(ready, from.getEpochSecond());
        this.breakTaken = new boolean[draws];
        Arrays.fill(breakTaken, breakFrom == null);
        this.breakFrom = breakFrom == null ? Double.MAX_VALUE : breakFrom.getEpochSecond();
        this.breakSeconds = breakLength == null ? 0 : breakLength.toSeconds();
    }

    /**
     * The technician is on site since {@code arrived}, on a job of {@code jobType} planned to take {@code planned}:
     * each draw ends it as such jobs end once they have lasted until {@code now} (a job already long is likelier to
     * run longer still).
     */
    public void working(String jobType, Duration planned, Instant arrived, Instant now) {
        JobDurations.Spread spread = durations.of(jobType);
        LogNormal job = LogNormal.of(spread.meanRatio(), spread.sdRatio());
        double elapsed = Math.max(0, Duration.between(arrived, now).toSeconds());
        double lasted = Math.max(1, planned.toSeconds());
        for (int i = 0; i < ready.length; i++) {
            ready[i] = Math.max(now.getEpochSecond() + 60, arrived.getEpochSecond()
                    + lasted * job.drawAtLeast(elapsed / lasted, random));
        }
    }

    /**
     * The technician on site since {@code arrived}, on a job of {@code jobType} planned to take {@code planned}, said at
     * {@code reportedAt} that it ends at {@code doneAt}: each draw ends it as {@link #reportedJob} has it, given that it
     * has not ended by {@code now} and, when the word was that it runs long, not before its planned length.
     */
    public void workingAsReported(String jobType, JobDurations.Spread guesses, Duration planned, Instant arrived,
            Instant reportedAt, Instant doneAt, Instant now) {
        LogNormal job = reportedJob(durations.of(jobType), guesses, planned, arrived, reportedAt, doneAt);
        double lasted = Math.max(1, planned.toSeconds());
        double floor = Math.max(Math.max(0, Duration.between(arrived, now).toSeconds()) / lasted,
                longerThanPlanned(planned, arrived, doneAt));
        for (int i = 0; i < ready.length; i++) {
            ready[i] = Math.max(now.getEpochSecond() + 60, arrived.getEpochSecond()
                    + lasted * job.drawAtLeast(floor, random));
        }
    }

    /**
     * A word that the job takes longer than planned says at least that much: such a job ends after its planned
     * length (as a share of the plan: 1), or after the time said when that is sooner.
     */
    private static double longerThanPlanned(Duration planned, Instant arrived, Instant doneAt) {
        return Math.min(1, Math.max(0, Duration.between(arrived, doneAt).toSeconds())
                / (double) Math.max(1, planned.toSeconds()));
    }

    /**
     * When a job on site that its technician said ends at {@code doneAt} most likely ends: the middle of
     * {@link #reportedJob}, a job said to run long not ending before its planned length.
     */
    public static Instant reportedEnd(JobDurations.Spread spread, JobDurations.Spread guesses, Duration planned,
            Instant arrived, Instant reportedAt, Instant doneAt) {
        LogNormal job = reportedJob(spread, guesses, planned, arrived, reportedAt, doneAt);
        return arrived.plusSeconds(Math.round(Math.max(1, planned.toSeconds())
                * job.medianAtLeast(longerThanPlanned(planned, arrived, doneAt))));
    }

    /**
     * A job's length (as a share of its plan) from two witnesses: how jobs of its type run ({@code spread}), and the
     * technician's word, read as technicians' words turn out ({@code guesses}: the time really left ÷ the time said,
     * {@link TimeLeftGuesses}). Both are log-normal, so they combine by their precisions. A word far from what such
     * jobs do is pulled towards them, the more so the larger the share of the job it is about (its miss is a share of
     * the time left): "three more hours", said half an hour into a job planned for one, reads as about one and three
     * quarters.
     */
    static LogNormal reportedJob(JobDurations.Spread spread, JobDurations.Spread guesses, Duration planned,
            Instant arrived, Instant reportedAt, Instant doneAt) {
        LogNormal usual = LogNormal.of(spread.meanRatio(), spread.sdRatio());
        LogNormal guess = LogNormal.of(guesses.meanRatio(), guesses.sdRatio());
        double lasted = Math.max(1, planned.toSeconds());
        double left = Math.max(60, Duration.between(reportedAt, doneAt).toSeconds()) * guesses.meanRatio();
        double whole = Math.max(0, Duration.between(arrived, reportedAt).toSeconds()) + left;
        double wordSigma = Math.max(0.01, guess.sigma() * left / whole);
        if (usual.sigma() == 0) {
            return new LogNormal(Math.log(whole / lasted), wordSigma);
        }
        double usualWeight = 1 / (usual.sigma() * usual.sigma());
        double wordWeight = 1 / (wordSigma * wordSigma);
        double mu = (usual.mu() * usualWeight + Math.log(whole / lasted) * wordWeight) / (usualWeight + wordWeight);
        return new LogNormal(mu, Math.sqrt(1 / (usualWeight + wordWeight)));
    }

    /** The window for the next visit ahead; {@link #told} must follow before the visit after it is asked. */
    public Window next(Stop stop) {
        LogNormal drive = LogNormal.of(1, stop.driveCv());
        starts = new double[ready.length];
        for (int i = 0; i < ready.length; i++) {
            double leave = ready[i];
            if (!breakTaken[i] && leave >= breakFrom && !stop.underWay()) {
                leave += breakSeconds;
                breakTaken[i] = true;
            }
            double arrival = Math.max(notBefore, leave + stop.drive().toSeconds() * drive.draw(random));
            Instant available = stop.availableFrom().apply(Instant.ofEpochSecond((long) arrival));
            starts[i] = available == null ? arrival : Math.max(arrival, available.getEpochSecond());
        }
        double[] sorted = starts.clone();
        Arrays.sort(sorted);
        double[] shares = windows.quantiles();
        Instant early = Instant.ofEpochSecond(Math.round(quantile(sorted, shares[0])));
        Instant late = Instant.ofEpochSecond(Math.round(quantile(sorted, shares[1])));
        return windows.place(early, late, stop.availableFrom().apply(early));
    }

    /** The share of draws in which the visit just asked starts after {@code end}. */
    public double shareAfter(Instant end) {
        double limit = end.getEpochSecond();
        int after = 0;
        for (double start : starts) {
            after += start > limit ? 1 : 0;
        }
        return (double) after / starts.length;
    }

    /**
     * The window the customer of the visit just asked is held to (the fresh one, or one told earlier that still
     * holds): arrivals before its start wait for it, then the job is worked.
     */
    public void told(Window window, Stop stop) {
        JobDurations.Spread spread = durations.of(stop.jobType());
        LogNormal job = LogNormal.of(spread.meanRatio(), spread.sdRatio());
        double opens = window == null ? Double.NEGATIVE_INFINITY : window.start().getEpochSecond();
        for (int i = 0; i < ready.length; i++) {
            ready[i] = Math.max(starts[i], opens) + stop.job().toSeconds() * job.draw(random);
        }
    }

    private static double quantile(double[] sorted, double share) {
        double position = share * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** A log-normal factor with the given mean and standard deviation. */
    private record LogNormal(double mu, double sigma) {

        static LogNormal of(double mean, double sd) {
            double m = Math.max(mean, 0.05);
            double sigma2 = Math.log(1 + sd * sd / (m * m));
            return new LogNormal(Math.log(m) - sigma2 / 2, Math.sqrt(sigma2));
        }

        double draw(SplittableRandom random) {
            return sigma == 0 ? Math.exp(mu) : Math.exp(mu + sigma * random.nextGaussian());
        }

        /** The middle of the draws of at least {@code floor}. */
        double medianAtLeast(double floor) {
            if (sigma == 0 || floor <= 0) {
                return Math.max(floor, Math.exp(mu));
            }
            double below = ArrivalWindows.normalCdf((Math.log(floor) - mu) / sigma);
            if (below > 0.999) {
                return floor * 1.05;
            }
            return Math.max(floor, Math.exp(mu + sigma * ArrivalWindows.quantileOfNormal(below + (1 - below) / 2)));
        }

        /** A draw among those of at least {@code floor} (the tail beyond it, by its inverse distribution). */
        double drawAtLeast(double floor, SplittableRandom random) {
            if (sigma == 0 || floor <= 0) {
                return Math.max(floor, draw(random));
            }
            double below = ArrivalWindows.normalCdf((Math.log(floor) - mu) / sigma);
            if (below > 0.999) {
                return floor * 1.05; // far past anything seen: a little longer still
            }
            double share = below + (1 - below) * random.nextDouble();
            return Math.max(floor, Math.exp(mu + sigma * ArrivalWindows.quantileOfNormal(share)));
        }
    }
}
