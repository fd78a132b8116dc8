package org.tehai.dispatch;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One solver per region-day across application instances, by a lease row in PostgreSQL. The owner renews it
 * every tick; a lease not renewed for {@code tehai.dispatch.lease-ttl} may be taken by any instance, which then
 * resumes the solve. Times come from the database clock, so instances need not agree on theirs.
 * <p>
 * Every holding is also kept in {@code solver_lease_history} (who held which region-day from when until when, and
 * whether it was given back or lapsed), written by a trigger on {@code solver_lease} in the same transaction as each
 * change here; {@link #overlappingHoldings()} checks it.
 */
@ApplicationScoped
public class SolverLeases {

    /** A region-day: the unit of solving. */
    public record Partition(long regionId, LocalDate workDate) {
    }

    @Inject
    EntityManager em;

    @Inject
    DispatchSettings settings;

    /**
     * This instance as a lease owner: its host name (the pod's name on Kubernetes, from {@code HOSTNAME}) and a
     * random part, so that a plan's {@code solvedBy} says which replica solves it and a restart is a new owner.
     */
    private final String owner = ownerName();

    /** Takes the lease of a partition for a plan when it is free, expired, or already ours. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(Partition partition, long planId) {
        return acquire(partition, planId, owner);
    }

    /** {@link #tryAcquire} as another instance would (tests; a plan of null is allowed here). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean tryAcquireAs(String owner, Partition partition, Long planId) {
        return acquire(partition, planId, owner);
    }

    private boolean acquire(Partition partition, Long planId, String owner) {
        List<?> rows = em.createNativeQuery("insert into solver_lease (region_id, work_date, owner, plan_id, acquired_at, "
                + "expires_at) values (?1, ?2, ?3, cast(?4 as bigint), now(), now() + make_interval(secs => ?5)) "
                + "on conflict (region_id, work_date) do update set owner = excluded.owner, plan_id = excluded.plan_id, "
                + "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at "
                + "where solver_lease.owner = excluded.owner or solver_lease.expires_at < now() returning owner")
                .setParameter(1, partition.regionId()).setParameter(2, partition.workDate()).setParameter(3, owner)
                .setParameter(4, planId).setParameter(5, (double) settings.leaseTtl().toSeconds()).getResultList();
        return !rows.isEmpty();
    }

    /** Extends every lease this instance holds; returns the partitions still held. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<Partition> renew() {
        return renew(owner);
    }

    /** {@link #renew()} as another instance would (tests). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Set<Partition> renewAs(String owner) {
        return renew(owner);
    }

    private Set<Partition> renew(String owner) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update solver_lease set expires_at = now() + make_interval(secs => ?1) "
                + "where owner = ?2 and expires_at > now() returning region_id, work_date")
                .setParameter(1, (double) settings.leaseTtl().toSeconds()).setParameter(2, owner).getResultList();
        Set<Partition> held = new HashSet<>();
        for (Object[] row : rows) {
            held.add(new Partition(((Number) row[0]).longValue(), localDate(row[1])));
        }
        return held;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Partition partition) {
        release(partition, owner);
    }

    /** {@link #release} as another instance would (tests). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void releaseAs(String owner, Partition partition) {
        release(partition, owner);
    }

    private void release(Partition partition, String owner) {
        em.createNativeQuery("delete from solver_lease where region_id = ?1 and work_date = ?2 and owner = ?3")
                .setParameter(1, partition.regionId()).setParameter(2, partition.workDate()).setParameter(3, owner)
                .executeUpdate();
    }

    /**
     * Pairs of holdings of one region-day by two different owners whose times overlap, from the lease history; empty
     * when every region-day was held by one instance at a time. Each pair is described in words.
     */
    @Transactional
    public List<String> overlappingHoldings() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OVERLAPS).getResultList();
        return rows.stream().map(row -> "region " + row[0] + " on " + row[1] + ": " + row[2] + " held it "
                + row[3] + " .. " + row[4] + " and " + row[5] + " held it " + row[6] + " .. " + row[7]).toList();
    }

    /** The query behind {@link #overlappingHoldings()}; also run by tests against a database of their own. */
    public static final String OVERLAPS = "select a.region_id, a.work_date, a.owner, a.held_from, a.held_until, "
            + "b.owner, b.held_from, b.held_until from solver_lease_history a join solver_lease_history b "
            + "on a.region_id = b.region_id and a.work_date = b.work_date and a.id < b.id and a.owner <> b.owner "
            + "and tstzrange(a.held_from, greatest(a.held_from, a.held_until)) "
            + "&& tstzrange(b.held_from, greatest(b.held_from, b.held_until)) "
            + "order by a.region_id, a.work_date, a.held_from";

    /** Who holds a partition now (null when nobody holds a valid lease). */
    @Transactional
    public String holder(Partition partition) {
        List<?> rows = em.createNativeQuery("select owner from solver_lease where region_id = ?1 and work_date = ?2 "
                + "and expires_at > now()").setParameter(1, partition.regionId()).setParameter(2, partition.workDate())
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Proposals waiting for a solver or solving under a lease nobody renews: their owner is gone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> orphanedPlans() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select p.id from plan p where p.kind = 'PROPOSAL' "
                + "and p.status in ('QUEUED', 'SOLVING') and not exists (select 1 from solver_lease l "
                + "where l.region_id = p.region_id and l.work_date = p.work_date and l.expires_at > now()) order by p.id")
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static String ownerName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "tehai";
            }
        }
        host = host.replaceAll("[^A-Za-z0-9._-]", "");
        if (host.isEmpty()) {
            host = "tehai";
        }
        return (host.length() > 80 ? host.substring(0, 80) : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date value " + value.getClass());
    }
}
