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
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends pending notifications to the webhook, at least once: a notification is marked delivered only after the
 * gateway answered 2xx; failures are retried with doubling backoff. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several application instances share the outbox without sending
 * the same one concurrently. The lease lasts as long as a whole batch may take (every call of the gateway timing out,
 * plus a margin), so an instance killed mid-batch holds its claims no longer than that; an instance told to stop
 * finishes the call in flight and gives the rest of its batch back at once.
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

    /**
     * Added to the longest a batch may take, for the claim and the outcome's own transactions. As every notification
     * of a batch is sent within the batch's time and can be claimed again only when the claim has run out, two
     * deliveries of one notification are at least this far apart.
     */
    public static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().build();

    volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** How long claimed notifications stay reserved for the instance sending them. */
    Duration claimLease() {
        return settings.requestTimeout().multipliedBy(settings.batchSize()).plus(CLAIM_MARGIN);
    }

    @Scheduled(every = "${tehai.notifications.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverPending() {
        if (settings.webhookUrl().isEmpty()) {
            return;
        }
        int delivered;
        do {
            delivered = deliverBatch();
        } while (delivered == settings.batchSize() && !stopping);
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
            due.forEach(n -> n.nextAttemptAt = now.plus(claimLease()));
            return due.stream().map(n -> n.id).toList();
        });
        for (int i = 0; i < claimed.size(); i++) {
            if (stopping) {
                release(claimed.subList(i, claimed.size()));
                break;
            }
            long id = claimed.get(i);
            Notification notification = QuarkusTransaction.requiringNew().call(() -> Notification.findById(id));
            String error = send(notification);
            QuarkusTransaction.requiringNew().run(() -> record(id, error));
        }
        return claimed.size();
    }

    /** Gives claimed, unsent notifications back to the outbox, due now, for another instance to send. */
    private void release(List<Long> ids) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                "update Notification n set n.nextAttemptAt = :now where n.id in :ids and n.status = :pending")
                .setParameter("now", Instant.now(clock)).setParameter("ids", ids)
                .setParameter("pending", DeliveryStatus.PENDING).executeUpdate());
        LOG.infof("Stopping: %d claimed notifications given back to the outbox", ids.size());
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
