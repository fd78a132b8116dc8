package org.tehai.platform.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tehai.platform.error.ApiProblem;

/**
 * The address of every API request obeys {@link InputRules} before a resource reads it: no control characters in
 * the path or a query parameter (a {@code %00} would otherwise reach PostgreSQL), and no query value longer than
 * {@link InputRules#MAX_QUERY_VALUE} characters.
 */
public class RequestLimits {

    /**
     * The API signs in on every request and takes JSON; a page's form carries a CSRF token. An API call without a
     * body says nothing with its content type (some clients send a form type by default), so it is dropped, and
     * such a call is not mistaken for a page's form without its token.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void apiCallWithoutBody(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean empty = !request.hasEntity() || "0".equals(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if ((path.startsWith("/api/") || path.equals("/api")) && empty) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void checkAddress(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String pathProblem = InputRules.singleLineProblem(path);
        if (pathProblem != null) {
            throw ApiProblem.invalid(null, "The address (" + InputRules.echo(path) + ") " + pathProblem + ".");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = InputRules.echo(parameter.getKey());
            if (InputRules.singleLineProblem(parameter.getKey()) != null) {
                throw ApiProblem.invalid(name, "The query parameter's name (" + name + ") contains a control character.");
            }
            for (String value : parameter.getValue()) {
                if (value.length() > InputRules.MAX_QUERY_VALUE) {
                    throw ApiProblem.invalid(name, "The value (" + InputRules.echo(value) + ") is longer than "
                            + InputRules.MAX_QUERY_VALUE + " characters.");
                }
                String problem = InputRules.singleLineProblem(value);
                if (problem != null) {
                    throw ApiProblem.invalid(name, "The value (" + InputRules.echo(value) + ") " + problem + ".");
                }
            }
        }
    }
}
