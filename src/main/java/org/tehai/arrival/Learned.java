package org.tehai.arrival;

import java.time.Duration;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the arrival estimates learned from finished visits, kept for a few minutes (estimates run on every report)
 * and learned again at once when a visit is finished ({@link #forget()}).
 */
final class Learned<T> {

    private static final long KEEP_NANOS = Duration.ofMinutes(5).toNanos();

    private final Supplier<T> load;
    private volatile T value;
    private volatile long loadedAtNanos;

    /** @param load reads what is learned, in the caller's transaction or a new one */
    Learned(Supplier<T> load) {
        this.load = load;
    }

    T get() {
        T current = value;
        if (current == null || System.nanoTime() - loadedAtNanos > KEEP_NANOS) {
            current = QuarkusTransaction.joiningExisting().call(load::get);
            value = current;
            loadedAtNanos = System.nanoTime();
        }
        return current;
    }

    void forget() {
        value = null;
    }
}
