package org.tehai.platform.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The RFC 9457 {@code application/problem+json} body, extended with the offending field(s) and, for a request that
 * needs the client to choose (409 on an ambiguous caller), the {@code candidates} to choose from, and for a refusal an
 * app shows in its own words, a stable {@code code} naming the reason (e.g. {@code visit-cancelled}). Empty extension
 * members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemBody(String type, String title, int status, String detail, String instance, String field,
        List<ApiProblem.FieldError> errors, List<?> candidates, String code) {

    public ProblemBody(String type, String title, int status, String detail, String instance, String field,
            List<ApiProblem.FieldError> errors) {
        this(type, title, status, detail, instance, field, errors, List.of(), null);
    }

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    static Response response(int status, String title, String detail, String instance, String field,
            List<ApiProblem.FieldError> errors) {
        return response(status, title, detail, instance, field, errors, List.of());
    }

    static Response response(int status, String title, String detail, String instance, String field,
            List<ApiProblem.FieldError> errors, List<?> candidates) {
        return response(status, title, detail, instance, field, errors, candidates, null);
    }

    static Response response(int status, String title, String detail, String instance, String field,
            List<ApiProblem.FieldError> errors, List<?> candidates, String code) {
        var body = new ProblemBody("about:blank", title, status, detail, instance, field, errors, candidates, code);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
