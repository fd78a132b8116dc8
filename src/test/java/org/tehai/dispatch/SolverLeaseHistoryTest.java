package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tehai.dispatch.SolverLeases.Partition;
import org.tehai.support.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lease history: every holding of a region-day, by whom, from when until when, and how it ended, whatever path
 * changed the lease (taken, renewed, taken back by the same owner, lapsed and taken by another, given back); and the
 * check that no two owners of one region-day ever overlap.
 */
@QuarkusTest
class SolverLeaseHistoryTest {

    @Inject
    SolverLeases leases;

    @Inject
    EntityManager em;

    /** One row of solver_lease_history. */
    private record Holding(String owner, OffsetDateTime from, OffsetDateTime until, String ended) {
    }

    @Test
    void shouldKeepEveryHoldingOfARegionDayWithoutOverlaps() {
        long region = TestData.region();
        Partition day = new Partition(region, LocalDate.of(2031, 3, 4));
        Partition other = new Partition(region, LocalDate.of(2031, 3, 5));

        // A takes the day and renews it; B cannot take it while A's lease is valid.
        assertThat(leases.tryAcquireAs("A", day, null)).isTrue();
        assertThat(leases.renewAs("A")).containsExactly(day);
        assertThat(leases.tryAcquireAs("A", day, null)).as("taken again by its owner").isTrue();
        assertThat(leases.tryAcquireAs("B", day, null)).isFalse();
        assertThat(history(day)).singleElement().satisfies(h -> {
            assertThat(h.owner()).isEqualTo("A");
            assertThat(h.ended()).isNull();
            assertThat(h.until()).isAfter(h.from());
        });

        // A stops renewing: its lease lapses (as if the TTL had passed) and B takes the day.
        lapse(day);
        assertThat(leases.renewAs("A")).as("a lapsed lease is not renewed").isEmpty();
        assertThat(leases.tryAcquireAs("B", day, null)).isTrue();
        // B gives it back; A takes it again.
        leases.releaseAs("B", day);
        assertThat(leases.tryAcquireAs("A", day, null)).isTrue();
        // Another day, held by B all along.
        assertThat(leases.tryAcquireAs("B", other, null)).isTrue();

        List<Holding> holdings = history(day);
        assertThat(holdings).extracting(Holding::owner, Holding::ended).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", "EXPIRED"),
                org.assertj.core.groups.Tuple.tuple("B", "RELEASED"),
                org.assertj.core.groups.Tuple.tuple("A", null));
        for (int i = 1; i < holdings.size(); i++) {
            assertThat(holdings.get(i).from()).as("holding %d starts after the previous one ended", i)
                    .isAfterOrEqualTo(holdings.get(i - 1).until());
        }
        assertThat(history(other)).singleElement().satisfies(h -> assertThat(h.owner()).isEqualTo("B"));
        assertThat(leases.overlappingHoldings()).isEmpty();

        // The check sees an overlap when there is one: a holding written as if B had taken the day while A held it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into solver_lease_history "
                + "(region_id, work_date, owner, held_from, held_until, ended) values (?1, ?2, 'C', "
                + "clock_timestamp() - interval '1 second', clock_timestamp() + interval '1 minute', 'RELEASED')")
                .setParameter(1, day.regionId()).setParameter(2, day.workDate()).executeUpdate());
        assertThat(leases.overlappingHoldings()).as("holdings C overlaps: all three").hasSize(3)
                .allSatisfy(overlap -> assertThat(overlap).contains("region " + region + " on " + day.workDate())
                        .contains(" C held it "));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from solver_lease_history "
                + "where region_id = ?1").setParameter(1, region).executeUpdate());
        leases.releaseAs("A", day);
        leases.releaseAs("B", other);
    }

    private void lapse(Partition partition) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update solver_lease "
                + "set expires_at = now() where region_id = ?1 and work_date = ?2")
                .setParameter(1, partition.regionId()).setParameter(2, partition.workDate()).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<Holding> history(Partition partition) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("select owner, "
                + "held_from, held_until, ended from solver_lease_history where region_id = ?1 and work_date = ?2 "
                + "order by held_from").setParameter(1, partition.regionId()).setParameter(2, partition.workDate())
                .getResultList()).stream().map(row -> new Holding((String) row[0], time(row[1]), time(row[2]),
                        (String) row[3])).toList());
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }
}
