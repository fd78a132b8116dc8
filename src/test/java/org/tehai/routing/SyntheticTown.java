package org.tehai.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tehai.planning.Location;

/**
 * A town for road tests, written as OSM XML: a {@code size} × {@code size} grid of residential streets in Tokyo,
 * {@code spacingMeters} apart, cut between its third and fourth rows of crossings by a river that one bridge crosses,
 * in the westmost column. Rows count from the south, columns from the west.
 */
record SyntheticTown(int size, double spacingMeters) {

    /** The tests' town: 6 × 6 crossings. */
    SyntheticTown(double spacingMeters) {
        this(6, spacingMeters);
    }
    /** The river runs between this row of crossings and the next. */
    static final int RIVER_SOUTH_ROW = 2;
    static final double LATITUDE = 35.68;
    static final double LONGITUDE = 139.70;
    private static final double METERS_PER_DEGREE = 111_195.0;

    Location crossing(int row, int column) {
        double rowDegrees = spacingMeters / METERS_PER_DEGREE;
        double columnDegrees = spacingMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(LATITUDE)));
        return new Location(LATITUDE + row * rowDegrees, LONGITUDE + column * columnDegrees);
    }

    /** A point anywhere in the town, {@code row} and {@code column} in blocks (fractions allowed). */
    Location at(double row, double column) {
        Location origin = crossing(0, 0);
        Location corner = crossing(1, 1);
        return new Location(origin.latitude() + row * (corner.latitude() - origin.latitude()),
                origin.longitude() + column * (corner.longitude() - origin.longitude()));
    }

    /**
     * A door 30% of a block east of a crossing (west in the eastmost column) and 15 m back from the street, on the
     * bank of that crossing.
     */
    Location beside(int row, int column) {
        Location crossing = crossing(row, column);
        double back = (row <= RIVER_SOUTH_ROW ? -15 : 15) / METERS_PER_DEGREE;
        double east = (column == size - 1 ? -0.3 : 0.3) * (crossing(0, 1).longitude() - crossing(0, 0).longitude());
        return new Location(crossing.latitude() + back, crossing.longitude() + east);
    }

    Path write(Path file) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n");
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                Location at = crossing(row, column);
                xml.append(String.format(Locale.ROOT, "  <node id='%d' version='1' lat='%.7f' lon='%.7f'/>%n",
                        node(row, column), at.latitude(), at.longitude()));
            }
        }
        int way = 1;
        for (int row = 0; row < size; row++) {
            List<Long> nodes = new ArrayList<>();
            for (int column = 0; column < size; column++) {
                nodes.add(node(row, column));
            }
            way = street(xml, way, nodes, "");
        }
        for (int column = 0; column < size; column++) {
            List<Long> south = new ArrayList<>();
            List<Long> north = new ArrayList<>();
            for (int row = 0; row < size; row++) {
                (row <= RIVER_SOUTH_ROW ? south : north).add(node(row, column));
            }
            way = street(xml, way, south, "");
            way = street(xml, way, north, "");
        }
        street(xml, way, List.of(node(RIVER_SOUTH_ROW, 0), node(RIVER_SOUTH_ROW + 1, 0)),
                "    <tag k='bridge' v='yes'/>\n    <tag k='layer' v='1'/>\n");
        xml.append("</osm>\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long node(int row, int column) {
        return 1 + (long) row * size + column;
    }

    private static int street(StringBuilder xml, int id, List<Long> nodes, String moreTags) {
        xml.append("  <way id='%d' version='1'>\n".formatted(id));
        nodes.forEach(node -> xml.append("    <nd ref='%d'/>\n".formatted(node)));
        xml.append("    <tag k='highway' v='residential'/>\n").append(moreTags).append("  </way>\n");
        return id + 1;
    }
}
