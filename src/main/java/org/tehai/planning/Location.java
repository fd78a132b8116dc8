package org.tehai.planning;

/**
 * A point on the map. For real sites these are WGS84 degrees; benchmark importers put plane coordinates
 * in the same two fields and plug in a matching {@link TravelTimeProvider}.
 */
public record Location(double latitude, double longitude) {
}
