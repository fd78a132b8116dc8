package org.tehai.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.customer.Customer;
import org.tehai.platform.TrackedEntity;
import org.tehai.region.Region;

/**
 * A place where work is done: a house, a flat in a building, or a building's plant room. Flats of one building
 * share the {@code building} name, which the desk uses to link calls.
 */
@Entity
@Table(name = "site")
public class Site extends TrackedEntity {

    @ManyToOne
    public Customer customer;

    @ManyToOne
    public Region region;

    public String street;
    public String postalCode;
    public String city;
    public String building;
    public String unit;
    public String floor;
    public Double latitude;
    public Double longitude;
    public String accessNotes;

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** One line for people: "2-14-3 Koenji-minami, Suginami-ku, flat 301 (Koenji Heights)". */
    public String addressLine() {
        StringBuilder line = new StringBuilder(street);
        if (city != null) {
            line.append(", ").append(city);
        }
        if (unit != null) {
            line.append(", flat ").append(unit);
        }
        if (building != null) {
            line.append(" (").append(building).append(')');
        }
        return line.toString();
    }

    /** The line for people who read Japanese: "2-14-3 Koenji-minami, Suginami-ku, Koenji Heights 301号室". */
    public String addressLineJapanese() {
        return japanese(addressLine());
    }

    /** A flat and its building in a line written by {@link #addressLine()}. */
    private static final Pattern FLAT = Pattern.compile(", flat ([^,()\\s]+)(?: \\(([^()]+)\\))?");

    /**
     * A text holding lines written by {@link #addressLine()} with their flats said in Japanese: ", flat 301 (Koenji
     * Heights)" becomes ", Koenji Heights 301号室"; null stays null.
     */
    public static String japanese(String text) {
        return text == null ? null : FLAT.matcher(text).replaceAll(flat -> Matcher.quoteReplacement(
                (flat.group(2) == null ? " " : ", " + flat.group(2) + " ") + flat.group(1) + "号室"));
    }
}
