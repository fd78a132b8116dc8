package org.tehai.dispatch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.region.Region;

/**
 * The planning problem of a finished proposal as a dispatcher reviews it: opening a visit's panel and previewing
 * a move of it read the same problem, so it is built once (about 0.2 s for a thousand visits) and shared for a
 * short while. An entry is used only while the proposal still has the score and counts it was built with, and
 * for at most {@link #KEEP}; a move applied here drops it at once. The work given must leave the problem as it
 * found it, and runs alone on it.
 */
@ApplicationScoped
public class ReviewProblems {

    static final Duration KEEP = Duration.ofSeconds(30);
    private static final int MOST = 4;

    @Inject
    PlanStore store;

    @Inject
    PlanningProblemBuilder builder;

    private record Stamp(String score, int assigned, int unassigned) {
        static Stamp of(Plan plan) {
            return new Stamp(plan.score() == null ? null : plan.score().toString(), plan.assignedCount,
                    plan.unassignedCount);
        }
    }

    private static final class Entry {
        final Stamp stamp;
        final Problem problem;
        final long builtNanos = System.nanoTime();

        Entry(Stamp stamp, Problem problem) {
            this.stamp = stamp;
            this.problem = problem;
        }

        boolean fresh(Stamp now) {
            return stamp.equals(now) && System.nanoTime() - builtNanos < KEEP.toNanos();
        }
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    /** Runs {@code work} on the proposal's problem (inside the caller's transaction), built now or shortly before. */
    public <T> T read(Plan proposal, Region region, LocalDate date, Function<Problem, T> work) {
        Stamp stamp = Stamp.of(proposal);
        Entry entry = entries.get(proposal.id);
        if (entry == null || !entry.fresh(stamp)) {
            entry = new Entry(stamp, builder.build(region, date, null, store.placements(proposal)));
            entries.put(proposal.id, entry);
            forgetOldest();
        }
        synchronized (entry) {
            return work.apply(entry.problem);
        }
    }

    /** The proposal changed here: its next review builds the problem again. */
    public void forget(long planId) {
        entries.remove(planId);
    }

    private void forgetOldest() {
        while (entries.size() > MOST) {
            entries.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().builtNanos))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
