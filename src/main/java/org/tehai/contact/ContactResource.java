package org.tehai.contact;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Ticket;

import io.quarkus.panache.common.Sort;

/** The interaction log of a ticket: every call, e-mail and call-back, oldest first. Append-only. */
@Path("/api/tickets/{ticketId}/contacts")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class ContactResource {

    @Inject
    ContactLog contacts;

    public record ContactRequest(@NotNull ContactKind kind, Channel channel, Direction direction,
            OffsetDateTime occurredAt, @Size(max = 4000) String notes) {
    }

    public record ContactView(long id, long ticketId, Instant occurredAt, Channel channel, ContactKind kind,
            Direction direction, String author, String notes) {
        static ContactView of(Contact c) {
            return new ContactView(c.id, c.ticket.id, c.occurredAt, c.channel, c.kind, c.direction, c.author, c.notes);
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

    @ApplicationScoped
    public static class ContactLog {

        @Inject
        CurrentUser currentUser;

        @Inject
        Clock clock;

        public List<Contact> of(long ticketId) {
            ticket(ticketId);
            return Contact.list("ticket.id", Sort.by("occurredAt").and("id"), ticketId);
        }

        @Transactional
        public Contact log(long ticketId, ContactRequest request) {
            Instant now = Instant.now(clock);
            Instant at = request.occurredAt() == null ? now : request.occurredAt().toInstant();
            if (at.isAfter(now.plusSeconds(300))) {
                throw ApiProblem.invalid("occurredAt", "The contact time (" + request.occurredAt() + ") is in the future.");
            }
            var contact = new Contact();
            contact.ticket = ticket(ticketId);
            contact.occurredAt = at;
            contact.kind = request.kind();
            contact.channel = request.channel() == null ? Channel.PHONE : request.channel();
            contact.direction = request.direction() == null ? Direction.INBOUND : request.direction();
            contact.author = currentUser.name();
            contact.notes = request.notes();
            contact.persist();
            return contact;
        }

        private static Ticket ticket(long id) {
            Ticket ticket = Ticket.findById(id);
            if (ticket == null) {
                throw ApiProblem.notFound("ticket", id);
            }
            return ticket;
        }
    }
}
