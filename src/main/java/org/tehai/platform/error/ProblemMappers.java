package org.tehai.platform.error;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every failure into an {@code application/problem+json} response that names the offending field. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ConfigProperty(name = "quarkus.http.auth.basic", defaultValue = "false")
    boolean basicAuth;

    @Inject
    Instance<PageErrors> pages;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return ProblemBody.response(problem.status(), problem.title(), problem.getMessage(), path(uri),
                problem.field(), problem.errors(), problem.candidates(), problem.code());
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException exception, UriInfo uri) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(new ApiProblem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return ProblemBody.response(400, "Invalid request", detail, path(uri),
                errors.isEmpty() ? null : errors.get(0).field(), errors);
    }

    // The specific Jackson types are named so this mapper wins over Quarkus' built-in ones for them.
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, ValueInstantiationException.class, InvalidNullException.class,
            RejectedValue.class, StreamReadException.class, InputCoercionException.class })
    public Response unreadableJson(JsonProcessingException exception, UriInfo uri) {
        String field = null;
        String detail = "The request body is not valid JSON: " + cut(exception.getOriginalMessage());
        if (exception.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            // A syntax error or a key given twice: the parser knows where it stopped.
            field = pointerAsField(parser.getParsingContext().pathAsPointer(false).toString());
            if (exception.getOriginalMessage() != null && exception.getOriginalMessage().startsWith("Duplicate field")) {
                detail = "The field (" + field + ") is given more than once.";
            }
        }
        if (exception instanceof ValueInstantiationException && exception.getCause() != null) {
            detail = exception.getCause().getMessage();
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = jsonPath(mapping.getPath());
            if (mapping instanceof RejectedValue) {
                detail = mapping.getOriginalMessage();
            } else if (mapping instanceof InvalidNullException) {
                detail = "The value at " + field + " may not be null.";
            } else if (mapping instanceof InvalidFormatException format) {
                detail = "The value (" + ApiProblem.echo(format.getValue()) + ") is not a valid "
                        + describe(format.getTargetType()) + ".";
            } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    && !(mapping instanceof ValueInstantiationException)) {
                detail = "The value at " + field + " is not a valid " + describe(mismatch.getTargetType()) + ".";
            } else if (!(mapping instanceof ValueInstantiationException)) {
                detail = "The value cannot be read: " + cut(mapping.getOriginalMessage());
            }
        }
        if (field == null || field.isEmpty()) {
            return ProblemBody.response(400, "Invalid request", detail, path(uri), null, List.of());
        }
        return ProblemBody.response(400, "Invalid request", detail, path(uri), field,
                List.of(new ApiProblem.FieldError(field, detail)));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentUpdate(RuntimeException exception, UriInfo uri) {
        String detail = "The record was changed by someone else while this request ran. Reload it and try again.";
        return ProblemBody.response(409, "Stale update", detail, path(uri), "version",
                List.of(new ApiProblem.FieldError("version", detail)));
    }

    /** Two requests raced to create the same unique record: the database kept one. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException exception, UriInfo uri) {
        String constraint = exception.getConstraintName();
        return ProblemBody.response(409, "Conflict", "The change conflicts with a record saved meanwhile"
                + (constraint == null ? "" : " (" + constraint + ")") + ". Reload and try again.", path(uri), null,
                List.of());
    }

    /** No credentials, or ones that did not sign anybody in. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException exception, UriInfo uri, HttpHeaders headers) {
        if (PageErrors.isPage(uri.getPath())) {
            String next = URLEncoder.encode(uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()),
                    StandardCharsets.UTF_8);
            return Response.seeOther(URI.create(HttpErrors.LOGIN_PAGE + "?next=" + next)).build();
        }
        var response = Response.fromResponse(ProblemBody.response(401, "Unauthorized", HttpErrors.UNAUTHORIZED,
                path(uri), null, List.of()));
        HttpErrors.challenges(basicAuth, headers.getHeaderString("Sec-Fetch-Mode"))
                .forEach(challenge -> response.header("WWW-Authenticate", challenge));
        return response.build();
    }

    /**
     * A value the database refused (too long for its column, not storable): the request rules should have caught
     * it first, so it is logged for the developers, and the client still learns it sent something unusable.
     */
    @ServerExceptionMapper
    public Response unstorable(org.hibernate.exception.DataException exception, UriInfo uri) {
        LOG.warnf("A value reached the database that the input rules let through: %s", exception.getMessage());
        return ProblemBody.response(400, "Invalid request", "A value in the request cannot be stored: it is too long "
                + "or holds characters that are not allowed.", path(uri), null, List.of());
    }

    /** A signed-in user whose role does not allow the call. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri) {
        if (PageErrors.isPage(uri.getPath()) && pages.isResolvable()) {
            return pages.get().forbidden(uri);
        }
        return ProblemBody.response(403, "Forbidden", "Your role does not allow this request.", path(uri), null,
                List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status == 401 || status == 403 || original.hasEntity()) {
            return original;
        }
        if (exception instanceof NotFoundException && exception.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert (?size=ten) with 404; it is bad input.
            return ProblemBody.response(400, "Invalid request", "A query or path parameter cannot be read: "
                    + exception.getCause().getMessage(), path(uri), null, List.of());
        }
        return ProblemBody.response(status, original.getStatusInfo().getReasonPhrase(), exception.getMessage(),
                path(uri), null, List.of());
    }

    @ServerExceptionMapper
    public Response rejectedValue(IllegalArgumentException exception, UriInfo uri) {
        // Thrown by value objects and parsers on input they reject: a client error, not a crash.
        return ProblemBody.response(400, "Invalid request", exception.getMessage(), path(uri), null, List.of());
    }

    /** The field path as the client wrote it: {@code phones[0].number}, or a query parameter's name. */
    static String fieldOf(Path propertyPath) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                // The JSON body parameter is the root object; a query or path parameter is itself the field.
                if (!BODY_PARAMETER_NAMES.contains(node.getName())) {
                    appendName(field, node.getName());
                }
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                appendName(field, node.getName());
            }
        }
        return field.toString();
    }

    private static void appendName(StringBuilder field, String name) {
        if (field.length() > 0) {
            field.append('.');
        }
        field.append(name);
    }

    /** Resource methods name their JSON body parameter one of these; it is not part of the field path. */
    static final Set<String> BODY_PARAMETER_NAMES = Set.of("request", "body", "command", "paging");

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "value; use one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime", "Instant" -> "date-time; use ISO-8601 with an offset, e.g. 2026-11-23T09:00:00+09:00";
            case "LocalDate" -> "date; use ISO-8601, e.g. 2026-11-23";
            case "LocalTime" -> "time; use e.g. 08:30";
            default -> type.getSimpleName();
        };
    }

    /** A JSON pointer ({@code /phones/0/number}) as the API names fields ({@code phones[0].number}). */
    static String pointerAsField(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                field.append('[').append(segment).append(']');
            } else {
                appendName(field, segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return ApiProblem.echo(field);
    }

    /** A message from a parser, which may repeat much of the input, cut to a readable length. */
    private static String cut(String message) {
        return message == null ? "" : ApiProblem.echo(message.replaceAll("\\s+", " "), 200);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
