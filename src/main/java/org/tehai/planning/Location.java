package org.tehai.planning;

/**
 * A point on the map. For real sites these are WGS84 degrees; benchmark importers put plane coordinates
 * in the same two fields and plug in a matching {@link TravelTimeProvider}.
 */
public record Location(double latitude, double longitude) {

    private static final double EARTH_RADIUS_METERS = 6_371_000.0;

    /** Great-circle (haversine) distance in metres, for WGS84 locations. */
    public double metersTo(Location to) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(to.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
