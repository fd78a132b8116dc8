package org.tehai.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.planning.Location;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TravelTimeProvider;

/**
 * The one source of drive times for the application: plans, slot offers and live estimates all ask here. The base
 * times come from the straight line (or a road network when one is configured); the learned speed of a region by hour
 * of the day ({@link DriveSpeeds}) is a factor on them by departure hour.
 */
@ApplicationScoped
public class TravelTimes {

    @Inject
    RoutingSettings settings;

    @Inject
    DriveSpeeds speeds;

    @Inject
    ConfiguredRoadNetwork roads;

    private volatile TravelTimeProvider base;

    /** Drive times without what measured drives taught: what a plan's matrix is built from. */
    public TravelTimeProvider base() {
        TravelTimeProvider current = base;
        if (current == null) {
            TravelTimeProvider straightLine = new StraightLineTravelTime(settings.roadFactor(),
                    settings.speedKmPerHour());
            current = roads.travelTimes(straightLine).orElse(straightLine);
            base = current;
        }
        return current;
    }

    /** Drive times of a region: the base times and the region's learned factor by departure hour. */
    public TravelTimeProvider forRegion(long regionId, ZoneId zone) {
        return new Learned(base(), speeds.of(regionId, zone, base()));
    }

    /** One drive of a region leaving at {@code departure}, as the region's drives are learned to take. */
    public Duration drive(long regionId, ZoneId zone, Location from, Location to, Instant departure) {
        TravelTimeProvider provider = base();
        double factor = speeds.of(regionId, zone, provider).factor(departure.atZone(zone).getHour());
        return Duration.ofSeconds((long) Math.ceil(provider.travelSeconds(from, to) * factor));
    }

    /**
     * Spread of a region's drive leaving around {@code at}, as a share of its expected duration: the measured drives'
     * pooled with {@code priorCv}, which is all there is before drives are measured.
     */
    public double driveCv(long regionId, ZoneId zone, Instant at, double priorCv) {
        return speeds.of(regionId, zone, base()).cv(at.atZone(zone).getHour(), priorCv);
    }

    /** Base times with a region's learned factors. */
    private record Learned(TravelTimeProvider base, DriveSpeeds.Model model) implements TravelTimeProvider {

        @Override
        public long travelSeconds(Location from, Location to) {
            return base.travelSeconds(from, to);
        }

        @Override
        public long[][] matrix(java.util.List<Location> locations) {
            return base.matrix(locations);
        }

        @Override
        public double driveFactor(int departureHour) {
            return model.factor(departureHour);
        }
    }
}
