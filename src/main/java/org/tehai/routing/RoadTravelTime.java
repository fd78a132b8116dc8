package org.tehai.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.tehai.planning.Location;
import org.tehai.planning.TravelTimeProvider;

/**
 * Travel times on a road network: the fastest car drive between the points where two locations meet the roads, plus
 * the straight-line estimate for the short way from each location to its road point.
 *
 * <p>A problem's matrix takes one search per location. Up to {@code maxMatrixLocations} locations every pair is
 * driven; beyond that each location gets road times to its {@code nearestByRoad} nearest neighbours by straight
 * line (the legs a route mostly uses) and the straight-line estimate for every other pair, so a large problem costs
 * short searches only. Pairs no road joins (a location off the network, a one-way street with no way back) take the
 * straight-line estimate too.
 *
 * <p>Drives found are kept (up to {@value #MAX_KEPT_DRIVES} pairs, then forgotten all at once), so the next problem of
 * the same day, a slot offer or a live estimate searches only from locations with a destination not driven before.
 */
public final class RoadTravelTime implements TravelTimeProvider {

    /** About 100 bytes a pair: some 30 MB at most. */
    static final int MAX_KEPT_DRIVES = 300_000;

    private record Leg(Location from, Location to) {
    }

    private final Map<Leg, Long> drivesFound = new ConcurrentHashMap<>();
    private final RoadNetwork network;
    private final TravelTimeProvider straightLine;
    private final int maxMatrixLocations;
    private final int nearestByRoad;

    public RoadTravelTime(RoadNetwork network, TravelTimeProvider straightLine, int maxMatrixLocations,
            int nearestByRoad) {
        this.network = Objects.requireNonNull(network, "network");
        this.straightLine = Objects.requireNonNull(straightLine, "straightLine");
        if (maxMatrixLocations < 2) {
            throw new IllegalArgumentException(
                    "The locations of a full road matrix (%d) must be at least 2.".formatted(maxMatrixLocations));
        }
        if (nearestByRoad < 1) {
            throw new IllegalArgumentException(
                    "The neighbours reached by road (%d) must be at least 1.".formatted(nearestByRoad));
        }
        this.maxMatrixLocations = maxMatrixLocations;
        this.nearestByRoad = nearestByRoad;
    }

    @Override
    public long travelSeconds(Location from, Location to) {
        if (from.equals(to)) {
            return 0;
        }
        return matrix(List.of(from, to))[0][1];
    }

    /** Seconds from every location to every other, {@code result[i][j]} from {@code locations.get(i)}. */
    @Override
    public long[][] matrix(List<Location> locations) {
        int n = locations.size();
        int[][] asked = n <= maxMatrixLocations ? everyOther(n) : nearestNeighbours(locations);
        long[][] seconds = new long[n][n];
        int[][] missing = new int[n][];
        boolean anyMissing = false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Location from = locations.get(i);
                Location to = locations.get(j);
                Long known = drivesFound.get(new Leg(from, to));
                seconds[i][j] = from.equals(to) ? 0 : known != null ? known : straightLine.travelSeconds(from, to);
            }
            Location from = locations.get(i);
            missing[i] = IntStream.of(asked[i]).filter(j -> !drivesFound.containsKey(new Leg(from, locations.get(j))))
                    .filter(j -> !from.equals(locations.get(j))).toArray();
            anyMissing |= missing[i].length > 0;
        }
        if (!anyMissing) {
            return seconds;
        }
        RoadNetwork.Drives drives = network.drives(locations, missing);
        if (drivesFound.size() > MAX_KEPT_DRIVES) {
            drivesFound.clear();
        }
        for (int i = 0; i < n; i++) {
            for (int j : missing[i]) {
                long millis = drives.millis()[i][j];
                if (millis != RoadNetwork.UNREACHABLE) {
                    seconds[i][j] = straightLine.travelSeconds(locations.get(i), drives.roadPoints()[i])
                            + (millis + 999) / 1000
                            + straightLine.travelSeconds(drives.roadPoints()[j], locations.get(j));
                }
                drivesFound.put(new Leg(locations.get(i), locations.get(j)), seconds[i][j]);
            }
        }
        return seconds;
    }

    private static int[][] everyOther(int n) {
        int[][] all = new int[n][];
        for (int i = 0; i < n; i++) {
            int origin = i;
            all[i] = IntStream.range(0, n).filter(j -> j != origin).toArray();
        }
        return all;
    }

    private int[][] nearestNeighbours(List<Location> locations) {
        int n = locations.size();
        int k = Math.min(nearestByRoad, n - 1);
        int[][] nearest = new int[n][];
        for (int i = 0; i < n; i++) {
            Location from = locations.get(i);
            int origin = i;
            nearest[i] = IntStream.range(0, n).filter(j -> j != origin).boxed()
                    .sorted(Comparator.comparingDouble(j -> from.metersTo(locations.get(j))))
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        return nearest;
    }
}
