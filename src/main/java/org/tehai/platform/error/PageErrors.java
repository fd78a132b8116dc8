package org.tehai.platform.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * How a page, rather than the API, answers a refusal: a person at a browser reads a page in their language with a
 * way on, not a problem document. The pages' package answers it; errors sit below the pages.
 */
public interface PageErrors {

    /** The signed-in person's role does not include the page. */
    Response forbidden(UriInfo uri);

    /** True if the address is one of the pages (not the API, not the management endpoints). */
    static boolean isPage(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }
}
