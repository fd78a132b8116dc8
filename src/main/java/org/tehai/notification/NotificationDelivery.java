package org.tehai.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends pending notifications to the webhook, at least once: a notification is marked delivered only after the
 * gateway answered 2xx; failures are retried with doubling backoff. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several application instances share the outbox without sending
 * the same one concurrently; an instance that dies mid-send leaves the lease to expire and another sends it again.
 * The gateway should de-duplicate by the {@code Idempotency-Key} header (the notification id).
 */
@ApplicationScoped
public class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);

    @Inject
    NotificationSettings settings;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** How long a claimed notification is reserved for the instance sending it (longer than one request). */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().build();

    @Scheduled(every = "${tehai.notifications.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverPending() {
        if (settings.webhookUrl().isEmpty()) {
            return;
        }
        int delivered;
        do {
            delivered = deliverBatch();
        } while (delivered == settings.batchSize());
    }

    /**
     * Claims one batch of due notifications, sends them and records each outcome; returns how many were claimed.
     * Claiming pushes their next attempt past the lease, in its own short transaction, so no database transaction
     * stays open while the gateway answers and no other instance picks them up meanwhile.
     */
    int deliverBatch() {
        List<Long> claimed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            @SuppressWarnings("unchecked")
            List<Notification> due = entityManager.createNativeQuery("select * from notification where status = "
                    + "'PENDING' and next_attempt_at <= ?1 order by next_attempt_at, id limit ?2 for update skip locked",
                    Notification.class).setParameter(1, now).setParameter(2, settings.batchSize()).getResultList();
            due.forEach(n -> n.nextAttemptAt = now.plus(CLAIM_LEASE));
            return due.stream().map(n -> n.id).toList();
        });
        for (Long id : claimed) {
            Notification notification = QuarkusTransaction.requiringNew().call(() -> Notification.findById(id));
            String error = send(notification);
            QuarkusTransaction.requiringNew().run(() -> record(id, error));
        }
        return claimed.size();
    }

    /** Posts the notification; returns null when the gateway accepted it, else what went wrong. */
    private String send(Notification notification) {
        try {
            var request = HttpRequest.newBuilder(URI.create(settings.webhookUrl().orElseThrow()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "tehai-notification-" + notification.id)
                    .POST(HttpRequest.BodyPublishers.ofString(notification.payload));
            settings.webhookToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode() + ": " + response.body();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted";
        }
    }

    private void record(long id, String error) {
        Notification notification = Notification.findById(id);
        Instant now = Instant.now(clock);
        if (error == null) {
            notification.delivered(now);
            return;
        }
        notification.failed(error, now, settings.firstBackoff(), settings.maxBackoff(), settings.maxAttempts());
        LOG.warnf("Notification %d not delivered (attempt %d): %s", id, notification.attempts, error);
    }
}
