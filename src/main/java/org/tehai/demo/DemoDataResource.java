package org.tehai.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.QueryValues;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.Roles;

/**
 * Loads demo data on request (admin): {@code POST /api/admin/demo-data?replace=true} the demo region;
 * {@code ?size=city[&date=][&technicians=][&visits=]} the city-size day ({@link CityDay}) as a region of its own.
 */
@Path("/api/admin/demo-data")
public class DemoDataResource {

    static final int MAX_TECHNICIANS = 500;
    static final int MAX_VISITS = 5000;

    @Inject
    DemoData demoData;

    @Inject
    CityDay cityDay;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response load(@QueryParam("replace") String replace, @QueryParam("size") String size,
            @QueryParam("date") String date, @QueryParam("technicians") String technicians,
            @QueryParam("visits") String visits) {
        boolean replacing = QueryValues.bool("replace", replace, false);
        String chosen = size == null || size.isBlank() ? "region" : size.strip();
        Object loaded = switch (chosen) {
            case "region" -> {
                if (date != null || technicians != null || visits != null) {
                    throw ApiProblem.invalid("size", "date, technicians and visits go with size=city only.");
                }
                yield demoData.load(replacing);
            }
            case "city" -> cityDay.load(date == null ? null : QueryValues.date("date", date),
                    QueryValues.wholeNumber("technicians", technicians, CityDay.TECHNICIANS, 1, MAX_TECHNICIANS),
                    QueryValues.wholeNumber("visits", visits, CityDay.VISITS, 1, MAX_VISITS), replacing);
            default -> throw ApiProblem.invalid("size", "The size (" + ApiProblem.echo(chosen) + ") is region (the "
                    + "demo region) or city (a generated day of 100 technicians and 1,000 visits).");
        };
        return Response.status(Response.Status.CREATED).entity(loaded).build();
    }
}
