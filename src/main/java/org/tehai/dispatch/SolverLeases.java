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

    private final String owner = "tehai-" + UUID.randomUUID();

    /** Takes the lease of a partition for a plan when it is free, expired, or already ours. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(Partition partition, long planId) {
        List<?> rows = em.createNativeQuery("insert into solver_lease (region_id, work_date, owner, plan_id, acquired_at, "
                + "expires_at) values (?1, ?2, ?3, ?4, now(), now() + make_interval(secs => ?5)) "
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
        em.createNativeQuery("delete from solver_lease where region_id = ?1 and work_date = ?2 and owner = ?3")
                .setParameter(1, partition.regionId()).setParameter(2, partition.workDate()).setParameter(3, owner)
                .executeUpdate();
    }

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
