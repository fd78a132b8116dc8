package org.tehai.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.customer.Customer;
import org.tehai.ticket.Ticket;
import org.tehai.visit.Visit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message for a customer waiting in the outbox, and how its delivery went. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @ManyToOne(optional = false)
    public Customer customer;

    @ManyToOne
    public Ticket ticket;

    @ManyToOne
    public Visit visit;

    public String recipientPhone;
    public String recipientEmail;
    public String language;
    public String message;
    /** The JSON document posted to the gateway, fixed when the notification is written. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status = DeliveryStatus.PENDING;

    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant createdAt;
    public Instant deliveredAt;

    void delivered(Instant at) {
        attempts++;
        status = DeliveryStatus.DELIVERED;
        deliveredAt = at;
        lastError = null;
    }

    /** Records a failed attempt; the next one waits twice as long as the last, up to {@code maxBackoff}. */
    void failed(String error, Instant at, Duration firstBackoff, Duration maxBackoff, int maxAttempts) {
        attempts++;
        lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (attempts >= maxAttempts) {
            status = DeliveryStatus.GIVEN_UP;
            return;
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = at.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }
}
