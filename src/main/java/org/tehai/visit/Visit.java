package org.tehai.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.OptimisticLock;
import org.tehai.asset.Asset;
import org.tehai.part.PartQuantity;
import org.tehai.platform.TrackedEntity;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.site.Site;
import org.tehai.technician.Shift;
import org.tehai.technician.SkillLevel;
import org.tehai.technician.Technician;
import org.tehai.ticket.Priority;
import org.tehai.ticket.Ticket;

/**
 * The on-site work a ticket needs. What it needs (skills with minimum level, tools, parts, duration) and when the
 * customer is available are the planning input; technician, planned start and quoted window are its output.
 *
 * <p>The visit owns its life: it is dispatched to a technician by a published plan, pinned by a dispatcher, moves
 * forward as the technician reports (never back, so late events of an offline phone change nothing), is told a
 * window, flagged when the live estimate leaves it, and finishes or is cancelled. Other packages read its fields and
 * call these methods; they never assign the lifecycle fields themselves.
 */
@Entity
@Table(name = "visit")
public class Visit extends TrackedEntity {

    /** The ticket this visit serves; null for the visit of an incident, which serves all its tickets. */
    @ManyToOne
    public Ticket ticket;

    /** The incident whose shared equipment this visit repairs (incidents sit above visits, so by id). */
    @Column(name = "incident_id")
    public Long incidentId;

    /** The incident's priority, read with the visit: an incident visit is as urgent as its incident. */
    @Formula("(select i.priority from incident i where i.id = incident_id)")
    @Enumerated(EnumType.STRING)
    Priority incidentPriority;

    @ManyToOne(optional = false)
    public Site site;

    @ManyToOne(optional = false)
    public Region region;

    @ManyToOne
    public Asset asset;

    @Enumerated(EnumType.STRING)
    public VisitStatus status = VisitStatus.UNPLANNED;

    /** What kind of job this is (e.g. TV_BOOSTER_REPAIR); durations are learned per job type. */
    public String jobType;

    public int estimatedDurationMinutes;

    @ElementCollection
    @CollectionTable(name = "visit_skill", joinColumns = @JoinColumn(name = "visit_id"))
    @AttributeOverride(name = "level", column = @Column(name = "min_level"))
    public List<SkillLevel> requiredSkills = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "visit_tool", joinColumns = @JoinColumn(name = "visit_id"))
    @Column(name = "tool")
    public Set<String> requiredTools = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "visit_part", joinColumns = @JoinColumn(name = "visit_id"))
    public List<PartQuantity> requiredParts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "visit_window", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    public List<AvailabilityWindow> availability = new ArrayList<>();

    @ManyToOne
    public Technician technician;

    public Instant plannedStart;
    /** The shift and place in it that the published plan gave this visit. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Shift shift;
    public Integer routePosition;
    /** A dispatcher's pin: planning keeps the visit with {@link #technician} (at {@link #pinnedStart} when set). */
    public boolean pinned;
    public Instant pinnedStart;
    /**
     * Live estimate of the service start from the technician's progress, and why it differs from the plan. Written
     * on every phone batch, so it does not count as an edit: a dispatcher's copy stays current.
     */
    @OptimisticLock(excluded = true)
    public Instant estimatedStart;
    @OptimisticLock(excluded = true)
    public String estimateReason;
    /** Set when the live estimate left the quoted window; cleared by a new quote. */
    @OptimisticLock(excluded = true)
    public Instant atRiskSince;
    public Instant quotedWindowStart;
    public Instant quotedWindowEnd;
    public Instant actualArrival;
    public Instant actualDeparture;
    /** On site: when the technician last said the job ends ("40 more minutes"), and when; live, not an edit. */
    @OptimisticLock(excluded = true)
    public Instant expectedDoneAt;
    @OptimisticLock(excluded = true)
    public Instant expectedDoneReportedAt;
    public String outcome;
    /**
     * Why this ticket needs its own visit although an incident or a declared outage covers it (e.g. a second fault
     * in the flat); such a visit is kept when the incident's one visit replaces the callers' own.
     */
    public String separateVisitReason;

    /** A ticket's own visit; what it needs and when the customer is available are filled in next. */
    public static Visit forTicket(Ticket ticket, Site site) {
        var visit = new Visit();
        visit.ticket = ticket;
        visit.locateAt(site);
        return visit;
    }

    /** A ticket's own visit planned on purpose beside the incident or outage that covers the ticket. */
    public static Visit besideIncident(Ticket ticket, Site site, String reason) {
        Visit visit = forTicket(ticket, site);
        visit.separateVisitReason = reason;
        return visit;
    }

    /** The one visit to an incident's shared equipment, which serves every ticket of the incident. */
    public static Visit forSharedEquipment(long incidentId, Asset equipment) {
        var visit = new Visit();
        visit.incidentId = incidentId;
        visit.locateAt(equipment.site);
        visit.asset = equipment;
        return visit;
    }

    /**
     * A new visit for what an unfinished one could not do, for the same ticket or incident at the same place, with
     * the same needs unless the technician said otherwise.
     */
    public static Visit followUpOf(Visit unfinished, String notes) {
        var visit = new Visit();
        visit.ticket = unfinished.ticket;
        visit.incidentId = unfinished.incidentId;
        visit.site = unfinished.site;
        visit.region = unfinished.region;
        visit.asset = unfinished.asset;
        visit.jobType = unfinished.jobType;
        visit.estimatedDurationMinutes = unfinished.estimatedDurationMinutes;
        visit.needsAsIn(unfinished);
        visit.outcome = notes == null ? null : "Follow-up: " + notes;
        return visit;
    }

    /** Takes over the skills, tools and parts of another visit (copies: element collections are not shared). */
    public void needsAsIn(Visit other) {
        other.requiredSkills.forEach(s -> requiredSkills.add(new SkillLevel(s.skill, s.level)));
        requiredTools.addAll(other.requiredTools);
        other.requiredParts.forEach(p -> requiredParts.add(new PartQuantity(p.part, p.quantity)));
    }

    /** Sets where the work is; the region follows the site. */
    public void locateAt(Site newSite) {
        site = newSite;
        region = newSite.region;
    }

    /** The equipment the work is on. */
    public void onEquipment(Asset equipment) {
        asset = equipment;
    }

    /** What kind of job the visit is, and how long it is expected to take. */
    public void estimateJob(String type, int durationMinutes) {
        jobType = type;
        estimatedDurationMinutes = durationMinutes;
    }

    /** The technician must have {@code skill} at {@code minLevel} or above. */
    public void needSkill(String skill, int minLevel) {
        requiredSkills.add(new SkillLevel(skill, minLevel));
    }

    /** What the technician said a follow-up takes and needs; what was not said (null) stays as it was. */
    public void needAsTold(Integer durationMinutes, List<SkillLevel> skills, List<PartQuantity> parts) {
        if (durationMinutes != null) {
            estimatedDurationMinutes = durationMinutes;
        }
        if (skills != null) {
            requiredSkills.clear();
            requiredSkills.addAll(skills);
        }
        if (parts != null) {
            requiredParts.clear();
            requiredParts.addAll(parts);
        }
    }

    /** The customer is (also) available from {@code from} to {@code to}. */
    public void availableBetween(Instant from, Instant to) {
        availability.add(new AvailabilityWindow(from, to));
    }

    /** The customer booked a window: it replaces every time they said they were available. */
    public void bookedFor(Instant from, Instant to) {
        availability.clear();
        availableBetween(from, to);
    }

    /** The priority planning gives the visit: its ticket's, or its incident's. */
    public Priority priority() {
        return ticket != null ? ticket.priority : incidentPriority;
    }

    /** A short reference for people: the ticket number, or "INC-12". */
    public String reference() {
        return ticket != null ? ticket.number : "INC-" + incidentId;
    }

    /**
     * When the customer is available for an arrival at {@code arrival}: the start of the first availability window
     * that has not ended by then (null without windows, or after the last one).
     */
    public Instant availableFrom(Instant arrival) {
        for (AvailabilityWindow window : availability) {
            if (!arrival.isAfter(window.endsAt)) {
                return window.startsAt;
            }
        }
        return null;
    }

    /** The published plan puts the visit on a technician's route: it is dispatched. */
    public void dispatchTo(Technician assigned, Shift onShift, int position, Instant start) {
        requireNotStarted("dispatched");
        technician = assigned;
        shift = onShift;
        routePosition = position;
        plannedStart = start;
        status = VisitStatus.DISPATCHED;
    }

    /**
     * The published plan left the visit out: it waits for planning again. A pinned visit keeps its technician, who
     * planning must still use.
     */
    public void leaveUnassigned() {
        requireNotStarted("left unassigned");
        status = VisitStatus.UNPLANNED;
        plannedStart = null;
        shift = null;
        routePosition = null;
        if (!pinned) {
            technician = null;
        }
    }

    /** The technician's day ended early: the visit, not yet started, goes back to dispatch without a technician. */
    public void handBack() {
        requireNotStarted("handed back");
        status = VisitStatus.PLANNED;
        technician = null;
        shift = null;
        routePosition = null;
        pinned = false;
        pinnedStart = null;
    }

    /** A dispatcher keeps the visit with a technician (at a start time, or anywhere in the day with null). */
    public void pin(Technician to, Instant start) {
        if (status.isFixed()) {
            throw ApiProblem.conflict("status", "The visit is " + status + "; only work not yet started can be "
                    + "pinned.");
        }
        technician = to;
        pinned = true;
        pinnedStart = start;
    }

    /** Planning may choose again; a visit that waits for planning no longer has a technician. */
    public void unpin() {
        pinned = false;
        pinnedStart = null;
        if (status == VisitStatus.UNPLANNED) {
            technician = null;
        }
    }

    /**
     * Moves the visit forward to {@code target} as the technician reports it at {@code at}; returns false (and
     * changes nothing) for a report that arrives after a later one. Arriving on site records the arrival.
     */
    public boolean advanceTo(VisitStatus target, Instant at) {
        if (!target.isAfter(status)) {
            return false;
        }
        status = target;
        if (target == VisitStatus.ON_SITE) {
            arrivedAt(at);
        }
        return true;
    }

    /** The technician reports being on site at {@code at}: the earliest report counts. */
    public void arrivedAt(Instant at) {
        if (actualArrival == null || at.isBefore(actualArrival)) {
            actualArrival = at;
        }
    }

    /** The technician on site said at {@code reportedAt} it ends at {@code doneAt}; false when off site or older. */
    public boolean expectDone(Instant doneAt, Instant reportedAt) {
        boolean older = expectedDoneReportedAt != null && reportedAt.isBefore(expectedDoneReportedAt);
        if (status != VisitStatus.ON_SITE || older) {
            return false;
        }
        expectedDoneAt = doneAt;
        expectedDoneReportedAt = reportedAt;
        return true;
    }

    /**
     * The technician ends the work as {@code result} (DONE or INCOMPLETE) at {@code at}, with what happened; false
     * when the visit had already ended, and nothing changes then.
     */
    public boolean finish(VisitStatus result, Instant at, String what) {
        if (result != VisitStatus.DONE && result != VisitStatus.INCOMPLETE) {
            throw new IllegalArgumentException("A visit finishes DONE or INCOMPLETE, not " + result + ".");
        }
        if (!advanceTo(result, at)) {
            return false;
        }
        if (actualArrival == null) {
            actualArrival = at;
        }
        actualDeparture = at;
        if (what != null) {
            outcome = what;
        }
        return true;
    }

    /** The customer is told a window: the visit carries it, and it is no longer at risk. */
    public void quote(Instant windowStart, Instant windowEnd) {
        quotedWindowStart = windowStart;
        quotedWindowEnd = windowEnd;
        atRiskSince = null;
    }

    /** The live estimate of the service start, and why it is late (null: it is not). */
    public void estimate(Instant start, String lateReason) {
        estimatedStart = start;
        estimateReason = lateReason;
    }

    /** The live estimate left the window told: flagged once per quote. */
    public void flagAtRisk(Instant since) {
        atRiskSince = since;
    }

    /** No technician will come for this visit. Work already begun or ended cannot be cancelled. */
    public void cancel(String reason) {
        if (status.isFixed() && status != VisitStatus.CANCELLED) {
            throw ApiProblem.conflict("status", "The visit (" + id + ") is " + status
                    + " and can no longer be cancelled.");
        }
        status = VisitStatus.CANCELLED;
        outcome = reason;
    }

    private void requireNotStarted(String what) {
        if (status.isFixed()) {
            throw new IllegalStateException("The visit (" + id + ") is " + status + " and cannot be " + what + ".");
        }
    }
}
