package org.tehai.planning;

import java.util.List;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The dispatch rules. Hard: what makes a plan impossible to carry out. Medium: serve every customer, most
 * urgent first. Soft: cost and service quality. Weights live in {@link ConstraintWeights}.
 *
 * <p>Every stream filters on one entity's own fields and precomputed shadow state; nothing joins, so a move
 * re-evaluates only the visits and routes it touched.
 */
public class TechnicianRoutingConstraints implements ConstraintProvider {

    public static final String MISSING_SKILL = "Missing skill";
    public static final String MISSING_TOOL = "Missing tool";
    public static final String MISSING_PARTS = "Missing parts";
    public static final String OUTSIDE_AVAILABILITY = "Outside availability window";
    public static final String SHIFT_END_EXCEEDED = "Shift end exceeded";
    public static final String BREAK_MISSED = "Break missed";
    public static final String PINNED_VISIT_MOVED = "Pinned visit moved";
    public static final String UNASSIGNED_VISIT = "Unassigned visit";
    public static final String SLA_LATENESS = "SLA lateness";
    public static final String TRAVEL_TIME = "Travel time";
    public static final String WORKING_TIME = "Working time";
    public static final String OVERTIME = "Overtime";
    public static final String QUOTED_WINDOW_BROKEN = "Quoted window broken";
    public static final String CONTINUITY = "Technician continuity";
    public static final String WORKLOAD_BALANCE = "Workload balance";

    public static final List<String> ALL_NAMES = List.of(MISSING_SKILL, MISSING_TOOL, MISSING_PARTS,
            OUTSIDE_AVAILABILITY, SHIFT_END_EXCEEDED, BREAK_MISSED, PINNED_VISIT_MOVED, UNASSIGNED_VISIT,
            SLA_LATENESS, TRAVEL_TIME, WORKING_TIME, OVERTIME, QUOTED_WINDOW_BROKEN, CONTINUITY, WORKLOAD_BALANCE);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                missingSkill(factory),
                missingTool(factory),
                missingParts(factory),
                outsideAvailability(factory),
                shiftEndExceeded(factory),
                breakMissed(factory),
                pinnedVisitMoved(factory),
                unassignedVisit(factory),
                slaLateness(factory),
                travelTime(factory),
                workingTime(factory),
                overtime(factory),
                quotedWindowBroken(factory),
                continuity(factory),
                workloadBalance(factory)
        };
    }

    // ---- Hard ----

    /** The technician must master every skill of the job at the required level. */
    Constraint missingSkill(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> visit.isCustomer()
                        && !visit.getRoute().getTechnician().masters(visit.getRequiredSkillLevels()))
                .penalize(ConstraintWeights.HARD)
                .asConstraint(MISSING_SKILL);
    }

    /** The van must carry the job's tools, unless the technician went by the depot earlier that day. */
    Constraint missingTool(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> !visit.getRequiredTools().isEmpty() && !visit.isRestockedBefore()
                        && !visit.getRoute().getTechnician().carriesAll(visit.getRequiredTools()))
                .penalize(ConstraintWeights.HARD)
                .asConstraint(MISSING_TOOL);
    }

    /** The parts the job needs must still be in the van (stock is used up visit by visit) or come from the depot. */
    Constraint missingParts(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> visit.getVanStock() != null && visit.getVanStock().getShortage() > 0)
                .penalizeLong(ConstraintWeights.HARD, visit -> visit.getVanStock().getShortage())
                .asConstraint(MISSING_PARTS);
    }

    /** Service must start inside one of the windows the customer said they are home; per second too late. */
    Constraint outsideAvailability(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> visit.getSchedule() != null && visit.getSchedule().windowMiss() > 0)
                .penalizeLong(ConstraintWeights.HARD, visit -> visit.getSchedule().windowMiss())
                .asConstraint(OUTSIDE_AVAILABILITY);
    }

    /** The technician must be home by the shift end plus the overtime they agreed to; per second beyond. */
    Constraint shiftEndExceeded(ConstraintFactory factory) {
        return factory.forEach(TechnicianRoute.class)
                .filter(route -> !route.isEmpty() && route.getOvertimeExcess() > 0)
                .penalizeLong(ConstraintWeights.HARD, TechnicianRoute::getOvertimeExcess)
                .asConstraint(SHIFT_END_EXCEEDED);
    }

    /** The break must start early enough to end inside its allowed interval; per second too late. */
    Constraint breakMissed(ConstraintFactory factory) {
        return factory.forEach(TechnicianRoute.class)
                .filter(route -> route.getBreakRule() != null && route.getBreakLateness() > 0)
                .penalizeLong(ConstraintWeights.HARD, TechnicianRoute::getBreakLateness)
                .asConstraint(BREAK_MISSED);
    }

    /** Work already dispatched or started stays with the technician who has it. */
    Constraint pinnedVisitMoved(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(PlannedVisit::isAwayFromPinnedRoute)
                .penalize(ConstraintWeights.HARD)
                .asConstraint(PINNED_VISIT_MOVED);
    }

    // ---- Medium ----

    /**
     * Every customer gets a visit; when that is impossible, the least urgent ones wait (see
     * {@link PlanningPriority}).
     */
    Constraint unassignedVisit(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(visit -> visit.getRoute() == null && visit.isCustomer())
                .penalizeLong(ConstraintWeights.MEDIUM, visit -> visit.getPriority().unassignedWeight())
                .asConstraint(UNASSIGNED_VISIT);
    }

    // ---- Soft ----

    /** Service should start by the contract's SLA due time; urgent tickets weigh more. */
    Constraint slaLateness(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> visit.getSlaLateness() > 0)
                .penalizeLong(ConstraintWeights.SLA_LATENESS,
                        visit -> visit.getSlaLateness() * visit.getPriority().lateWeight())
                .asConstraint(SLA_LATENESS);
    }

    /** Driving costs fuel and time: the leg into each visit, and home after the last one. */
    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .penalizeLong(ConstraintWeights.TRAVEL_TIME, PlannedVisit::getTravelTimeAttributed)
                .asConstraint(TRAVEL_TIME);
    }

    /** Paid time from leaving home (as late as useful) to coming back home. */
    Constraint workingTime(ConstraintFactory factory) {
        return factory.forEach(TechnicianRoute.class)
                .filter(route -> !route.isEmpty())
                .penalizeLong(ConstraintWeights.WORKING_TIME, TechnicianRoute::getWorkingTime)
                .asConstraint(WORKING_TIME);
    }

    /** Time past the shift end is paid extra, even when allowed. */
    Constraint overtime(ConstraintFactory factory) {
        return factory.forEach(TechnicianRoute.class)
                .filter(route -> !route.isEmpty() && route.getOvertime() > 0)
                .penalizeLong(ConstraintWeights.OVERTIME, TechnicianRoute::getOvertime)
                .asConstraint(OVERTIME);
    }

    /** A re-plan should not move an arrival outside the window the customer was already told; per second. */
    Constraint quotedWindowBroken(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> visit.getQuotedWindowMiss() > 0)
                .penalizeLong(ConstraintWeights.QUOTED_WINDOW_BROKEN, PlannedVisit::getQuotedWindowMiss)
                .asConstraint(QUOTED_WINDOW_BROKEN);
    }

    /** A revisit should go to the technician who already knows the job. */
    Constraint continuity(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(visit -> !visit.isWithPreferredTechnician())
                .penalize(ConstraintWeights.CONTINUITY)
                .asConstraint(CONTINUITY);
    }

    /** Spread the work: squared minutes make one long day cost more than two medium ones. */
    Constraint workloadBalance(ConstraintFactory factory) {
        return factory.forEach(TechnicianRoute.class)
                .filter(route -> !route.isEmpty())
                .penalizeLong(ConstraintWeights.WORKLOAD_BALANCE, route -> {
                    long minutes = route.getWorkingTime() / 60;
                    return minutes * minutes;
                })
                .asConstraint(WORKLOAD_BALANCE);
    }
}
