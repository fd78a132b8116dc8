package org.tehai.platform.api;

import java.time.Instant;
import java.time.LocalDate;

import org.tehai.platform.error.ApiProblem;

/**
 * The rules every value from outside obeys, in one place: text has no control characters (newlines and tabs stay)
 * and fits its column, times lie in a range the business can have, lists are bounded. The JSON reader
 * ({@link JsonInput}) and the query-parameter checks ({@link QueryValues}, {@link RequestLimits}) apply them, so
 * nothing unreadable for PostgreSQL or for a person gets past the edge of the API.
 */
public final class InputRules {

    private InputRules() {
    }

    /** A time a visit, a shift or an event can have: from 2000 up to, not including, 2100 (UTC). */
    public static final Instant EARLIEST_INSTANT = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST_INSTANT = Instant.parse("2100-01-01T00:00:00Z");
    /** A calendar date, including when a piece of equipment was installed: 1900 to 2100. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /** Any string field: a ceiling above every column limit, for fields whose own limit is larger. */
    public static final int MAX_TEXT = 10_000;
    /** A query parameter's value. */
    public static final int MAX_QUERY_VALUE = 500;
    /** How much of a rejected value an error message repeats. */
    public static final int ECHO_LENGTH = ApiProblem.ECHO_LENGTH;

    /** The value as an error message repeats it: at most {@value #ECHO_LENGTH} characters, control characters shown. */
    public static String echo(Object value) {
        return ApiProblem.echo(value, ECHO_LENGTH);
    }

    /**
     * Why a text is refused, or null when it is fine: control characters other than tab, line feed and carriage
     * return, and halves of surrogate pairs, which PostgreSQL cannot store or a person read.
     */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                return String.format("contains the control character U+%04X at position %d; only tabs and line breaks "
                        + "are allowed", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a broken character at position " + i;
            }
        }
        return null;
    }

    /** Why a value that must stay on one line (an address, a query value) is refused, or null when it is fine. */
    public static String singleLineProblem(String text) {
        String problem = textProblem(text);
        if (problem == null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0)) {
            return "contains a line break or a tab";
        }
        return problem;
    }

    public static String instantProblem(Instant instant) {
        if (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(LATEST_INSTANT)) {
            return "lies outside the years 2000 to 2099";
        }
        return null;
    }

    public static String dateProblem(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            return "lies outside the years 1900 to 2100";
        }
        return null;
    }
}
