package org.tehai.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.tehai.planning.Location;
import org.tehai.planning.TravelTimeProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How fast a region's drives really are, hour by hour, learned from the drives technicians report: every EN_ROUTE
 * followed by ARRIVED at the same visit is a measured drive ({@code field/DriveLog}), compared with the base time of
 * the same leg (from where the technician set off to the site). A drive with a break in between, one whose position
 * trail shows a detour ({@code tehai.routing.max-detour} times the straight line) or a stop longer than
 * {@code tehai.routing.longest-stop}, a very short one, or one far off the base time (a forgotten tap) teaches
 * nothing and is left out.
 *
 * <p>For each hour of departure the ratio measured / base has a mean (1.4: drives take 40 % longer than the base
 * says) and a spread. Few drives say little, so the region's mean is pulled towards 1 as if the prior had been seen
 * {@code tehai.routing.prior-drives} times, and each hour's mean towards the region's as if the region's had been
 * seen as many times as the drives themselves say ({@link Model#hourWeight}: few when the hours clearly differ, up
 * to the prior's count when they do not); spreads are pooled alike. The result applies as a factor on base drive
 * times by departure hour ({@link TravelTimes}).
 */
@ApplicationScoped
public class DriveSpeeds {

    /**
     * A region's measured drives by local hour of departure: how many, and the mean and variance of their ratio
     * measured / base. The factor on base times and its spread are pooled from them on demand.
     */
    public record Model(long[] count, double[] mean, double[] variance, double priorDrives) {

        /** Nothing measured: base times are right. */
        static Model none(double priorDrives) {
            return new Model(new long[24], new double[24], new double[24], priorDrives);
        }

        /** All drives of the region. */
        public long drives() {
            long n = 0;
            for (long c : count) {
                n += c;
            }
            return n;
        }

        /** How many times its base time a drive leaving at {@code hour} is expected to take. */
        public double factor(int hour) {
            double k = hourWeight();
            return (k * regionMean() + count[hour] * mean[hour]) / (k + count[hour]);
        }

        /**
         * How many drives the region's mean counts as when it is pooled with one hour's: the spread of single drives
         * within an hour over the spread of the hours' true means around the region's (estimated from how far the
         * hours' averages lie apart, less what their few drives alone would scatter them). Hours that differ clearly
         * (a rush hour) soon speak for themselves; hours that do not stay near the region's. At least 1, at most
         * {@code priorDrives}.
         */
        public double hourWeight() {
            long n = drives();
            int hours = 0;
            double sumOfSquaredCounts = 0;
            for (long c : count) {
                hours += c > 0 ? 1 : 0;
                sumOfSquaredCounts += (double) c * c;
            }
            if (hours < 2) {
                return priorDrives;
            }
            double average = sum() / n;
            double within = 0;
            double between = 0;
            for (int hour = 0; hour < 24; hour++) {
                within += count[hour] * variance[hour];
                between += count[hour] * Math.pow(mean[hour] - average, 2);
            }
            within /= Math.max(1, n - hours);
            double spreadOfHours = (between - (hours - 1) * within) / (n - sumOfSquaredCounts / n);
            if (!(spreadOfHours > 0)) {
                return priorDrives;
            }
            return Math.max(1, Math.min(priorDrives, within / spreadOfHours));
        }

        /**
         * Spread of a drive leaving at {@code hour}, as a share of its expected duration; {@code priorCv} is what is
         * assumed before drives are measured.
         */
        public double cv(int hour, double priorCv) {
            double k = priorDrives;
            long n = drives();
            double region = regionMean();
            double regionAverage = n == 0 ? 1 : sum() / n;
            double regionVariance = (k * (priorCv * priorCv + Math.pow(1 - region, 2))
                    + n * (pooledWithin() + Math.pow(regionAverage - region, 2))) / (k + n);
            double hourMean = factor(hour);
            double w = hourWeight();
            double hourVariance = (w * (regionVariance + Math.pow(region - hourMean, 2))
                    + count[hour] * (variance[hour] + Math.pow(mean[hour] - hourMean, 2))) / (w + count[hour]);
            return Math.sqrt(hourVariance) / hourMean;
        }

        private double regionMean() {
            return (priorDrives + sum()) / (priorDrives + drives());
        }

        private double sum() {
            double total = 0;
            for (int hour = 0; hour < 24; hour++) {
                total += count[hour] * mean[hour];
            }
            return total;
        }

        /** Variance of all the region's ratios around the region's average. */
        private double pooledWithin() {
            long n = drives();
            if (n == 0) {
                return 0;
            }
            double average = sum() / n;
            double squares = 0;
            for (int hour = 0; hour < 24; hour++) {
                squares += count[hour] * (variance[hour] + Math.pow(mean[hour] - average, 2));
            }
            return squares / n;
        }
    }

    /** A trail may wander this much beyond the detour share (GPS jitter, the last street to the door). */
    private static final double DETOUR_SLACK_METERS = 300;
    /** A ratio below this (4 times faster) or above the other (4 times slower) was not a plain drive. */
    private static final double MIN_RATIO = 0.25;
    private static final double MAX_RATIO = 4;
    /** A model is read again after this much time, by the application's clock or the wall's. */
    private static final Duration FRESH_FOR = Duration.ofMinutes(15);
    private static final long FRESH_FOR_WALL_NANOS = Duration.ofMinutes(5).toNanos();

    private record Cached(Model model, Instant readAt, long readAtNanos) {
    }

    @Inject
    RoutingSettings settings;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private final Map<Long, Cached> byRegion = new ConcurrentHashMap<>();

    /** The learned model of a region, whose measured drives are compared with {@code base}. */
    public Model of(long regionId, ZoneId zone, TravelTimeProvider base) {
        Instant now = Instant.now(clock);
        Cached cached = byRegion.get(regionId);
        if (cached == null || now.isBefore(cached.readAt()) || now.isAfter(cached.readAt().plus(FRESH_FOR))
                || System.nanoTime() - cached.readAtNanos() > FRESH_FOR_WALL_NANOS) {
            Model model = QuarkusTransaction.joiningExisting().call(() -> load(regionId, zone, base, now));
            cached = new Cached(model, now, System.nanoTime());
            byRegion.put(regionId, cached);
        }
        return cached.model();
    }

    /** Reads every region again on the next question (tests, after loading history). */
    public void forget() {
        byRegion.clear();
    }

    private Model load(long regionId, ZoneId zone, TravelTimeProvider base, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select extract(epoch from departed_at), extract(epoch from arrived_at - departed_at),
                       from_latitude, from_longitude, to_latitude, to_longitude
                from measured_drive
                where region_id = ?1 and departed_at >= ?2 and departed_at <= ?3 and not had_break
                  and trail_meters <= ?4 * direct_meters + ?5 and longest_stop_seconds <= ?6""")
                .setParameter(1, regionId).setParameter(2, now.minus(settings.history())).setParameter(3, now)
                .setParameter(4, settings.maxDetour()).setParameter(5, DETOUR_SLACK_METERS)
                .setParameter(6, settings.longestStop().toSeconds())
                .getResultList();
        long shortest = settings.shortestLearnedDrive().toSeconds();
        long[] count = new long[24];
        double[] sum = new double[24];
        double[] sumSquares = new double[24];
        for (Object[] row : rows) {
            Instant departure = Instant.ofEpochMilli(Math.round(((Number) row[0]).doubleValue() * 1000));
            double measured = ((Number) row[1]).doubleValue();
            long planned = base.travelSeconds(new Location(number(row[2]), number(row[3])),
                    new Location(number(row[4]), number(row[5])));
            if (planned < shortest) {
                continue;
            }
            double ratio = measured / planned;
            if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
                continue;
            }
            int hour = departure.atZone(zone).getHour();
            count[hour]++;
            sum[hour] += ratio;
            sumSquares[hour] += ratio * ratio;
        }
        double[] mean = new double[24];
        double[] variance = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            if (count[hour] > 0) {
                mean[hour] = sum[hour] / count[hour];
                variance[hour] = Math.max(0, sumSquares[hour] / count[hour] - mean[hour] * mean[hour]);
            }
        }
        return new Model(count, mean, variance, settings.priorDrives());
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
