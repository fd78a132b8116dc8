package org.tehai.planning;

import java.util.List;

/**
 * Quick what-if of putting one visit into a route, from the route's current shadow state, for
 * {@link RuinAndRecreateMove}: a position it accepts keeps every hard rule of the route (windows, break, shift end,
 * tools and parts); the score still decides between plans.
 */
final class InsertionCost {

    private InsertionCost() {
    }

    /** Extra driving time of inserting {@code visit} at {@code index}. */
    static long addedTravel(TechnicianRoute route, int index, PlannedVisit visit) {
        List<PlannedVisit> visits = route.getVisits();
        int previous = index == 0 ? route.getHomeIndex() : visits.get(index - 1).getLocationIndex();
        int next = index == visits.size() ? route.getHomeIndex() : visits.get(index).getLocationIndex();
        int here = visit.getLocationIndex();
        return route.travelSeconds(previous, here) + route.travelSeconds(here, next)
                - route.travelSeconds(previous, next);
    }

    /**
     * How much longer the working day gets (later return, earlier departure for a new first visit) if
     * {@code visit} is inserted at {@code index}, or -1 when the visit or a later one would miss its window, lack
     * tools or parts, the break could not be taken in time, or the route would end too late. The timeline is
     * recomputed by the route's own rule ({@link VisitSchedule}), break included, until it meets the old one again.
     */
    static long addedWorkingTime(TechnicianRoute route, int index, PlannedVisit visit) {
        List<PlannedVisit> visits = route.getVisits();
        PlannedVisit previous = index == 0 ? null : visits.get(index - 1);
        if (previous != null && (previous.getSchedule() == null || previous.getVanStock() == null)) {
            return -1;
        }
        BreakRule breakRule = route.getBreakRule();
        VisitSchedule schedule = previous == null
                ? VisitSchedule.firstOfRoute(visit, route.getShiftStart(),
                        route.travelSeconds(route.getHomeIndex(), visit.getLocationIndex(), route.getShiftStart()),
                        breakRule)
                : previous.getSchedule().next(visit, route.travelSeconds(previous.getLocationIndex(),
                        visit.getLocationIndex(), previous.getSchedule().departureTime()), breakRule);
        if (schedule.windowMiss() > 0 || schedule.breakLateness() > 0) {
            return -1;
        }
        if (visit.isCustomer() && !hasToolsAndParts(route, index, visit, previous)) {
            return -1;
        }
        long start = schedule.serviceStart();
        int location = visit.getLocationIndex();
        for (int j = index; j < visits.size(); j++) {
            PlannedVisit later = visits.get(j);
            VisitSchedule before = later.getSchedule();
            if (before == null) {
                return -1;
            }
            schedule = schedule.next(later, route.travelSeconds(location, later.getLocationIndex(),
                    schedule.departureTime()), breakRule);
            if (schedule.windowMiss() > 0 || schedule.breakLateness() > 0) {
                return -1;
            }
            if (schedule.serviceStart() <= before.serviceStart() && schedule.breakTaken() == before.breakTaken()) {
                return 0; // Absorbed by waiting: nothing after this point moves.
            }
            location = later.getLocationIndex();
        }
        long time = schedule.departureTime();
        long home = route.travelSeconds(location, route.getHomeIndex(), time);
        if (!schedule.breakTaken() && time + home > breakRule.earliestStart()) {
            // The break is still due: taken before driving home, and it must not start too late.
            time = Math.max(time, breakRule.earliestStart());
            if (time > breakRule.latestStart()) {
                return -1;
            }
            time += breakRule.length();
        }
        long end = time + home;
        if (end > route.getShiftEnd() + route.getAllowedOvertime()) {
            return -1;
        }
        if (visits.isEmpty()) {
            return end - leaveHomeFor(route, visit, start);
        }
        long addedEnd = Math.max(0, end - route.getEndTime());
        // A new first visit may also make the technician leave home earlier.
        return index == 0 ? addedEnd + Math.max(0, route.getLeaveHomeTime() - leaveHomeFor(route, visit, start))
                : addedEnd;
    }

    /** When a technician whose first visit starts at {@code start} leaves home. */
    static long leaveHomeFor(TechnicianRoute route, PlannedVisit first, long start) {
        return Math.max(route.getShiftStart(),
                start - route.travelSeconds(route.getHomeIndex(), first.getLocationIndex(), route.getShiftStart()));
    }

    private static boolean hasToolsAndParts(TechnicianRoute route, int index, PlannedVisit visit,
            PlannedVisit previous) {
        VanStock before = previous == null ? route.getInitialStock() : previous.getVanStock();
        if (before.isRestocked()) {
            return true;
        }
        if (!visit.getRequiredTools().isEmpty() && !route.getTechnician().carriesAll(visit.getRequiredTools())) {
            return false;
        }
        int[] needs = visit.getPartQuantities();
        boolean needsParts = false;
        for (int need : needs) {
            needsParts |= need > 0;
        }
        if (!needsParts) {
            return true;
        }
        // Stock only shrinks until the next depot stop: what is left just before it must cover this visit too.
        VanStock last = before;
        List<PlannedVisit> visits = route.getVisits();
        for (int j = index; j < visits.size() && visits.get(j).isCustomer(); j++) {
            last = visits.get(j).getVanStock();
            if (last == null) {
                return false;
            }
        }
        for (int part = 0; part < needs.length; part++) {
            if (needs[part] > last.remainingOf(part)) {
                return false;
            }
        }
        return true;
    }
}
