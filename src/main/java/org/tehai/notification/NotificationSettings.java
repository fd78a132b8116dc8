package org.tehai.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where customer notifications go (an SMS or e-mail gateway's webhook) and how delivery retries. */
@ConfigMapping(prefix = "tehai.notifications")
public interface NotificationSettings {

    /** The gateway's URL; without it notifications wait in the outbox until one is configured. */
    Optional<String> webhookUrl();

    /** Sent as {@code Authorization: Bearer ...} when set. */
    Optional<String> webhookToken();

    /** How often the outbox is checked (the scheduler reads it as "5s", "1m", ...). */
    @WithDefault("5s")
    String pollEvery();

    /** Wait after the first failed attempt; the wait doubles after each further one. */
    @WithDefault("PT10S")
    Duration firstBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT30M")
    Duration maxBackoff();

    /** After this many failed attempts a notification is given up (and visible as such). */
    @WithDefault("50")
    int maxAttempts();

    /** Notifications claimed and sent in one batch; after a full batch the next follows without waiting. */
    @WithDefault("20")
    int batchSize();

    /** How long one call of the gateway may take before it counts as a failed attempt. */
    @WithDefault("PT5S")
    Duration requestTimeout();
}
