package org.tehai.callback;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UpdateTimestamp;
import org.tehai.customer.Customer;
import org.tehai.region.Region;
import org.tehai.ticket.Ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A promise to call a customer back at a given time, instead of asking them to call again. */
@Entity
@Table(name = "callback")
public class Callback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    public Ticket ticket;

    @ManyToOne(optional = false)
    public Customer customer;

    @ManyToOne
    public Region region;

    @Enumerated(EnumType.STRING)
    public CallbackKind kind;

    @Enumerated(EnumType.STRING)
    public CallbackStatus status = CallbackStatus.DUE;

    public Instant dueAt;
    public String phone;
    public String reason;
    public Instant createdAt;
    public String createdBy;
    public Instant closedAt;
    public String closedBy;
    public String outcomeNotes;

    @Version
    public long version;

    @UpdateTimestamp
    public Instant updatedAt;

    /** A call-back the system puts on the desk's list about a ticket, due at once. */
    public static Callback system(Ticket ticket, Region region, CallbackKind kind, String reason, Instant at) {
        var callback = new Callback();
        callback.ticket = ticket;
        callback.customer = ticket.customer;
        callback.region = region;
        callback.kind = kind;
        callback.dueAt = at;
        callback.phone = ticket.contactPhone();
        callback.reason = reason;
        callback.createdAt = at;
        callback.createdBy = "system";
        callback.persist();
        return callback;
    }

    public void close(CallbackStatus outcome, String notes, String by, Instant at) {
        if (status != CallbackStatus.DUE) {
            throw new IllegalStateException("The call-back (" + id + ") is already " + status + ".");
        }
        status = outcome;
        outcomeNotes = notes;
        closedBy = by;
        closedAt = at;
    }
}
