package org.tehai.platform.error;

import java.util.List;

/**
 * A failed request that the client can fix, reported as an RFC 9457 problem with the offending field.
 * Thrown from services; the transaction rolls back, so a failed request writes nothing.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final List<FieldError> errors;
    private final List<?> candidates;
    private final String code;

    public ApiProblem(int status, String title, String field, String detail) {
        this(status, title, field, detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    public ApiProblem(int status, String title, String field, String detail, List<FieldError> errors) {
        this(status, title, field, detail, errors, List.of());
    }

    private ApiProblem(int status, String title, String field, String detail, List<FieldError> errors,
            List<?> candidates) {
        this(status, title, field, detail, errors, candidates, null);
    }

    private ApiProblem(int status, String title, String field, String detail, List<FieldError> errors,
            List<?> candidates, String code) {
        super(detail);
        this.code = code;
        this.status = status;
        this.title = title;
        this.field = field;
        this.errors = List.copyOf(errors);
        this.candidates = List.copyOf(candidates);
    }

    /**
     * The same problem with the records the client may choose from to repeat the request (e.g. the customers that
     * share a caller's phone number); the problem body carries them as the extension member {@code candidates}.
     */
    public ApiProblem withCandidates(List<?> choices) {
        return new ApiProblem(status, title, field, getMessage(), errors, choices, code);
    }

    /**
     * The same problem with a stable code naming its reason, the extension member {@code code}: a client that shows
     * the refusal in its own words maps the code to them and falls back to {@code detail}.
     */
    public ApiProblem withCode(String reason) {
        return new ApiProblem(status, title, field, getMessage(), errors, candidates, reason);
    }

    /** How much of a rejected value an error message repeats. */
    public static final int ECHO_LENGTH = 100;

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "Not found", null, "The " + what + " (" + echo(id) + ") does not exist.");
    }

    /** The value as an error message repeats it: at most {@value #ECHO_LENGTH} characters. */
    public static String echo(Object value) {
        return echo(value, ECHO_LENGTH);
    }

    /** The text cut to {@code length} characters, control characters shown as a replacement character. */
    public static String echo(Object value, int length) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder shown = new StringBuilder(Math.min(text.length(), length + 1));
        for (int i = 0; i < text.length() && shown.length() < length; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        return text.length() > length ? shown + "…" : shown.toString();
    }

    /** A referenced record in the request body does not exist: the request names it in {@code field}. */
    public static ApiProblem unknownReference(String field, String what, Object id) {
        return new ApiProblem(422, "Unknown reference", field, "The " + what + " (" + echo(id) + ") does not exist.");
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(400, "Invalid request", field, detail);
    }

    public static ApiProblem unprocessable(String field, String detail) {
        return new ApiProblem(422, "Request cannot be carried out", field, detail);
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(409, "Conflict", field, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", null, detail);
    }

    /** The client edited an older copy of the record than the one stored. */
    public static ApiProblem staleVersion(String what, Object id, long sent, long current) {
        return new ApiProblem(409, "Stale update", "version", "The " + what + " (" + id + ") was changed by someone "
                + "else: you sent version " + sent + " but the current version is " + current
                + ". Reload it and apply your change again.");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The stable code naming the reason, or null. */
    public String code() {
        return code;
    }

    /** The records to choose from; empty for most problems. */
    public List<?> candidates() {
        return candidates;
    }

    public record FieldError(String field, String message) {
    }
}
