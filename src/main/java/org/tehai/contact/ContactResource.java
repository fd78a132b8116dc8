package org.tehai.contact;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.security.Roles;
import org.tehai.ticket.Channel;

/** The interaction log of a ticket: every call, e-mail and call-back, oldest first. Append-only. */
@Path("/api/tickets/{ticketId}/contacts")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class ContactResource {

    @Inject
    ContactLog contacts;

    public record ContactRequest(@NotNull ContactKind kind, Channel channel, Direction direction,
            OffsetDateTime occurredAt, @Size(max = TextLimits.FREE_TEXT) String notes) {
    }

    public record ContactView(long id, long ticketId, Instant occurredAt, Channel channel, ContactKind kind,
            Direction direction, String author, String notes, boolean repeatContact, String noteKey,
            Map<String, String> noteParams, String notesJapanese) {
        public static ContactView of(Contact c) {
            return new ContactView(c.id, c.ticket.id, c.occurredAt, c.channel, c.kind, c.direction, c.author, c.notes,
                    c.repeatContact, c.noteKey, c.noteParameters(), c.notesJapanese());
        }
    }

    @GET
    public List<ContactView> list(@PathParam("ticketId") long ticketId) {
        return contacts.of(ticketId).stream().map(ContactView::of).toList();
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response log(@PathParam("ticketId") long ticketId, @Valid @NotNull ContactRequest request) {
        ContactView logged = ContactView.of(contacts.log(ticketId, request));
        return Response.created(URI.create("/api/tickets/" + ticketId + "/contacts/" + logged.id())).entity(logged)
                .build();
    }
}
