package org.tehai.planning;

/**
 * Source of driving times between two locations. The plan asks it once per pair when the problem is built
 * (see {@link TravelTimeMatrix}); constraints only read the matrix, so an implementation may be slow.
 */
@FunctionalInterface
public interface TravelTimeProvider {

    /** Driving time in model seconds; implementations round up so that a planned leg is never too short. */
    long travelSeconds(Location from, Location to);
}
