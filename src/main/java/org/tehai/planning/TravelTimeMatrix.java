package org.tehai.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Travel times between every pair of the plan's locations, asked from the provider once when the problem
 * is built. Each distinct location gets an index; the planning objects keep that index so that a constraint
 * costs one array read. Memory is n² longs: 1,000 locations take 8 MB.
 */
public final class TravelTimeMatrix {

    private final Map<Location, Integer> indexByLocation;
    private final int size;
    private final long[] seconds;

    private TravelTimeMatrix(Map<Location, Integer> indexByLocation, long[] seconds) {
        this.indexByLocation = indexByLocation;
        this.size = indexByLocation.size();
        this.seconds = seconds;
    }

    public static TravelTimeMatrix of(List<Location> locations, TravelTimeProvider provider) {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(provider, "provider");
        Map<Location, Integer> indexByLocation = new HashMap<>();
        for (Location location : locations) {
            indexByLocation.putIfAbsent(Objects.requireNonNull(location, "location"), indexByLocation.size());
        }
        int n = indexByLocation.size();
        Location[] byIndex = new Location[n];
        indexByLocation.forEach((location, index) -> byIndex[index] = location);
        long[] seconds = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    long value = provider.travelSeconds(byIndex[i], byIndex[j]);
                    if (value < 0) {
                        throw new IllegalStateException("The travel time (%d) from (%s) to (%s) is negative."
                                .formatted(value, byIndex[i], byIndex[j]));
                    }
                    seconds[i * n + j] = value;
                }
            }
        }
        return new TravelTimeMatrix(indexByLocation, seconds);
    }

    public int indexOf(Location location) {
        Integer index = indexByLocation.get(location);
        if (index == null) {
            throw new IllegalArgumentException("The location (%s) is not in the travel time matrix.".formatted(location));
        }
        return index;
    }

    public long travelSeconds(int fromIndex, int toIndex) {
        return seconds[fromIndex * size + toIndex];
    }

    public int size() {
        return size;
    }
}
