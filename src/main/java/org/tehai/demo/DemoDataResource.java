package org.tehai.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/** Loads the demo region on request: {@code POST /api/admin/demo-data?replace=true} (admin). */
@Path("/api/admin/demo-data")
public class DemoDataResource {

    @Inject
    DemoData demoData;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response load(@QueryParam("replace") String replace) {
        return Response.status(Response.Status.CREATED).entity(demoData.load(QueryValues.bool("replace", replace, false)))
                .build();
    }
}
