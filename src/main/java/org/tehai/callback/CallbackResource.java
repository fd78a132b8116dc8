package org.tehai.callback;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/** Call-backs the desk owes customers: {@code GET /api/callbacks?regionId=} lists the due ones, oldest first. */
@Path("/api/callbacks")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class CallbackResource {

    @Inject
    CallbackService callbacks;

    public record CallbackRequest(Long ticketId, Long customerId, @NotNull OffsetDateTime dueAt,
            @NotBlank @Size(max = TextLimits.FREE_TEXT) String reason, @Size(max = TextLimits.PHONE) String phone) {
    }

    public record OutcomeRequest(@NotBlank @Size(max = TextLimits.FREE_TEXT) String notes) {
    }

    public record CallbackView(long id, Long ticketId, String ticketNumber, long customerId, String customerName,
            Long regionId, CallbackKind kind, CallbackStatus status, Instant dueAt, String phone, String reason,
            Instant createdAt, String createdBy, Instant closedAt, String closedBy, String outcomeNotes,
            String reasonJapanese) {
        static CallbackView of(Callback c) {
            return new CallbackView(c.id, c.ticket == null ? null : c.ticket.id,
                    c.ticket == null ? null : c.ticket.number, c.customer.id, c.customer.name,
                    c.region == null ? null : c.region.id, c.kind, c.status, c.dueAt, c.phone, c.reason, c.createdAt,
                    c.createdBy, c.closedAt, c.closedBy, c.outcomeNotes, CallbackTexts.japanese(c.reason));
        }
    }

    @GET
    public Page<CallbackView> search(@QueryParam("regionId") Long regionId, @QueryParam("status") String status,
            @QueryParam("dueBefore") String dueBefore, @Valid @BeanParam PageRequest paging) {
        return callbacks.search(regionId, QueryValues.enumValue(CallbackStatus.class, "status", status),
                QueryValues.instant("dueBefore", dueBefore), paging);
    }

    @GET
    @Path("/{id}")
    public CallbackView get(@PathParam("id") long id) {
        return CallbackView.of(callbacks.get(id));
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response book(@Valid @NotNull CallbackRequest request) {
        CallbackView booked = callbacks.book(request);
        return Response.created(URI.create("/api/callbacks/" + booked.id())).entity(booked).build();
    }

    @POST
    @Path("/{id}/done")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public CallbackView done(@PathParam("id") long id, @Valid @NotNull OutcomeRequest request) {
        return callbacks.close(id, CallbackStatus.DONE, request.notes());
    }

    @POST
    @Path("/{id}/failed")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public CallbackView failed(@PathParam("id") long id, @Valid @NotNull OutcomeRequest request) {
        return callbacks.close(id, CallbackStatus.FAILED, request.notes());
    }
}
