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
            LocalDate date = LocalDate.parse(value.trim());
            if (InputRules.dateProblem(date) != null) {
                throw ApiProblem.invalid(field, "The date (" + InputRules.echo(value) + ") "
                        + InputRules.dateProblem(date) + ".");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "The date (" + InputRules.echo(value) + ") is not an ISO date such as "
                    + "2026-11-23.");
        }
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.trim()).toInstant();
            if (InputRules.instantProblem(instant) != null) {
                throw ApiProblem.invalid(field, "The time (" + InputRules.echo(value) + ") "
                        + InputRules.instantProblem(instant) + ".");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "The time (" + InputRules.echo(value) + ") is not an ISO date-time with "
                    + "offset such as 2026-11-23T09:00:00+09:00.");
        }
    }

    /** A yes/no parameter: exactly {@code true} or {@code false}; absent is null. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalid(field, "The value (" + InputRules.echo(value) + ") is neither true nor "
                    + "false.");
        };
    }

    /** A yes/no parameter with a default when absent. */
    public static boolean bool(String field, String value, boolean absent) {
        Boolean given = bool(field, value);
        return given == null ? absent : given;
    }

    /** An id in a query: a whole number above zero, or null when absent. */
    public static Long id(String field, Long value) {
        if (value != null && value <= 0) {
            throw ApiProblem.invalid(field, "The id (" + value + ") must be a number above zero.");
        }
        return value;
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiProblem.invalid(field, "The value (" + InputRules.echo(value) + ") is not one of " + allowed + ".");
        }
    }

    /** A count or day number from the query: 400 naming the parameter when it is not a whole number in range. */
    public static int wholeNumber(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "The value (" + InputRules.echo(value) + ") is not a whole number from " + min
                    + " to " + max + ".");
        }
        if (number < min || number > max) {
            throw ApiProblem.invalid(field, "The value (" + number + ") must be from " + min + " to " + max + ".");
        }
        return number;
    }
}
