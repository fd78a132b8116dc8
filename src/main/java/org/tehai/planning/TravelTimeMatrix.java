package org.tehai.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Travel times between every pair of the plan's locations, asked from the provider once when the problem
 * is built. Each distinct location gets an index; the planning objects keep that index so that a constraint
 * costs one array read. Memory is n² longs: 1,000 locations take 8 MB.
 *
 * <p>A running solve may learn of a new location (an urgent visit arrives): {@link #indexOrAdd} computes its row
 * and column and swaps in a larger table in one step, so readers of older plan copies, which share this
 * matrix, keep reading consistent values for the indexes they know.
 */
public final class TravelTimeMatrix {

    private record Table(Map<Location, Integer> indexByLocation, Location[] byIndex, int size, long[] seconds) {
    }

    private static final int HOUR = 3600;
    private static final int DAY = 24 * HOUR;

    private final TravelTimeProvider provider;
    private final double[] hourFactors = new double[24];
    private volatile Table table;

    private TravelTimeMatrix(TravelTimeProvider provider, Table table) {
        this.provider = provider;
        this.table = table;
        for (int hour = 0; hour < 24; hour++) {
            double factor = provider.driveFactor(hour);
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalStateException("The drive factor (%s) at hour %d is not a positive number."
                        .formatted(factor, hour));
            }
            hourFactors[hour] = factor;
        }
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
        long[][] rows = provider.matrix(List.of(byIndex));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    seconds[i * n + j] = checked(rows[i][j], byIndex[i], byIndex[j]);
                }
            }
        }
        return new TravelTimeMatrix(provider, new Table(indexByLocation, byIndex, n, seconds));
    }

    private static long ask(TravelTimeProvider provider, Location from, Location to) {
        return checked(provider.travelSeconds(from, to), from, to);
    }

    private static long checked(long value, Location from, Location to) {
        if (value < 0) {
            throw new IllegalStateException("The travel time (%d) from (%s) to (%s) is negative."
                    .formatted(value, from, to));
        }
        return value;
    }

    public int indexOf(Location location) {
        Integer index = table.indexByLocation().get(location);
        if (index == null) {
            throw new IllegalArgumentException("The location (%s) is not in the travel time matrix.".formatted(location));
        }
        return index;
    }

    /**
     * The index of a location, adding it (one provider call per known location, twice) when it is new. Only the
     * thread that owns the working plan calls this: the solver thread inside a problem change, or the builder.
     */
    public synchronized int indexOrAdd(Location location) {
        Table current = table;
        Integer index = current.indexByLocation().get(Objects.requireNonNull(location, "location"));
        if (index != null) {
            return index;
        }
        int n = current.size();
        int m = n + 1;
        long[] seconds = new long[m * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(current.seconds(), i * n, seconds, i * m, n);
            seconds[i * m + n] = ask(provider, current.byIndex()[i], location);
            seconds[n * m + i] = ask(provider, location, current.byIndex()[i]);
        }
        Map<Location, Integer> indexByLocation = new HashMap<>(current.indexByLocation());
        indexByLocation.put(location, n);
        Location[] byIndex = java.util.Arrays.copyOf(current.byIndex(), m);
        byIndex[n] = location;
        table = new Table(indexByLocation, byIndex, m, seconds);
        return n;
    }

    public long travelSeconds(int fromIndex, int toIndex) {
        Table current = table;
        return current.seconds()[fromIndex * current.size() + toIndex];
    }

    /**
     * The drive from one location to another leaving at {@code departure} (model seconds since local midnight of the
     * plan's day): the base time times the factor of the departure hour, rounded up.
     */
    public long travelSeconds(int fromIndex, int toIndex, long departure) {
        long base = travelSeconds(fromIndex, toIndex);
        double factor = hourFactors[(int) Math.floorMod(departure, (long) DAY) / HOUR];
        return factor == 1.0 ? base : (long) Math.ceil(base * factor);
    }

    /** Where the times come from: a plan rebuilt from this one asks the same source. */
    public TravelTimeProvider provider() {
        return provider;
    }

    public int size() {
        return table.size();
    }
}
