package org.tehai.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.OptimisticLockException;

import org.junit.jupiter.api.Test;

/** Work that lost a race is done again, a few times; any other failure reaches the caller at once. */
class ConcurrentUpdatesTest {

    @Test
    void shouldDoTheWorkAgainWhenItLostARace() {
        AtomicInteger attempts = new AtomicInteger();
        String done = ConcurrentUpdates.retrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("commit failed", new OptimisticLockException("stale visit"));
            }
            return "applied";
        });
        assertThat(done).isEqualTo("applied");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterThreeAttemptsAndNeverRetryOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentUpdates.retrying(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockException("stale visit");
        })).isInstanceOf(OptimisticLockException.class);
        assertThat(attempts).hasValue(ConcurrentUpdates.ATTEMPTS);

        attempts.set(0);
        assertThatThrownBy(() -> ConcurrentUpdates.retrying(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad event");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }
}
