package org.tehai.part;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.security.Roles;

/** The parts catalogue, and where each part is in stock (depots and vans). */
@Path("/api/parts")
public class PartResource {

    @Inject
    PartService parts;

    public record PartRequest(
            @NotBlank @Size(max = TextLimits.CODE) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "use letters, digits, '.', '-' and '_'") String code,
            @NotBlank @Size(max = TextLimits.NAME) String name,
            Long version) {
    }

    public record PartView(long id, String code, String name, long version) {
        static PartView of(Part part) {
            return new PartView(part.id, part.code, part.name, part.version);
        }
    }

    /** Where pieces of a part are: each depot and each van that holds some. */
    public record PartStockView(String partCode, List<Holding> depots, List<Holding> vans, int total) {
        public record Holding(long id, String code, String name, int quantity) {
        }
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public List<PartView> list() {
        return parts.list().stream().map(PartView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN })
    public PartView get(@PathParam("id") long id) {
        return PartView.of(parts.get(id));
    }

    @GET
    @Path("/{id}/stock")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public PartStockView stock(@PathParam("id") long id) {
        return parts.stock(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull PartRequest request) {
        PartView created = PartView.of(parts.create(request));
        return Response.created(URI.create("/api/parts/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public PartView update(@PathParam("id") long id, @Valid @NotNull PartRequest request) {
        return PartView.of(parts.update(id, request));
    }
}
