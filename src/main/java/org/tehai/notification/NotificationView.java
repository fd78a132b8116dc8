package org.tehai.notification;

import java.time.Instant;

/** A notification as the API shows it, with its delivery state. */
public record NotificationView(long id, NotificationKind kind, long customerId, Long ticketId, Long visitId,
        String recipientPhone, String message, DeliveryStatus status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant deliveredAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.customer.id, n.ticket == null ? null : n.ticket.id,
                n.visit == null ? null : n.visit.id, n.recipientPhone, n.message, n.status, n.attempts,
                n.nextAttemptAt, n.lastError, n.createdAt, n.deliveredAt);
    }
}
