package org.tehai.planning;

import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Default weight of every constraint, in one place. Hard and medium weights are per unit of the match
 * (a second, a unit of parts, a priority weight); soft weights are per second unless said otherwise.
 * A run changes them with {@link #overriding(Map)} on the plan, never by editing the constraints.
 */
public final class ConstraintWeights {

    public static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;
    public static final HardMediumSoftLongScore MEDIUM = HardMediumSoftLongScore.ONE_MEDIUM;

    /** Each second of lateness, times the priority's late weight, costs as much as a second of driving. */
    public static final HardMediumSoftLongScore SLA_LATENESS = HardMediumSoftLongScore.ofSoft(1);
    public static final HardMediumSoftLongScore TRAVEL_TIME = HardMediumSoftLongScore.ofSoft(1);
    public static final HardMediumSoftLongScore WORKING_TIME = HardMediumSoftLongScore.ofSoft(1);
    /** Overtime is paid extra and tires the technician: five times a normal second. */
    public static final HardMediumSoftLongScore OVERTIME = HardMediumSoftLongScore.ofSoft(5);
    /** A broken promise costs a call-back and trust: a minute outside the quoted window weighs 10 minutes of driving. */
    public static final HardMediumSoftLongScore QUOTED_WINDOW_BROKEN = HardMediumSoftLongScore.ofSoft(10);
    /** Changing technician on a revisit is worth about 15 minutes of driving. */
    public static final HardMediumSoftLongScore CONTINUITY = HardMediumSoftLongScore.ofSoft(900);
    /** Per squared minute of working time: moving an hour from a 9 h day to a 7 h day saves 7,200. */
    public static final HardMediumSoftLongScore WORKLOAD_BALANCE = HardMediumSoftLongScore.ofSoft(1);

    private ConstraintWeights() {
    }

    /** Overrides for a run: the given constraints get the given weights, the others keep their defaults. */
    public static ConstraintWeightOverrides<HardMediumSoftLongScore> overriding(
            Map<String, HardMediumSoftLongScore> weightByConstraintName) {
        for (String name : weightByConstraintName.keySet()) {
            if (!TechnicianRoutingConstraints.ALL_NAMES.contains(name)) {
                throw new IllegalArgumentException("The constraint (%s) does not exist; known are %s."
                        .formatted(name, TechnicianRoutingConstraints.ALL_NAMES));
            }
        }
        return ConstraintWeightOverrides.of(weightByConstraintName);
    }
}
