package org.tehai.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
 */
public final class RoadTravelTime implements TravelTimeProvider {

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
        int[][] targets = n <= maxMatrixLocations ? null : nearestNeighbours(locations);
        RoadNetwork.Drives drives = network.drives(locations, targets);
        long[][] seconds = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    seconds[i][j] = straightLine.travelSeconds(locations.get(i), locations.get(j));
                }
            }
            int[] asked = targets == null ? IntStream.range(0, n).toArray() : targets[i];
            for (int j : asked) {
                long millis = drives.millis()[i][j];
                if (i == j || millis == RoadNetwork.UNREACHABLE || locations.get(i).equals(locations.get(j))) {
                    continue;
                }
                seconds[i][j] = straightLine.travelSeconds(locations.get(i), drives.roadPoints()[i])
                        + (millis + 999) / 1000
                        + straightLine.travelSeconds(drives.roadPoints()[j], locations.get(j));
            }
        }
        return seconds;
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
