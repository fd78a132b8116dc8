package org.tehai.planning;

/**
 * Default travel times until a road network is plugged in: great-circle distance stretched by a road
 * factor (roads are never straight) and driven at an average speed.
 */
public final class StraightLineTravelTime implements TravelTimeProvider {

    /** Typical detour of urban and suburban roads over the straight line. */
    public static final double DEFAULT_ROAD_FACTOR = 1.3;
    /** Average door-to-door speed including traffic lights and parking. */
    public static final double DEFAULT_SPEED_KM_PER_HOUR = 40.0;

    private final double roadFactor;
    private final double metersPerSecond;

    public StraightLineTravelTime() {
        this(DEFAULT_ROAD_FACTOR, DEFAULT_SPEED_KM_PER_HOUR);
    }

    public StraightLineTravelTime(double roadFactor, double speedKmPerHour) {
        if (!(roadFactor >= 1.0)) {
            throw new IllegalArgumentException("The road factor (%s) must be at least 1.".formatted(roadFactor));
        }
        if (!(speedKmPerHour > 0.0)) {
            throw new IllegalArgumentException("The speed (%s km/h) must be positive.".formatted(speedKmPerHour));
        }
        this.roadFactor = roadFactor;
        this.metersPerSecond = speedKmPerHour / 3.6;
    }

    @Override
    public long travelSeconds(Location from, Location to) {
        return (long) Math.ceil(from.metersTo(to) * roadFactor / metersPerSecond);
    }
}
