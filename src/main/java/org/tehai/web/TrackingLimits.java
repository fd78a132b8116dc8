package org.tehai.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.notification.TrackingSettings;

/**
 * How often the tracking pages may be used: per client address over all links, per link, and per link for the
 * buttons that book something. Counted in fixed periods in this instance's memory (a page anyone can open must not
 * write to the database before it knows the request is allowed); with several replicas each counts its own share.
 */
@ApplicationScoped
public class TrackingLimits {

    /** Above this many counters the expired ones are dropped. */
    static final int PRUNE_ABOVE = 10_000;

    /** What is counted. */
    public enum Use {
        ADDRESS, LINK, ACTION
    }

    private record Counter(Instant periodStart, int count) {
    }

    @Inject
    TrackingSettings settings;

    @Inject
    Clock clock;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Counts one use of {@code key}; when over the limit, how long until the period ends. */
    public Optional<Duration> use(Use use, String key) {
        int limit = switch (use) {
            case ADDRESS -> settings.limitPerAddress();
            case LINK -> settings.limitPerToken();
            case ACTION -> settings.actionsPerToken();
        };
        Instant now = Instant.now(clock);
        Duration period = settings.limitPeriod();
        if (counters.size() > PRUNE_ABOVE) {
            counters.values().removeIf(c -> !now.isBefore(c.periodStart().plus(period)));
        }
        Counter counter = counters.compute(use + ":" + key, (k, c) -> c == null
                || !now.isBefore(c.periodStart().plus(period)) ? new Counter(now, 1) : new Counter(c.periodStart(),
                        c.count() + 1));
        if (counter.count() <= limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, counter.periodStart().plus(period));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
