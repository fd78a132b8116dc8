package org.tehai.planning;

import java.util.List;

/**
 * Source of driving times between two locations. The plan asks it once for all its locations when the problem is
 * built (see {@link TravelTimeMatrix}); constraints only read the matrix, so an implementation may be slow.
 *
 * <p>Times are base times; how much longer a drive takes at a given hour of the day (rush hours) is a factor on
 * them ({@link #driveFactor}), so a problem computes its base matrix once and applies the factor by departure hour.
 */
@FunctionalInterface
public interface TravelTimeProvider {

    /** Driving time in model seconds; implementations round up so that a planned leg is never too short. */
    long travelSeconds(Location from, Location to);

    /**
     * Driving times between every pair of {@code locations}: {@code result[i][j]} from i to j, 0 on the diagonal.
     * A road network answers this with one search per origin instead of one per pair.
     */
    default long[][] matrix(List<Location> locations) {
        int n = locations.size();
        long[][] seconds = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    seconds[i][j] = travelSeconds(locations.get(i), locations.get(j));
                }
            }
        }
        return seconds;
    }

    /**
     * How many times its base time a drive leaving at local hour {@code departureHour} (0 to 23) takes: 1 when
     * nothing better is known; learned from measured drives by the application.
     */
    default double driveFactor(int departureHour) {
        return 1.0;
    }
}
