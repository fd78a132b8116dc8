package org.tehai.kpi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/** Managers' KPIs: {@code GET /api/kpis?region=TOKYO-WEST&from=2026-11-01&to=2026-11-30} (dates included). */
@Path("/api/kpis")
@RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
public class KpiResource {

    @Inject
    KpiService kpis;

    @GET
    public KpiReport report(@QueryParam("region") String region, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return kpis.report(region, QueryValues.date("from", from), QueryValues.date("to", to));
    }
}
