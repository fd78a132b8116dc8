package org.tehai.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * One technician's shift: leaves home at the shift start at the earliest, makes its visits in order and
 * returns home. The first {@code pinnedVisitCount} visits are already dispatched or started; the solver
 * never moves, removes or inserts before them.
 *
 * <p>Route-level figures (end time, working time, overtime) derive from the last visit's
 * {@link VisitSchedule} and cost O(1).
 */
@PlanningEntity
public class TechnicianRoute {

    @PlanningId
    private String id;
    private PlanningTechnician technician;
    private long shiftStart;
    private long shiftEnd;
    private long allowedOvertime;
    private BreakRule breakRule;

    private TravelTimeMatrix travelTimes;
    private int homeIndex = -1;
    private VanStock initialStock;

    @PlanningPinToIndex
    private int pinnedVisitCount;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<PlannedVisit> visits = new ArrayList<>();

    /** For the solver's cloning only. */
    public TechnicianRoute() {
    }

    /**
     * @param breakRule null when the shift has no break
     */
    public TechnicianRoute(String id, PlanningTechnician technician, long shiftStart, long shiftEnd,
            long allowedOvertime, BreakRule breakRule) {
        this.id = Objects.requireNonNull(id, "id");
        this.technician = Objects.requireNonNull(technician, "technician");
        if (shiftEnd < shiftStart) {
            throw new IllegalArgumentException("The shift end (%d) of route (%s) is before its start (%d)."
                    .formatted(shiftEnd, id, shiftStart));
        }
        if (allowedOvertime < 0) {
            throw new IllegalArgumentException("The allowed overtime (%d) of route (%s) is negative."
                    .formatted(allowedOvertime, id));
        }
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.allowedOvertime = allowedOvertime;
        this.breakRule = breakRule;
    }

    /**
     * Puts already dispatched visits at the start of the route and keeps them there. Call before solving.
     */
    public void pinVisits(List<PlannedVisit> dispatched) {
        if (!visits.isEmpty()) {
            throw new IllegalStateException("The route (%s) already has visits (%s).".formatted(id, visits));
        }
        for (PlannedVisit visit : dispatched) {
            visit.pinTo(id);
            visits.add(visit);
        }
        pinnedVisitCount = dispatched.size();
    }

    void bind(TravelTimeMatrix travelTimes, List<String> partNames) {
        this.travelTimes = travelTimes;
        this.homeIndex = travelTimes.indexOf(technician.getHome());
        int[] stock = new int[partNames.size()];
        for (int i = 0; i < partNames.size(); i++) {
            stock[i] = technician.getVanStock().getOrDefault(partNames.get(i), 0);
        }
        this.initialStock = VanStock.loaded(stock);
    }

    long travelSeconds(int fromIndex, int toIndex) {
        return travelTimes.travelSeconds(fromIndex, toIndex);
    }

    /** The drive leaving at {@code departure}: its hour's factor applies (see {@link TravelTimeMatrix}). */
    long travelSeconds(int fromIndex, int toIndex, long departure) {
        return travelTimes.travelSeconds(fromIndex, toIndex, departure);
    }

    public boolean isEmpty() {
        return visits.isEmpty();
    }

    public PlannedVisit getLastVisit() {
        return visits.isEmpty() ? null : visits.get(visits.size() - 1);
    }

    /** Time of the last departure, plus a break still due at the end of the day, before driving home. */
    private long lastDepartureWithBreak() {
        VisitSchedule last = getLastVisit().getSchedule();
        long time = last.departureTime();
        if (!last.breakTaken() && time + travelHome() > breakRule.earliestStart()) {
            time = Math.max(time, breakRule.earliestStart()) + breakRule.length();
        }
        return time;
    }

    /** The drive home, leaving when the last visit ends (a break still due there does not move its hour). */
    private long travelHome() {
        PlannedVisit last = getLastVisit();
        VisitSchedule schedule = last.getSchedule();
        return schedule == null ? travelTimes.travelSeconds(last.getLocationIndex(), homeIndex)
                : travelTimes.travelSeconds(last.getLocationIndex(), homeIndex, schedule.departureTime());
    }

    /** Seconds the break started after its latest start; includes a break taken at the end of the day. */
    public long getBreakLateness() {
        if (visits.isEmpty() || breakRule == null) {
            return 0;
        }
        VisitSchedule last = getLastVisit().getSchedule();
        if (last == null) {
            return 0;
        }
        if (last.breakTaken()) {
            return last.breakLateness();
        }
        long departure = last.departureTime();
        if (departure + travelHome() > breakRule.earliestStart()) {
            return Math.max(0, Math.max(departure, breakRule.earliestStart()) - breakRule.latestStart());
        }
        return 0;
    }

    /** Arrival back home; the shift start for an empty route. */
    public long getEndTime() {
        if (visits.isEmpty() || getLastVisit().getSchedule() == null) {
            return shiftStart;
        }
        return lastDepartureWithBreak() + travelHome();
    }

    /**
     * The latest departure from home that changes nothing from the first visit on: waiting before the
     * first visits is cut as far as their windows allow.
     */
    public long getLeaveHomeTime() {
        if (visits.isEmpty() || getLastVisit().getSchedule() == null) {
            return shiftStart;
        }
        VisitSchedule last = getLastVisit().getSchedule();
        return shiftStart + Math.max(0, Math.min(last.startDelayBudget(), last.cumulativeWait()));
    }

    /** Paid time from leaving home to coming back; 0 for a technician who stays home. */
    public long getWorkingTime() {
        return visits.isEmpty() ? 0 : getEndTime() - getLeaveHomeTime();
    }

    public long getOvertime() {
        return Math.max(0, getEndTime() - shiftEnd);
    }

    /** Seconds past the shift end plus allowed overtime. */
    public long getOvertimeExcess() {
        return Math.max(0, getEndTime() - shiftEnd - allowedOvertime);
    }

    public long getTravelTimeHome() {
        return visits.isEmpty() ? 0 : travelHome();
    }

    public String getId() {
        return id;
    }

    public PlanningTechnician getTechnician() {
        return technician;
    }

    public long getShiftStart() {
        return shiftStart;
    }

    public long getShiftEnd() {
        return shiftEnd;
    }

    /** The technician stops earlier (or later) than planned, e.g. goes home sick. */
    public void setShiftEnd(long shiftEnd) {
        this.shiftEnd = shiftEnd;
    }

    /** A visit of the pinned head of the route went away (cancelled); the head shrinks by one. */
    public void releasePinnedVisit() {
        if (pinnedVisitCount == 0) {
            throw new IllegalStateException("The route (%s) has no pinned visit.".formatted(id));
        }
        pinnedVisitCount--;
    }

    public long getAllowedOvertime() {
        return allowedOvertime;
    }

    public BreakRule getBreakRule() {
        return breakRule;
    }

    public int getHomeIndex() {
        return homeIndex;
    }

    VanStock getInitialStock() {
        return initialStock;
    }

    public int getPinnedVisitCount() {
        return pinnedVisitCount;
    }

    public List<PlannedVisit> getVisits() {
        return visits;
    }

    public void setVisits(List<PlannedVisit> visits) {
        this.visits = visits;
    }

    @Override
    public String toString() {
        return id;
    }
}
