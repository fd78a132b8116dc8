package org.tehai.routing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.tehai.planning.Location;
import org.tehai.planning.StraightLineTravelTime;

/**
 * What a road graph costs, measured on a synthetic town of {@code size} × {@code size} crossings 200 m apart (README,
 * "Road network"): the import's time and heap, the graph on disk, a later start's load, and one problem matrix of
 * {@code locations} random points. Arguments: size, locations.
 */
public final class RoadImportCost {

    private RoadImportCost() {
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        SyntheticTown town = new SyntheticTown(size, 200);
        Path directory = Files.createTempDirectory("tehai-road-cost-");
        Path osm = town.write(directory.resolve("town.osm"));
        Path graph = directory.resolve(ConfiguredRoadNetwork.GRAPH_DIRECTORY);

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        RoadNetwork.open(osm, graph).close();
        long importMillis = (System.nanoTime() - started) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long onDisk;
        try (Stream<Path> files = Files.walk(graph)) {
            onDisk = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }

        started = System.nanoTime();
        try (RoadNetwork network = RoadNetwork.open(osm, graph)) {
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
            Random random = new Random(7);
            List<Location> locations = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                locations.add(town.at(random.nextDouble() * (size - 1), random.nextDouble() * (size - 1)));
            }
            new RoadTravelTime(network, new StraightLineTravelTime(), 300, 30).matrix(locations); // warm-up
            RoadTravelTime roads = new RoadTravelTime(network, new StraightLineTravelTime(), 300, 30);
            started = System.nanoTime();
            roads.matrix(locations);
            long matrixMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            roads.matrix(locations);
            long againMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(Locale.ROOT, "%d x %d crossings (%d nodes), OSM XML %d kB: import %d ms, peak heap "
                    + "%d MB, graph on disk %d kB; load %d ms; %d-location matrix %d ms, again (drives kept) %d ms%n",
                    size, size, network.nodes(), Files.size(osm) / 1024, importMillis, peakHeap >> 20,
                    onDisk / 1024, loadMillis, count, matrixMillis, againMillis);
        }
    }
}
