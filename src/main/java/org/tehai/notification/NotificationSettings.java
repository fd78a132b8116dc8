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

    @WithDefault("PT10S")
    Duration firstBackoff();

    @WithDefault("PT30M")
    Duration maxBackoff();

    /** After this many failed attempts a notification is given up (and visible as such). */
    @WithDefault("50")
    int maxAttempts();

    @WithDefault("20")
    int batchSize();

    @WithDefault("PT5S")
    Duration requestTimeout();
}
