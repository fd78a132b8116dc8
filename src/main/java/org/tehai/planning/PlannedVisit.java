package org.tehai.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * One stop a technician may make: on-site work for a ticket ({@link VisitKind#CUSTOMER}) or an optional
 * restock at a depot ({@link VisitKind#DEPOT_STOP}). The solver places it in a {@link TechnicianRoute};
 * everything else on this class is either the customer's request or derived from its place in the route.
 *
 * <p>The derived state ({@link VisitSchedule} and {@link VanStock}) is declared as shadow variables fed by
 * the previous stop, so a change re-times only the stops after it, in the same route.
 */
@PlanningEntity
public class PlannedVisit {

    @PlanningId
    private String id;
    private String ticketId;
    private VisitKind kind;
    private Location location;
    private long serviceDuration;
    private List<TimeWindow> windows;
    private PlanningPriority priority;
    private long slaDue;
    private Map<String, Integer> requiredSkillLevels;
    private Set<String> requiredTools;
    private Map<String, Integer> requiredParts;
    private String preferredTechnicianId;
    private String pinnedRouteId;
    private TimeWindow quotedWindow;

    // Bound once by the plan: index into the travel time matrix and part quantities by part index.
    private int locationIndex = -1;
    private int[] partQuantities = new int[0];

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private TechnicianRoute route;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private PlannedVisit previousVisit;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private PlannedVisit nextVisit;
    @ShadowVariable(supplierName = "computeSchedule")
    private VisitSchedule schedule;
    @ShadowVariable(supplierName = "computeVanStock")
    private VanStock vanStock;

    /** For the solver's cloning only. */
    public PlannedVisit() {
    }

    private PlannedVisit(String id, String ticketId, VisitKind kind, Location location, long serviceDuration,
            List<TimeWindow> windows, PlanningPriority priority, long slaDue, Map<String, Integer> requiredSkillLevels,
            Set<String> requiredTools, Map<String, Integer> requiredParts, String preferredTechnicianId) {
        this.id = Objects.requireNonNull(id, "id");
        this.ticketId = ticketId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.location = Objects.requireNonNull(location, "location");
        if (serviceDuration < 0) {
            throw new IllegalArgumentException("The service duration (%d) of visit (%s) is negative."
                    .formatted(serviceDuration, id));
        }
        this.serviceDuration = serviceDuration;
        Objects.requireNonNull(windows, "windows");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("The visit (%s) has no availability window.".formatted(id));
        }
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::start));
        this.windows = List.copyOf(sorted);
        this.priority = Objects.requireNonNull(priority, "priority");
        this.slaDue = slaDue;
        this.requiredSkillLevels = Map.copyOf(Objects.requireNonNull(requiredSkillLevels, "requiredSkillLevels"));
        this.requiredTools = Set.copyOf(Objects.requireNonNull(requiredTools, "requiredTools"));
        this.requiredParts = Map.copyOf(Objects.requireNonNull(requiredParts, "requiredParts"));
        this.preferredTechnicianId = preferredTechnicianId;
    }

    /**
     * A customer visit. {@code slaDue} is the time by which service should have started ({@code Long.MAX_VALUE}
     * when the contract sets none); {@code preferredTechnicianId} names the technician of an earlier visit of
     * the same ticket, or is null.
     */
    public static PlannedVisit customerVisit(String id, String ticketId, Location location, long serviceDuration,
            List<TimeWindow> windows, PlanningPriority priority, long slaDue, Map<String, Integer> requiredSkillLevels,
            Set<String> requiredTools, Map<String, Integer> requiredParts, String preferredTechnicianId) {
        return new PlannedVisit(id, ticketId, VisitKind.CUSTOMER, location, serviceDuration, windows, priority,
                slaDue, requiredSkillLevels, requiredTools, requiredParts, preferredTechnicianId);
    }

    /** An optional restock stop; {@code restockDuration} is the time spent loading at the depot. */
    public static PlannedVisit depotStop(String id, Location depot, long restockDuration) {
        return new PlannedVisit(id, null, VisitKind.DEPOT_STOP, depot, restockDuration, List.of(TimeWindow.ANY_TIME),
                PlanningPriority.P4, Long.MAX_VALUE, Map.of(), Set.of(), Map.of(), null);
    }

    /** The same request with other availability windows (pins and quotes kept); unplaced. */
    public PlannedVisit withWindows(List<TimeWindow> newWindows) {
        PlannedVisit copy = new PlannedVisit(id, ticketId, kind, location, serviceDuration, newWindows, priority, slaDue,
                requiredSkillLevels, requiredTools, requiredParts, preferredTechnicianId);
        copy.pinnedRouteId = pinnedRouteId;
        copy.quotedWindow = quotedWindow;
        return copy;
    }

    /** What the solver must know about this request, as text: equal text, same request. */
    public String requestSignature() {
        return String.join("|", kind.name(), location.toString(), Long.toString(serviceDuration), windows.toString(),
                priority.name(), Long.toString(slaDue), new java.util.TreeMap<>(requiredSkillLevels).toString(),
                new java.util.TreeSet<>(requiredTools).toString(), new java.util.TreeMap<>(requiredParts).toString(),
                String.valueOf(preferredTechnicianId), String.valueOf(pinnedRouteId), String.valueOf(quotedWindow));
    }

    /** Keeps this visit where dispatch put it: on the given route, inside its pinned prefix. */
    public void pinTo(String routeId) {
        this.pinnedRouteId = Objects.requireNonNull(routeId, "routeId");
    }

    /** Releases a pin, e.g. when the technician who had the visit goes off shift. */
    public void unpin() {
        this.pinnedRouteId = null;
    }

    /**
     * The window the customer was already told (null when none): a re-plan should keep service start inside it.
     */
    public void setQuotedWindow(TimeWindow quotedWindow) {
        this.quotedWindow = quotedWindow;
    }

    void bind(TravelTimeMatrix travelTimes, List<String> partNames) {
        locationIndex = travelTimes.indexOrAdd(location);
        partQuantities = new int[partNames.size()];
        for (int i = 0; i < partNames.size(); i++) {
            partQuantities[i] = requiredParts.getOrDefault(partNames.get(i), 0);
        }
    }

    @ShadowSources({ "route", "previousVisit.schedule" })
    public VisitSchedule computeSchedule() {
        if (route == null) {
            return null;
        }
        if (previousVisit == null) {
            return VisitSchedule.firstOfRoute(this, route.getShiftStart(),
                    route.travelSeconds(route.getHomeIndex(), locationIndex, route.getShiftStart()),
                    route.getBreakRule());
        }
        VisitSchedule previous = previousVisit.schedule;
        if (previous == null) {
            return null;
        }
        return previous.next(this, route.travelSeconds(previousVisit.locationIndex, locationIndex,
                previous.departureTime()), route.getBreakRule());
    }

    @ShadowSources({ "route", "previousVisit.vanStock" })
    public VanStock computeVanStock() {
        if (route == null) {
            return null;
        }
        VanStock before = previousVisit == null ? route.getInitialStock() : previousVisit.vanStock;
        return before == null ? null : before.after(this);
    }

    /** The earliest moment at or after {@code arrival} when service may start: waits for the next window. */
    long serviceStartFor(long arrival) {
        for (TimeWindow window : windows) {
            if (arrival <= window.end()) {
                return Math.max(arrival, window.start());
            }
        }
        return arrival;
    }

    /** The end of the window {@code start} falls in (or waits for); {@code start} itself when past them all. */
    long windowEndFor(long start) {
        for (TimeWindow window : windows) {
            if (start <= window.end()) {
                return window.end();
            }
        }
        return start;
    }

    long windowMissFor(long start) {
        TimeWindow last = windows.get(windows.size() - 1);
        return Math.max(0, start - last.end());
    }

    /** Driving time from the previous stop (or home) to this visit; 0 when unplanned. */
    public long getTravelTimeFromPrevious() {
        if (route == null) {
            return 0;
        }
        if (previousVisit == null) {
            return route.travelSeconds(route.getHomeIndex(), locationIndex, route.getShiftStart());
        }
        VisitSchedule previous = previousVisit.schedule;
        return previous == null ? route.travelSeconds(previousVisit.locationIndex, locationIndex)
                : route.travelSeconds(previousVisit.locationIndex, locationIndex, previous.departureTime());
    }

    /** The leg into this visit, plus the leg home when it is the last of its route. */
    public long getTravelTimeAttributed() {
        if (route == null) {
            return 0;
        }
        long travel = getTravelTimeFromPrevious();
        if (nextVisit != null) {
            return travel;
        }
        return travel + (schedule == null ? route.travelSeconds(locationIndex, route.getHomeIndex())
                : route.travelSeconds(locationIndex, route.getHomeIndex(), schedule.departureTime()));
    }

    public boolean isCustomer() {
        return kind == VisitKind.CUSTOMER;
    }

    /** True when a depot stop came earlier on the route (a customer visit never restocks by itself). */
    public boolean isRestockedBefore() {
        return vanStock != null && vanStock.isRestocked();
    }

    /** True when a pinned visit is not on the route dispatch put it on. */
    public boolean isAwayFromPinnedRoute() {
        return pinnedRouteId != null && (route == null || !pinnedRouteId.equals(route.getId()));
    }

    public long getSlaLateness() {
        if (schedule == null || slaDue == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(0, schedule.serviceStart() - slaDue);
    }

    /** Seconds the planned service start lies outside the window already quoted to the customer (early or late). */
    public long getQuotedWindowMiss() {
        if (schedule == null || quotedWindow == null) {
            return 0;
        }
        long start = schedule.serviceStart();
        return Math.max(0, quotedWindow.start() - start) + Math.max(0, start - quotedWindow.end());
    }

    public boolean isWithPreferredTechnician() {
        return preferredTechnicianId == null || route == null
                || preferredTechnicianId.equals(route.getTechnician().getId());
    }

    public String getId() {
        return id;
    }

    public String getTicketId() {
        return ticketId;
    }

    public VisitKind getKind() {
        return kind;
    }

    public Location getLocation() {
        return location;
    }

    public int getLocationIndex() {
        return locationIndex;
    }

    public long getServiceDuration() {
        return serviceDuration;
    }

    public List<TimeWindow> getWindows() {
        return windows;
    }

    public PlanningPriority getPriority() {
        return priority;
    }

    public long getSlaDue() {
        return slaDue;
    }

    public Map<String, Integer> getRequiredSkillLevels() {
        return requiredSkillLevels;
    }

    public Set<String> getRequiredTools() {
        return requiredTools;
    }

    public Map<String, Integer> getRequiredParts() {
        return requiredParts;
    }

    int[] getPartQuantities() {
        return partQuantities;
    }

    public String getPreferredTechnicianId() {
        return preferredTechnicianId;
    }

    public String getPinnedRouteId() {
        return pinnedRouteId;
    }

    public TimeWindow getQuotedWindow() {
        return quotedWindow;
    }

    /** True when the visit is in its route's fixed head: work begun or done that planning leaves in place. */
    public boolean inPinnedHead() {
        return route != null && route.getVisits().indexOf(this) < route.getPinnedVisitCount();
    }

    public TechnicianRoute getRoute() {
        return route;
    }

    public void setRoute(TechnicianRoute route) {
        this.route = route;
    }

    public PlannedVisit getPreviousVisit() {
        return previousVisit;
    }

    public void setPreviousVisit(PlannedVisit previousVisit) {
        this.previousVisit = previousVisit;
    }

    public PlannedVisit getNextVisit() {
        return nextVisit;
    }

    public void setNextVisit(PlannedVisit nextVisit) {
        this.nextVisit = nextVisit;
    }

    public VisitSchedule getSchedule() {
        return schedule;
    }

    public void setSchedule(VisitSchedule schedule) {
        this.schedule = schedule;
    }

    public VanStock getVanStock() {
        return vanStock;
    }

    public void setVanStock(VanStock vanStock) {
        this.vanStock = vanStock;
    }

    @Override
    public String toString() {
        return id;
    }
}
