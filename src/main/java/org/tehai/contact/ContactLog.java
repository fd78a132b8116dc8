package org.tehai.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.contact.ContactResource.ContactRequest;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketKind;
import org.tehai.ticket.TicketOpened;

import io.quarkus.panache.common.Sort;

/**
 * The interaction log. Every contact about a ticket goes through here, so that a customer contacting us again about
 * the same ticket within {@link #REPEAT_SPAN} of an earlier inbound contact is counted as a repeat contact.
 */
@ApplicationScoped
public class ContactLog {

    /** A second inbound contact about one ticket within this span is a repeat contact. */
    public static final Duration REPEAT_SPAN = Duration.ofDays(7);

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
        return record(ticket(ticketId), request.kind(), request.channel() == null ? Channel.PHONE : request.channel(),
                request.direction() == null ? defaultDirection(request.kind()) : request.direction(), request.notes(), at);
    }

    /** Call-backs and their outcomes are our calls; everything else is the customer reaching us unless said. */
    static Direction defaultDirection(ContactKind kind) {
        return switch (kind) {
            case CALLBACK_REQUEST, CALLBACK_DONE, CALLBACK_FAILED -> Direction.OUTBOUND;
            default -> Direction.INBOUND;
        };
    }

    /** The call or message that opened a ticket is its first contact; logged before the ticket is linked. */
    void onTicketOpened(@Observes @Priority(Interceptor.Priority.APPLICATION) TicketOpened opened) {
        Ticket ticket = opened.ticket();
        record(ticket, ticket.kind == TicketKind.COMPLAINT ? ContactKind.COMPLAINT : ContactKind.NEW_REPORT,
                ticket.channel, Direction.INBOUND, ticket.description, ticket.openedAt);
    }

    /** Appends a contact with a note Tehai writes itself: its English text and its data for other languages. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact record(Ticket ticket, ContactKind kind, Channel channel, Direction direction, ContactNote note,
            Instant at) {
        return append(ticket, kind, channel, direction, note.english(), note.key(), note.paramsJson(), at);
    }

    /** Appends a contact to the ticket's log, marking it as a repeat contact when it is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact record(Ticket ticket, ContactKind kind, Channel channel, Direction direction, String notes,
            Instant at) {
        return append(ticket, kind, channel, direction, notes, null, null, at);
    }

    /** One insert with every field set; the repeat check stops at the first earlier contact it finds. */
    private Contact append(Ticket ticket, ContactKind kind, Channel channel, Direction direction, String notes,
            String noteKey, String noteParams, Instant at) {
        var contact = new Contact();
        contact.ticket = ticket;
        contact.occurredAt = at;
        contact.kind = kind;
        contact.channel = channel;
        contact.direction = direction;
        contact.author = currentUser.name();
        contact.notes = notes;
        contact.noteKey = noteKey;
        contact.noteParams = noteParams;
        contact.repeatContact = direction == Direction.INBOUND && kind != ContactKind.TRACKING_VIEW && ticket.id != null
                && Contact.find("select c.id from Contact c where c.ticket.id = ?1 and c.direction = ?2 "
                        + "and c.kind <> ?5 and c.occurredAt >= ?3 and c.occurredAt <= ?4", ticket.id, Direction.INBOUND,
                        at.minus(REPEAT_SPAN), at, ContactKind.TRACKING_VIEW).project(Long.class).firstResult() != null;
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
