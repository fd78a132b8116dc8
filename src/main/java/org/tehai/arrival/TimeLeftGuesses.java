package org.tehai.arrival;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * How well technicians guess the time a job still takes, learned from their {@code RUNNING_LONG} reports on visits
 * since finished: the ratio of the time then really left (to the visit's departure) to the minutes said has a mean
 * (1.2: they say 40 minutes where 48 follow) and a spread. Few reports say little, so both are pulled towards a prior
 * (mean 1, spread {@code tehai.arrival.guess-cv}) as if the prior had been seen {@code tehai.arrival.prior-weight}
 * times, as {@link JobDurations} does for the jobs themselves.
 */
@ApplicationScoped
public class TimeLeftGuesses {

    @Inject
    ArrivalSettings settings;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private final Learned<JobDurations.Spread> learned = new Learned<>(this::load);

    /** The learned ratio (time really left ÷ time said), and from how many reports. */
    public JobDurations.Spread spread() {
        return learned.get();
    }

    /** A visit was finished: the next estimate learns from its reports. */
    public void forget() {
        learned.forget();
    }

    /** Over the same history and with the same clipping of ratios as the jobs themselves ({@link JobDurations}). */
    private JobDurations.Spread load() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(*), coalesce(avg(r), 1), coalesce(var_samp(r), 0)
                from (select least(greatest(extract(epoch from v.actual_departure - e.occurred_at)
                              / (60.0 * e.minutes_left), ?2), ?3) as r
                      from technician_event e join visit v on v.id = e.visit_id
                      where e.type = 'RUNNING_LONG' and e.minutes_left > 0 and v.status = 'DONE'
                        and v.actual_departure is not null and v.actual_departure > e.occurred_at
                        and v.actual_departure >= ?1) said""")
                .setParameter(1, Instant.now(clock).minus(JobDurations.HISTORY))
                .setParameter(2, JobDurations.MIN_RATIO).setParameter(3, JobDurations.MAX_RATIO).getSingleResult();
        return JobDurations.Spread.pooled(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).doubleValue(), settings.priorWeight(), settings.guessCv());
    }
}
