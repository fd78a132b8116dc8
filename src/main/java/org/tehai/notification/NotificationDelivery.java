package org.tehai.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
 * {@code FOR UPDATE SKIP LOCKED}, so several application instances share the outbox without sending twice
 * concurrently. The gateway should de-duplicate by the {@code Idempotency-Key} header (the notification id).
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

    private final HttpClient http = HttpClient.newBuilder().build();

    @Scheduled(every = "${tehai.notifications.poll-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverPending() {
        if (settings.webhookUrl().isEmpty()) {
            return;
        }
        int delivered;
        do {
            delivered = deliverBatch();
        } while (delivered == settings.batchSize());
    }

    /** Claims and sends one batch of due notifications; returns how many were attempted. */
    int deliverBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Notification> due = entityManager.createNativeQuery("select * from notification where status = "
                    + "'PENDING' and next_attempt_at <= ?1 order by id limit ?2 for update skip locked",
                    Notification.class).setParameter(1, Instant.now(clock)).setParameter(2, settings.batchSize())
                    .getResultList();
            for (Notification notification : due) {
                send(notification);
            }
            return due.size();
        });
    }

    private void send(Notification notification) {
        Instant now = Instant.now(clock);
        try {
            var request = HttpRequest.newBuilder(URI.create(settings.webhookUrl().orElseThrow()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "tehai-notification-" + notification.id)
                    .POST(HttpRequest.BodyPublishers.ofString(notification.payload));
            settings.webhookToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                notification.delivered(now);
            } else {
                fail(notification, "HTTP " + response.statusCode() + ": " + response.body(), now);
            }
        } catch (java.io.IOException e) {
            fail(notification, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(notification, "Interrupted", now);
        }
    }

    private void fail(Notification notification, String error, Instant now) {
        notification.failed(error, now, settings.firstBackoff(), settings.maxBackoff(), settings.maxAttempts());
        LOG.warnf("Notification %d not delivered (attempt %d): %s", notification.id, notification.attempts, error);
    }
}
