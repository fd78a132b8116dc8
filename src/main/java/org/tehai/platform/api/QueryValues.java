package org.tehai.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.tehai.platform.error.ApiProblem;

/** Reads query parameters so that a wrong value gets a 400 naming the parameter, not a bare 404. */
public final class QueryValues {

    private QueryValues() {
    }

    /** A case-insensitive "contains" pattern for {@code lower(x) like ?}, with LIKE's wildcards taken literally. */
    public static String containsPattern(String fragment) {
        String escaped = fragment.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "The date (" + value + ") is not an ISO date such as 2026-11-23.");
        }
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "The time (" + value + ") is not an ISO date-time with offset such as "
                    + "2026-11-23T09:00:00+09:00.");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiProblem.invalid(field, "The value (" + value + ") is not one of " + allowed + ".");
        }
    }
}
