package org.tehai.arrival;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.tehai.technician.Technician;
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Time passing is news too: a job still running at 11:00 ends later than one that could have ended at 10:45, though
 * the phone on site may say nothing for a while. Every {@code tehai.arrival.reestimate-every} the days under way
 * (a visit dispatched, on the way or on site on a shift that has begun) are estimated again as if the technician had
 * reported ({@link LiveEstimates#reestimate}), so a visit at risk is flagged when its chance of lateness passes the
 * threshold, not at the next report, and the stored estimates that answer "where is the technician?" stay current.
 *
 * <p>Each technician's day is re-estimated in its own short transaction under a PostgreSQL advisory lock tried, not
 * waited for: of several instances ticking at once one does a technician's day. A tick waits at most
 * {@value #LOCK_WAIT_MILLIS} ms for visits a phone's report is writing, then gives that technician up until the next
 * tick, so a tick and a report never wait on each other.
 */
@ApplicationScoped
public class EstimateTick {

    private static final Logger LOG = Logger.getLogger(EstimateTick.class);
    /** The advisory-lock namespace of the periodic re-estimation (one lock per technician). */
    static final int ESTIMATE_LOCKS = 7_342;
    static final int LOCK_WAIT_MILLIS = 500;
    /** A day is under way until this long after its shift's end (technicians finish their last visits late). */
    private static final Duration AFTER_SHIFT = Duration.ofHours(6);

    @Inject
    LiveEstimates estimates;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Scheduled(every = "${tehai.arrival.reestimate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        reestimateDaysUnderWay();
    }

    /** Re-estimates every day under way now; returns how many technicians' days were estimated again. */
    public int reestimateDaysUnderWay() {
        Instant now = Instant.now(clock);
        List<Long> technicians = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select distinct v.technician.id from Visit v where v.status in ?1 and v.shift.startsAt <= ?2 "
                        + "and v.shift.endsAt >= ?3 order by v.technician.id", Long.class)
                .setParameter(1, List.of(VisitStatus.DISPATCHED, VisitStatus.EN_ROUTE, VisitStatus.ON_SITE))
                .setParameter(2, now).setParameter(3, now.minus(AFTER_SHIFT)).getResultList());
        int done = 0;
        for (Long id : technicians) {
            try {
                done += QuarkusTransaction.requiringNew().call(() -> reestimate(id, now)) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.debugf(e, "Technician %d was not re-estimated this time (busy); the next tick tries again", id);
            }
        }
        return done;
    }

    private boolean reestimate(long technicianId, Instant now) {
        boolean mine = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1, ?2)")
                .setParameter(1, ESTIMATE_LOCKS).setParameter(2, (int) technicianId).getSingleResult();
        if (!mine) {
            return false;
        }
        entityManager.createNativeQuery("set local lock_timeout = '" + LOCK_WAIT_MILLIS + "ms'").executeUpdate();
        Technician technician = Technician.findById(technicianId);
        estimates.reestimate(technician, now);
        return true;
    }
}
