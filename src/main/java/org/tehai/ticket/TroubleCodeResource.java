package org.tehai.ticket;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.Roles;

import io.quarkus.panache.common.Sort;

/**
 * The managed trouble-code catalogue (category → code, e.g. TV / TV/NO_SIGNAL). Agents pick from it at intake;
 * managers and admins maintain it. Codes are never deleted, only deactivated, so old tickets keep their meaning.
 */
@Path("/api/trouble-codes")
public class TroubleCodeResource {

    @Inject
    Catalogue catalogue;

    public record TroubleCodeRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z0-9_]+/[A-Z0-9_]+", message = "use CATEGORY/CODE in capitals") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull Priority basePriority,
            boolean needsVisit,
            @Size(max = 60) String jobType,
            @Size(max = 40) String skill,
            @Min(1) @Max(5) Integer skillLevel,
            @Min(5) @Max(720) Integer durationMinutes,
            Boolean active,
            Long version) {
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
            @QueryParam("includeInactive") boolean includeInactive) {
        return catalogue.list(category, includeInactive).stream().map(TroubleCodeView::of).toList();
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

    @ApplicationScoped
    public static class Catalogue {

        @Inject
        Audit audit;

        public List<TroubleCode> list(String category, boolean includeInactive) {
            String where = (category == null ? "1 = 1" : "category = :category") + (includeInactive ? "" : " and active = true");
            var parameters = new io.quarkus.panache.common.Parameters();
            if (category != null) {
                parameters.and("category", category.trim().toUpperCase());
            }
            return TroubleCode.list(where, Sort.by("code"), parameters);
        }

        /** Creates ({@code existingCode == null}) or updates a catalogue entry. */
        @Transactional
        public TroubleCode save(String existingCode, TroubleCodeRequest request) {
            TroubleCode code;
            if (existingCode == null) {
                if (TroubleCode.findById(request.code()) != null) {
                    throw ApiProblem.conflict("code", "The trouble code (" + request.code() + ") already exists.");
                }
                code = new TroubleCode();
                code.code = request.code();
            } else {
                code = TroubleCode.findById(existingCode);
                if (code == null) {
                    throw ApiProblem.notFound("trouble code", existingCode);
                }
                if (!code.code.equals(request.code())) {
                    throw ApiProblem.invalid("code", "A trouble code cannot be renamed; deactivate it and add a new one.");
                }
                if (request.version() == null || request.version() != code.version) {
                    throw request.version() == null
                            ? ApiProblem.invalid("version", "An update must send the version it read.")
                            : ApiProblem.staleVersion("trouble code", code.code, request.version(), code.version);
                }
            }
            code.category = TroubleCode.categoryOf(request.code());
            code.name = request.name();
            code.basePriority = request.basePriority();
            code.needsVisit = request.needsVisit();
            code.jobType = request.jobType();
            code.skill = request.skill();
            code.skillLevel = request.skillLevel();
            code.durationMinutes = request.durationMinutes();
            code.active = request.active() == null || request.active();
            if (existingCode == null) {
                code.persist();
            }
            code.flush();
            audit.record(existingCode == null ? "TROUBLE_CODE_CREATED" : "TROUBLE_CODE_UPDATED", "trouble_code",
                    code.code, code.name);
            return code;
        }
    }
}
