package org.tehai.ticket;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.customer.Contract;
import org.tehai.platform.api.TextLimits;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;


/**
 * The managed trouble-code catalogue (category → code, e.g. TV / TV/NO_SIGNAL, BUILDING / INTERCOM/DEAD): the
 * categories are the ones incidents and declared outages use. A new code goes under the part before its slash unless
 * the request names a {@code category}. Agents pick from it at intake;
 * managers and admins maintain it. Codes are never deleted, only deactivated, so old tickets keep their meaning.
 */
@Path("/api/trouble-codes")
public class TroubleCodeResource {

    @Inject
    TroubleCodeCatalogue catalogue;

    public record TroubleCodeRequest(
            @NotBlank @Size(max = TextLimits.TROUBLE_CODE) @Pattern(regexp = "[A-Z0-9_]+/[A-Z0-9_]+", message = "use CATEGORY/CODE in capitals") String code,
            @NotBlank @Size(max = TextLimits.NAME) String name,
            @NotNull Priority basePriority,
            boolean needsVisit,
            @Size(max = TextLimits.TROUBLE_CODE) String jobType,
            @Size(max = TextLimits.CODE) String skill,
            @Min(1) @Max(5) Integer skillLevel,
            @Min(5) @Max(720) Integer durationMinutes,
            Boolean active,
            Long version,
            @Size(max = TextLimits.CATEGORY) @Pattern(regexp = "[A-Z0-9_]+", message = "use a category in capitals, e.g. INTERNET") String category) {
    }

    public record TroubleCodeView(String code, String category, String name, Priority basePriority,
            boolean needsVisit, String jobType, String skill, Integer skillLevel, Integer durationMinutes,
            boolean active, long version) {
        static TroubleCodeView of(TroubleCode c) {
            return new TroubleCodeView(c.code, c.category, c.name, c.basePriority, c.needsVisit, c.jobType, c.skill,
                    c.skillLevel, c.durationMinutes, c.active, c.version);
        }
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public List<TroubleCodeView> list(@QueryParam("category") String category,
            @QueryParam("includeInactive") String includeInactive) {
        return catalogue.list(category, QueryValues.bool("includeInactive", includeInactive, false)).stream().map(TroubleCodeView::of).toList();
    }

    /** The priority intake would suggest, shown to the agent before the ticket is saved. */
    public record SuggestedPriority(String troubleCode, Impact impact, Contract contract, Priority basePriority,
            Priority suggestedPriority) {
    }

    /**
     * {@code GET /api/trouble-codes/suggested-priority?code=TV/NO_SIGNAL&impact=NO_SERVICE&customerId=12}: the
     * priority a ticket opened with these would get (without {@code customerId}: a standard contract).
     */
    @GET
    @Path("/suggested-priority")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public SuggestedPriority suggestedPriority(@QueryParam("code") String code, @QueryParam("impact") String impact,
            @QueryParam("customerId") Long customerId) {
        return catalogue.suggest(code, QueryValues.enumValue(Impact.class, "impact", impact), customerId);
    }

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public Response create(@Valid @NotNull TroubleCodeRequest request) {
        TroubleCodeView created = TroubleCodeView.of(catalogue.save(null, request));
        return Response.created(URI.create("/api/trouble-codes/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{category}/{name}")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public TroubleCodeView update(@PathParam("category") String category, @PathParam("name") String name,
            @Valid @NotNull TroubleCodeRequest request) {
        return TroubleCodeView.of(catalogue.save(category + "/" + name, request));
    }
}
