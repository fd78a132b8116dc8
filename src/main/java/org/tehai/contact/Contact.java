package org.tehai.contact;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.ticket.Channel;
import org.tehai.ticket.Ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One interaction about a ticket. The log is append-only: contacts are never edited. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Ticket ticket;

    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public ContactKind kind;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public String author;
    public String notes;

    /** For a note Tehai wrote itself: which note ({@link ContactNote#key()}); null for what a person typed. */
    public String noteKey;

    /** The note's values as a JSON object of strings ({@link ContactNote#params()}). */
    public String noteParams;

    /** The customer contacted us again about the same ticket within 7 days of an earlier inbound contact. */
    public boolean repeatContact;

    /** The inbound report that opened a ticket, as its first contact (a repeat contact it cannot be). */
    /** The note's values; empty when Tehai wrote no data for it. */
    public java.util.Map<String, String> noteParameters() {
        return ContactNote.paramsOf(noteParams);
    }

    /** The notes in Japanese, times in the ticket's region's zone (Tokyo without a region); typed notes as typed. */
    public String notesJapanese() {
        return ContactNote.japanese(noteKey, noteParameters(), notes,
                ticket.region != null ? ticket.region.zone() : java.time.ZoneId.of("Asia/Tokyo"));
    }

    public static Contact openingReport(Ticket ticket, String author) {
        var contact = new Contact();
        contact.ticket = ticket;
        contact.occurredAt = ticket.openedAt;
        contact.channel = ticket.channel;
        contact.kind = ContactKind.NEW_REPORT;
        contact.direction = Direction.INBOUND;
        contact.author = author;
        contact.notes = ticket.description;
        contact.persist();
        return contact;
    }
}
