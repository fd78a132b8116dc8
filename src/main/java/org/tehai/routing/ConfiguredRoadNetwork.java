package org.tehai.routing;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.tehai.planning.TravelTimeProvider;
import org.tehai.platform.database.DataDirectory;

import io.quarkus.runtime.StartupEvent;

/**
 * The road network of {@code tehai.routing.osm-file}, when one is given: imported into (or loaded from)
 * {@code <tehai.data-dir>/routing-graph} when the application starts, so that no plan waits for it. Without the key
 * there is no network and drive times stay on the straight line.
 */
@ApplicationScoped
public class ConfiguredRoadNetwork {

    /** The graph's directory under the data directory. */
    public static final String GRAPH_DIRECTORY = "routing-graph";

    @Inject
    RoutingSettings settings;

    @Inject
    DataDirectory dataDirectory;

    private RoadNetwork network;

    void onStart(@Observes StartupEvent event) {
        network();
    }

    private synchronized Optional<RoadNetwork> network() {
        if (network == null && settings.osmFile().isPresent()) {
            network = RoadNetwork.open(settings.osmFile().get(), dataDirectory.resolve(GRAPH_DIRECTORY));
        }
        return Optional.ofNullable(network);
    }

    /** Drive times on the roads, with {@code straightLine} for what the roads do not answer; empty without a network. */
    public Optional<TravelTimeProvider> travelTimes(TravelTimeProvider straightLine) {
        return network().map(roads -> new RoadTravelTime(roads, straightLine, settings.maxMatrixLocations(),
                settings.nearestByRoad()));
    }

    @PreDestroy
    synchronized void close() {
        if (network != null) {
            network.close();
            network = null;
        }
    }
}
