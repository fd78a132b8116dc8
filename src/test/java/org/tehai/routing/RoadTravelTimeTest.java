package org.tehai.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.PlanningTechnician;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;
import org.tehai.planning.TravelTimeProvider;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * A synthetic town ({@link SyntheticTown}): a 6 × 6 grid of residential streets 200 m apart, cut between its third and
 * fourth rows by a river that one bridge crosses, at the west end. Drive times and plans on its roads against the
 * straight line.
 */
class RoadTravelTimeTest {

    private static final StraightLineTravelTime STRAIGHT_LINE = new StraightLineTravelTime();
    private static final SyntheticTown TOWN = new SyntheticTown(200);

    @TempDir
    static Path directory;
    private static RoadNetwork network;
    private static RoadTravelTime roads;

    @BeforeAll
    static void importTown() {
        Path osm = TOWN.write(directory.resolve("town.osm"));
        network = RoadNetwork.open(osm, directory.resolve("routing-graph"));
        roads = new RoadTravelTime(network, STRAIGHT_LINE, 100, 10);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void drivesFacingEachOtherAcrossTheRiverFarFromTheBridgeGoRoundByTheBridge() {
        // East end, a few metres off the street on either bank: 200 m apart as the crow flies.
        Location south = TOWN.beside(2, 5);
        Location north = TOWN.beside(3, 5);

        long road = roads.travelSeconds(south, north);
        long straight = STRAIGHT_LINE.travelSeconds(south, north);

        // Five blocks west, the bridge, five blocks back east: about 2.2 km of 30 km/h streets.
        assertThat(road).as("road seconds (straight line: %d)", straight).isGreaterThan(5 * straight);
        assertThat(road).isBetween(200L, 400L);
        assertThat(roads.travelSeconds(north, south)).isEqualTo(road);
    }

    @Test
    void drivesAcrossTheBridgeTakeAboutWhatTheStraightLineSays() {
        Location south = TOWN.beside(2, 0);
        Location north = TOWN.beside(3, 0);

        long road = roads.travelSeconds(south, north);
        long straight = STRAIGHT_LINE.travelSeconds(south, north);

        assertThat(road).as("road seconds (straight line: %d)", straight).isBetween(straight / 2, straight * 2);
    }

    @Test
    void aMatrixOfOneToManySearchesAgreesWithPairwiseDrives() {
        List<Location> locations = List.of(TOWN.beside(0, 0), TOWN.beside(2, 5),
                TOWN.beside(3, 5), TOWN.beside(5, 2), TOWN.beside(3, 1));

        long[][] matrix = new RoadTravelTime(network, STRAIGHT_LINE, 100, 10).matrix(locations);

        for (int i = 0; i < locations.size(); i++) {
            for (int j = 0; j < locations.size(); j++) {
                // A provider of its own for each pair: nothing kept from the matrix.
                RoadTravelTime fresh = new RoadTravelTime(network, STRAIGHT_LINE, 100, 10);
                assertThat(matrix[i][j]).as("%d → %d", i, j)
                        .isEqualTo(i == j ? 0 : fresh.travelSeconds(locations.get(i), locations.get(j)));
            }
        }
    }

    @Test
    void beyondTheFullMatrixOnlyTheNearestNeighboursAreDrivenByRoad() {
        RoadTravelTime small = new RoadTravelTime(network, STRAIGHT_LINE, 2, 1);
        Location south = TOWN.beside(2, 5);
        Location north = TOWN.beside(3, 5);
        Location farWest = TOWN.beside(5, 0);

        long[][] matrix = small.matrix(List.of(south, north, farWest));

        assertThat(matrix[0][1]).as("nearest neighbour, by road").isEqualTo(roads.travelSeconds(south, north));
        assertThat(matrix[0][2]).as("not a neighbour: straight line")
                .isEqualTo(STRAIGHT_LINE.travelSeconds(south, farWest));
    }

    @Test
    void aPointFarFromEveryRoadTakesTheStraightLine() {
        Location lost = new Location(35.50, 139.50);
        Location onStreet = TOWN.beside(0, 0);

        assertThat(roads.travelSeconds(lost, onStreet)).isEqualTo(STRAIGHT_LINE.travelSeconds(lost, onStreet));
    }

    @Test
    void theGraphIsLoadedAgainUntilTheOsmFileChanges() throws IOException {
        Path osm = TOWN.write(directory.resolve("again.osm"));
        Path graph = directory.resolve("graph-again");
        RoadNetwork.open(osm, graph).close();
        FileTime imported = Files.getLastModifiedTime(graph.resolve(RoadNetwork.SOURCE_FILE));

        RoadNetwork.open(osm, graph).close();
        assertThat(Files.getLastModifiedTime(graph.resolve(RoadNetwork.SOURCE_FILE))).as("loaded, not imported")
                .isEqualTo(imported);

        Files.setLastModifiedTime(osm, FileTime.fromMillis(Files.getLastModifiedTime(osm).toMillis() + 60_000));
        try (RoadNetwork again = RoadNetwork.open(osm, graph)) {
            assertThat(Files.readString(graph.resolve(RoadNetwork.SOURCE_FILE)))
                    .contains("modified=" + Files.getLastModifiedTime(osm).toMillis());
            assertThat(again.nodes()).isPositive();
        }
    }

    /**
     * Extracts such as Geofabrik's come as PBF: the same town with 1 km blocks, converted from the XML that
     * {@link SyntheticTown} writes by Debian's osmium-tool 1.15 ({@code osmium cat river-town.osm -o
     * river-town-1km.osm.pbf}). GraphHopper reads it with Quarkus' protobuf-java 4.
     */
    @Test
    void readsThePbfFormatOfRegionExtracts() throws IOException {
        Path pbf = directory.resolve("river-town-1km.osm.pbf");
        try (var in = RoadTravelTimeTest.class.getResourceAsStream("/routing/river-town-1km.osm.pbf")) {
            Files.copy(in, pbf);
        }
        SyntheticTown town = new SyntheticTown(1_000);
        try (RoadNetwork pbfNetwork = RoadNetwork.open(pbf, directory.resolve("graph-pbf"))) {
            RoadTravelTime pbfRoads = new RoadTravelTime(pbfNetwork, STRAIGHT_LINE, 100, 10);
            Location south = town.beside(2, 5);
            Location north = town.beside(3, 5);

            assertThat(pbfNetwork.nodes()).isEqualTo(36);
            assertThat(pbfRoads.travelSeconds(south, north))
                    .isGreaterThan(5 * STRAIGHT_LINE.travelSeconds(south, north));
        }
    }

    /**
     * Two technicians with two visits each: Aoi lives on the south bank at the east end, by the water; Ren on the
     * north bank at the west end, by the bridge. Two visits on the north bank in the east, two on the south bank in
     * the west. As the crow flies each technician is next to the visits across the water from their door and takes
     * those; on the roads only the bridge crosses, so each technician keeps to their own bank, and that day is
     * shorter on the real roads.
     */
    @Test
    void plansKeepEachTechnicianOnTheirBankOfTheRiver() {
        Map<String, List<String>> straight = solved(STRAIGHT_LINE);
        Map<String, List<String>> road = solved(roads);

        assertThat(straight.get("aoi")).as("straight-line plan %s", straight)
                .containsExactlyInAnyOrder("north-1", "north-2");
        assertThat(straight.get("ren")).as("straight-line plan %s", straight)
                .containsExactlyInAnyOrder("south-1", "south-2");
        assertThat(road.get("aoi")).as("road plan %s", road).containsExactlyInAnyOrder("south-1", "south-2");
        assertThat(road.get("ren")).as("road plan %s", road).containsExactlyInAnyOrder("north-1", "north-2");
        assertThat(drivenOnRoads(road)).as("road plan %s against straight-line plan %s", road, straight)
                .isLessThan(drivenOnRoads(straight) - 2 * 60);
    }

    private static final Map<String, Location> HOMES = Map.of("aoi", TOWN.beside(2, 5),
            "ren", TOWN.beside(3, 0));
    private static final Map<String, Location> VISITS = Map.of("north-1", TOWN.beside(3, 5),
            "north-2", TOWN.beside(3, 4), "south-1", TOWN.beside(2, 1),
            "south-2", TOWN.beside(1, 1));

    /** Seconds on the roads from home through the visits in order and back home, summed over the technicians. */
    private static long drivenOnRoads(Map<String, List<String>> plan) {
        long seconds = 0;
        for (var day : plan.entrySet()) {
            List<Location> stops = new ArrayList<>();
            stops.add(HOMES.get(day.getKey()));
            day.getValue().forEach(id -> stops.add(VISITS.get(id)));
            stops.add(HOMES.get(day.getKey()));
            for (int i = 1; i < stops.size(); i++) {
                seconds += roads.travelSeconds(stops.get(i - 1), stops.get(i));
            }
        }
        return seconds;
    }

    /** Technician → their visits in order. */
    private static Map<String, List<String>> solved(TravelTimeProvider travelTimes) {
        List<PlanningTechnician> technicians = new ArrayList<>();
        List<TechnicianRoute> routes = new ArrayList<>();
        new TreeMap<>(HOMES).forEach((id, home) -> {
            PlanningTechnician technician = new PlanningTechnician(id, home, Map.of(), Set.of(), Map.of());
            technicians.add(technician);
            routes.add(new TechnicianRoute(id, technician, 8 * 3600, 17 * 3600, 0, null));
        });
        List<PlannedVisit> visits = new ArrayList<>();
        new TreeMap<>(VISITS).forEach((id, location) -> visits.add(visit(id, location)));
        DispatchPlan problem = new DispatchPlan(technicians, routes, visits, travelTimes);
        SolverConfig config = SolverConfig.createFromXmlResource("solver-config/solver-config.xml")
                .withRandomSeed(42L)
                .withTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(300)
                        .withSpentLimit(Duration.ofSeconds(5)));
        DispatchPlan solved = SolverFactory.<DispatchPlan> create(config).buildSolver().solve(problem);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getUnassignedCustomerVisits()).isEmpty();
        Map<String, List<String>> plan = new TreeMap<>();
        for (TechnicianRoute route : solved.getRoutes()) {
            plan.put(route.getTechnician().getId(), route.getVisits().stream().map(PlannedVisit::getId).toList());
        }
        return plan;
    }

    private static PlannedVisit visit(String id, Location location) {
        return PlannedVisit.customerVisit(id, "ticket-" + id, location, 20 * 60,
                List.of(new TimeWindow(8 * 3600, 17 * 3600)), PlanningPriority.P3, Long.MAX_VALUE, Map.of(), Set.of(),
                Map.of(), null);
    }
}
