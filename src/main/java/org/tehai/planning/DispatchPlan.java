package org.tehai.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A planning snapshot of one region and day: the technicians' routes, the visits to place (customer visits
 * and optional depot stops) and the travel times between all their locations.
 *
 * <p>Building a plan binds every route and visit to the travel time matrix and to part indexes, so the
 * constraints only do array reads. Constraint weights default to {@link ConstraintWeights}; a run may
 * override them through {@link #getConstraintWeightOverrides()}.
 */
@PlanningSolution
public class DispatchPlan {

    @ProblemFactCollectionProperty
    private List<PlanningTechnician> technicians;
    @PlanningEntityCollectionProperty
    private List<TechnicianRoute> routes;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlannedVisit> visits;

    private TravelTimeMatrix travelTimes;
    private List<String> partNames;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For the solver's cloning only. */
    public DispatchPlan() {
    }

    public DispatchPlan(List<PlanningTechnician> technicians, List<TechnicianRoute> routes, List<PlannedVisit> visits,
            TravelTimeProvider travelTimeProvider) {
        this(technicians, routes, visits, travelTimeProvider, ConstraintWeightOverrides.none());
    }

    public DispatchPlan(List<PlanningTechnician> technicians, List<TechnicianRoute> routes, List<PlannedVisit> visits,
            TravelTimeProvider travelTimeProvider, ConstraintWeightOverrides<HardMediumSoftLongScore> weightOverrides) {
        this.technicians = new ArrayList<>(Objects.requireNonNull(technicians, "technicians"));
        this.routes = new ArrayList<>(Objects.requireNonNull(routes, "routes"));
        this.visits = new ArrayList<>(Objects.requireNonNull(visits, "visits"));
        Objects.requireNonNull(travelTimeProvider, "travelTimeProvider");
        this.constraintWeightOverrides = Objects.requireNonNull(weightOverrides, "weightOverrides");
        List<Location> locations = new ArrayList<>();
        TreeSet<String> parts = new TreeSet<>();
        for (PlanningTechnician technician : technicians) {
            locations.add(technician.getHome());
            parts.addAll(technician.getVanStock().keySet());
        }
        for (TechnicianRoute route : routes) {
            if (!this.technicians.contains(route.getTechnician())) {
                throw new IllegalArgumentException("The route (%s) belongs to technician (%s) who is not in the plan."
                        .formatted(route.getId(), route.getTechnician().getId()));
            }
        }
        for (PlannedVisit visit : visits) {
            locations.add(visit.getLocation());
            parts.addAll(visit.getRequiredParts().keySet());
        }
        this.partNames = List.copyOf(parts);
        this.travelTimes = TravelTimeMatrix.of(locations, travelTimeProvider);
        for (TechnicianRoute route : routes) {
            route.bind(travelTimes, partNames);
        }
        for (PlannedVisit visit : visits) {
            visit.bind(travelTimes, partNames);
        }
    }

    /** True when every part the visit needs is known to this plan, so a problem change can add it. */
    public boolean knowsPartsOf(PlannedVisit visit) {
        return partNames.containsAll(visit.getRequiredParts().keySet());
    }

    /** Adds a visit after the plan was built (a problem change does this on the solver's working plan). */
    void addVisit(PlannedVisit visit) {
        for (String part : visit.getRequiredParts().keySet()) {
            if (!partNames.contains(part)) {
                throw new IllegalArgumentException("The visit (%s) needs part (%s) that no technician or visit of the plan has; rebuild the plan."
                        .formatted(visit.getId(), part));
            }
        }
        visit.bind(travelTimes, partNames);
        visits.add(visit);
    }

    /** The visit with this id, or null. */
    public PlannedVisit visitOf(String visitId) {
        for (PlannedVisit visit : visits) {
            if (visit.getId().equals(visitId)) {
                return visit;
            }
        }
        return null;
    }

    /** Customer visits the plan leaves unassigned. */
    public List<PlannedVisit> getUnassignedCustomerVisits() {
        List<PlannedVisit> unassigned = new ArrayList<>();
        for (PlannedVisit visit : visits) {
            if (visit.isCustomer() && visit.getRoute() == null) {
                unassigned.add(visit);
            }
        }
        return unassigned;
    }

    public TechnicianRoute routeOf(String routeId) {
        for (TechnicianRoute route : routes) {
            if (route.getId().equals(routeId)) {
                return route;
            }
        }
        throw new IllegalArgumentException("The route (%s) is not in the plan.".formatted(routeId));
    }

    public List<PlanningTechnician> getTechnicians() {
        return technicians;
    }

    public List<TechnicianRoute> getRoutes() {
        return routes;
    }

    public List<PlannedVisit> getVisits() {
        return visits;
    }

    public TravelTimeMatrix getTravelTimes() {
        return travelTimes;
    }

    public List<String> getPartNames() {
        return partNames;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = Objects.requireNonNull(overrides, "overrides");
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
