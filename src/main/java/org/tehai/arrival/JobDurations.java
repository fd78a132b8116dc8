package org.tehai.arrival;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * How long jobs of each type really take compared with their estimate, learned from finished visits. For a job type
 * the ratio actual / estimated duration has a mean (1.2: such jobs run 20 % over) and a spread (its standard
 * deviation). Few finished visits say little, so both are pulled towards a prior (mean 1, spread
 * {@code tehai.arrival.job-cv}) as if the prior had been seen {@code tehai.arrival.prior-weight} times; with a few
 * hundred visits of a type its own history decides.
 */
@ApplicationScoped
public class JobDurations {

    /** The learned ratio actual / estimated for a job type, and from how many finished visits. */
    public record Spread(double meanRatio, double sdRatio, long finished) {

        /** How much longer (or, negative, shorter) than planned such a job is expected to take. */
        public Duration bias(Duration planned) {
            return Duration.ofSeconds(Math.round((meanRatio - 1) * planned.toSeconds()));
        }

        public double sdSeconds(Duration planned) {
            return sdRatio * planned.toSeconds();
        }

        /**
         * {@code n} ratios of this {@code mean} and {@code variance} pooled with a prior (mean 1, spread
         * {@code priorSd}) seen {@code priorWeight} times: as two samples, each one's spread plus how far its mean
         * lies from the pooled one.
         */
        static Spread pooled(long n, double mean, double variance, double priorWeight, double priorSd) {
            double k = priorWeight;
            double pooledMean = (k + n * mean) / (k + n);
            double pooledVariance = (k * (priorSd * priorSd + Math.pow(1 - pooledMean, 2))
                    + n * (variance + Math.pow(mean - pooledMean, 2))) / (k + n);
            return new Spread(pooledMean, Math.sqrt(pooledVariance), n);
        }
    }

    /** Finished visits (and words said on them) older than this no longer teach anything: work and people change. */
    static final Duration HISTORY = Duration.ofDays(120);
    /** A job that took a fifth or five times its estimate was not the job estimated; it is clipped. */
    static final double MIN_RATIO = 0.2;
    static final double MAX_RATIO = 5;

    @Inject
    ArrivalSettings settings;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private final Learned<Map<String, Spread>> learned = new Learned<>(this::load);

    /** The spread of a job type; the prior for a type never seen finished (or a visit without a type). */
    public Spread of(String jobType) {
        Spread spread = jobType == null ? null : learned.get().get(jobType);
        return spread != null ? spread : new Spread(1, settings.jobCv(), 0);
    }

    /** A visit was finished: the next quote learns from it. */
    public void forget() {
        learned.forget();
    }

    private Map<String, Spread> load() {
        Instant since = Instant.now(clock).minus(HISTORY);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select job_type, count(*), avg(r), coalesce(var_samp(r), 0)
                from (select job_type, least(greatest(extract(epoch from actual_departure - actual_arrival)
                              / (60.0 * estimated_duration_minutes), ?2), ?3) as r
                      from visit
                      where status = 'DONE' and job_type is not null and estimated_duration_minutes > 0
                        and actual_arrival is not null and actual_departure is not null and actual_departure >= ?1) done
                group by job_type""")
                .setParameter(1, since).setParameter(2, MIN_RATIO).setParameter(3, MAX_RATIO).getResultList();
        Map<String, Spread> spreads = new HashMap<>();
        for (Object[] row : rows) {
            spreads.put((String) row[0], Spread.pooled(((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(),
                    ((Number) row[3]).doubleValue(), settings.priorWeight(), settings.jobCv()));
        }
        return spreads;
    }
}
