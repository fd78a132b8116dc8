package org.tehai.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.tehai.planning.Location;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.IntLongHashMap;
import com.graphhopper.GraphHopper;
import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.PMap;

/**
 * A road graph read from an OpenStreetMap file (XML or PBF) with GraphHopper, and fastest car drives on it.
 *
 * <p>The graph is imported once into a directory and loaded from there on later starts; a file next to the graph
 * records which OSM file (path, size, modification time) and which profile it was built from, and any difference
 * deletes the directory and imports again. The profile is a car on the roads a car may use, at GraphHopper's
 * average speed per road class and the tagged speed limits, weighted by time alone (the fastest drive, not the
 * shortest).
 *
 * <p>Drives are found by one search per origin over the graph with the problem's points added to it (a point is
 * snapped to the nearest road a car may use, at most {@link #MAX_SNAP_METERS} away); a search stops as soon as it
 * has reached every destination asked of it. The loaded graph is only read, so searches may run in parallel.
 */
public final class RoadNetwork implements AutoCloseable {

    /** A point further than this from any road is not on the network: callers estimate its drives otherwise. */
    public static final double MAX_SNAP_METERS = 1_000.0;
    /** A drive that no road makes (a one-way street the wrong way round, a point off the network). */
    public static final long UNREACHABLE = -1;

    static final String PROFILE = "car";
    /** Changes when the profile changes, so that a graph built for another profile is imported again. */
    static final String PROFILE_VERSION = "car-fastest-1";
    static final String SOURCE_FILE = "tehai-source.properties";

    private static final Logger LOG = Logger.getLogger(RoadNetwork.class);

    private final GraphHopper hopper;
    private final Weighting weighting;
    private final EdgeFilter snapFilter;

    private RoadNetwork(GraphHopper hopper) {
        this.hopper = hopper;
        this.weighting = hopper.createWeighting(hopper.getProfile(PROFILE), new PMap());
        this.snapFilter = new DefaultSnapFilter(weighting,
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE)));
    }

    /**
     * The network of an OSM file, loaded from {@code graphDirectory} when that holds the graph of this very file,
     * imported into it (replacing whatever it held) otherwise.
     */
    public static RoadNetwork open(Path osmFile, Path graphDirectory) {
        Objects.requireNonNull(osmFile, "osmFile");
        Objects.requireNonNull(graphDirectory, "graphDirectory");
        if (!Files.isRegularFile(osmFile)) {
            throw new IllegalArgumentException("The OSM file (%s) does not exist.".formatted(osmFile.toAbsolutePath()));
        }
        try {
            Properties source = sourceOf(osmFile);
            Path recorded = graphDirectory.resolve(SOURCE_FILE);
            if (Files.isRegularFile(recorded) && source.equals(read(recorded))) {
                GraphHopper hopper = configured(osmFile, graphDirectory);
                if (hopper.load()) {
                    LOG.infof("Road network loaded from %s (built from %s)", graphDirectory, osmFile);
                    return new RoadNetwork(hopper);
                }
                hopper.close();
            }
            deleteRecursively(graphDirectory);
            Files.createDirectories(graphDirectory);
            long started = System.nanoTime();
            LOG.infof("Importing the road network from %s into %s", osmFile, graphDirectory);
            GraphHopper hopper = configured(osmFile, graphDirectory);
            hopper.importOrLoad();
            try (OutputStream out = Files.newOutputStream(recorded)) {
                source.store(out, "The OSM file this road graph was imported from; another file imports again.");
            }
            LOG.infof("Road network imported in %d s: %d nodes, %d edges", (System.nanoTime() - started) / 1_000_000_000L,
                    hopper.getBaseGraph().getNodes(), hopper.getBaseGraph().getEdges());
            return new RoadNetwork(hopper);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the road graph of (%s) in (%s)."
                    .formatted(osmFile, graphDirectory), e);
        }
    }

    private static GraphHopper configured(Path osmFile, Path graphDirectory) {
        CustomModel fastestCar = new CustomModel()
                .addToPriority(Statement.If("!car_access", Statement.Op.MULTIPLY, "0"))
                .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "car_average_speed"))
                .setDistanceInfluence(0.0);
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toAbsolutePath().toString());
        hopper.setGraphHopperLocation(graphDirectory.toAbsolutePath().toString());
        hopper.setEncodedValuesString("car_access, car_average_speed");
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(fastestCar));
        return hopper;
    }

    private static Properties sourceOf(Path osmFile) throws IOException {
        Properties source = new Properties();
        source.setProperty("osm-file", osmFile.toAbsolutePath().normalize().toString());
        source.setProperty("size", Long.toString(Files.size(osmFile)));
        source.setProperty("modified", Long.toString(Files.getLastModifiedTime(osmFile).toMillis()));
        source.setProperty("profile", PROFILE_VERSION);
        source.setProperty("graphhopper", com.graphhopper.util.Constants.VERSION);
        return source;
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Nodes of the road graph (crossings and ends of roads). */
    public int nodes() {
        return hopper.getBaseGraph().getNodes();
    }

    /**
     * Fastest drives between locations.
     *
     * @param millis     {@code millis[i][j]}: from the road point of location {@code i} to that of {@code j},
     *                   {@link #UNREACHABLE} where no road leads or either is off the network, {@code 0} on the
     *                   diagonal and where nothing was asked
     * @param roadPoints where each location joins the network (the nearest point of a road a car may use), or
     *                   {@code null} when it is off the network
     */
    public record Drives(long[][] millis, Location[] roadPoints) {
    }

    /**
     * Fastest drives from each location to every location in {@code targets[i]} (a {@code null} array or row: to
     * every location), by one search per origin that stops once all its destinations are reached.
     */
    public Drives drives(List<Location> locations, int[][] targets) {
        int n = locations.size();
        Snap[] snaps = snap(locations);
        List<Snap> valid = new ArrayList<>();
        for (Snap snap : snaps) {
            if (snap != null) {
                valid.add(snap);
            }
        }
        long[][] millis = new long[n][n];
        Location[] roadPoints = new Location[n];
        if (valid.isEmpty()) {
            for (int i = 0; i < n; i++) {
                for (int j : targetsOf(targets, i, n)) {
                    if (j != i) {
                        millis[i][j] = UNREACHABLE;
                    }
                }
            }
            return new Drives(millis, roadPoints);
        }
        // Adding the points to the graph splits their roads and fixes where each point meets its road.
        QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), valid);
        for (int i = 0; i < n; i++) {
            if (snaps[i] != null) {
                roadPoints[i] = new Location(snaps[i].getSnappedPoint().getLat(), snaps[i].getSnappedPoint().getLon());
            }
        }
        SearchSpace space = spare.poll();
        if (space == null || space.capacity() < graph.getNodes()) {
            space = new SearchSpace(graph.getNodes() + 1_024);
        }
        Searches searches = new Searches(graph, space);
        for (int i = 0; i < n; i++) {
            int[] row = targetsOf(targets, i, n);
            // Destination node → the locations there (several locations may share a node).
            IntIntHashMap wanted = new IntIntHashMap();
            List<int[]> locationsAt = new ArrayList<>();
            for (int j : row) {
                if (j == i) {
                    continue;
                }
                if (snaps[i] == null || snaps[j] == null) {
                    millis[i][j] = UNREACHABLE;
                    continue;
                }
                int node = snaps[j].getClosestNode();
                int slot = wanted.getOrDefault(node, -1);
                if (slot < 0) {
                    slot = locationsAt.size();
                    wanted.put(node, slot);
                    locationsAt.add(new int[] {j});
                } else {
                    int[] old = locationsAt.get(slot);
                    int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = j;
                    locationsAt.set(slot, grown);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            IntLongHashMap reached = searches.from(snaps[i].getClosestNode(), wanted);
            for (var cursor : wanted) {
                long found = reached.getOrDefault(cursor.key, UNREACHABLE);
                for (int j : locationsAt.get(cursor.value)) {
                    millis[i][j] = found;
                }
            }
        }
        if (spare.size() < SPARE_SEARCH_SPACES) {
            spare.offer(space);
        }
        return new Drives(millis, roadPoints);
    }

    private Snap[] snap(List<Location> locations) {
        Snap[] snaps = new Snap[locations.size()];
        for (int i = 0; i < snaps.length; i++) {
            Location location = locations.get(i);
            Snap snap = hopper.getLocationIndex().findClosest(location.latitude(), location.longitude(), snapFilter);
            snaps[i] = snap.isValid() && snap.getQueryDistance() <= MAX_SNAP_METERS ? snap : null;
        }
        return snaps;
    }

    private static int[] targetsOf(int[][] targets, int i, int n) {
        if (targets != null && targets[i] != null) {
            return targets[i];
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        return all;
    }

    /**
     * The arrays of a search, one entry per node of the graph (with room for the points added to it): some 30 bytes
     * a node, so a few are kept for the next calls instead of allocated each time. A node's entries count only when
     * stamped with the current search, so nothing is cleared between searches.
     */
    private static final class SearchSpace {

        final long[] millis;
        final int[] labelledIn;
        final int[] settledIn;
        final MinHeapWithUpdate heap;
        int search;

        SearchSpace(int capacity) {
            millis = new long[capacity];
            labelledIn = new int[capacity];
            settledIn = new int[capacity];
            heap = new MinHeapWithUpdate(capacity);
        }

        int capacity() {
            return millis.length;
        }

        /** The stamp of a new search. */
        int next() {
            if (search == Integer.MAX_VALUE) {
                java.util.Arrays.fill(labelledIn, 0);
                java.util.Arrays.fill(settledIn, 0);
                search = 0;
            }
            heap.clear();
            return ++search;
        }
    }

    /** Search spaces kept between calls; more calls at once allocate their own. */
    private static final int SPARE_SEARCH_SPACES = 2;
    private final java.util.Queue<SearchSpace> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Dijkstra by driving time over one query graph, one origin after another. */
    private final class Searches {

        private final EdgeExplorer explorer;
        private final long[] millis;
        private final int[] labelledIn;
        private final int[] settledIn;
        private final MinHeapWithUpdate heap;
        private final SearchSpace space;

        Searches(QueryGraph graph, SearchSpace space) {
            explorer = graph.createEdgeExplorer();
            this.space = space;
            millis = space.millis;
            labelledIn = space.labelledIn;
            settledIn = space.settledIn;
            heap = space.heap;
        }

        /** The times of the wanted nodes reached from {@code from}; stops once all are settled. */
        IntLongHashMap from(int from, IntIntHashMap wanted) {
            int search = space.next();
            IntLongHashMap reached = new IntLongHashMap();
            millis[from] = 0;
            labelledIn[from] = search;
            heap.push(from, 0f);
            int left = wanted.size();
            while (!heap.isEmpty() && left > 0) {
                int node = heap.poll();
                settledIn[node] = search;
                long at = millis[node];
                if (wanted.containsKey(node)) {
                    reached.put(node, at);
                    left--;
                }
                EdgeIterator edge = explorer.setBaseNode(node);
                while (edge.next()) {
                    int next = edge.getAdjNode();
                    if (settledIn[next] == search || Double.isInfinite(weighting.calcEdgeWeight(edge, false))) {
                        continue;
                    }
                    long arrival = at + weighting.calcEdgeMillis(edge, false);
                    if (labelledIn[next] != search) {
                        labelledIn[next] = search;
                        millis[next] = arrival;
                        heap.push(next, arrival);
                    } else if (arrival < millis[next]) {
                        millis[next] = arrival;
                        heap.update(next, arrival);
                    }
                }
            }
            return reached;
        }
    }

    @Override
    public void close() {
        hopper.close();
    }
}
