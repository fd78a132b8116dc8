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

import org.hibernate.annotations.OptimisticLock;
import org.tehai.asset.Asset;
import org.tehai.incident.Incident;
import org.tehai.part.PartQuantity;
import org.tehai.platform.TrackedEntity;
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
 */
@Entity
@Table(name = "visit")
public class Visit extends TrackedEntity {

    /** The ticket this visit serves; null for the visit of an incident, which serves all its tickets. */
    @ManyToOne
    public Ticket ticket;

    @ManyToOne
    public Incident incident;

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
    public String outcome;
    /**
     * Why this ticket needs its own visit although an incident or a declared outage covers it (e.g. a second fault
     * in the flat); such a visit is kept when the incident's one visit replaces the callers' own.
     */
    public String separateVisitReason;

    /** The priority planning gives the visit: its ticket's, or its incident's. */
    public Priority priority() {
        return ticket != null ? ticket.priority : incident.priority;
    }

    /** A short reference for people: the ticket number, or "INC-12". */
    public String reference() {
        return ticket != null ? ticket.number : "INC-" + incident.id;
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

    /** The job type of each of the visits (one query); visits without a type are left out. */
    public static java.util.Map<Long, String> jobTypes(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> types = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            getEntityManager().createQuery("select v.id, v.jobType from Visit v where v.id in ?1 and v.jobType is not null",
                    Object[].class).setParameter(1, ids).getResultList().forEach(row -> types.put((Long) row[0],
                            (String) row[1]));
        }
        return types;
    }

    /** A technician's published route of a local date, in planned order. */
    public static List<Visit> routeOf(Technician technician, java.time.LocalDate day) {
        java.time.ZoneId zone = technician.region.zone();
        return list("technician = ?1 and status in ?2 and plannedStart >= ?3 and plannedStart < ?4",
                io.quarkus.panache.common.Sort.by("plannedStart").and("id"), technician, VisitStatus.ON_ROUTE,
                day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Cancels the ticket's visits that no technician has started; returns how many. */
    public static int cancelOpenVisitsOf(Ticket ticket, String reason) {
        List<Visit> open = list("ticket = ?1 and status in ?2", ticket,
                List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED, VisitStatus.DISPATCHED));
        open.forEach(visit -> visit.cancel(reason));
        return open.size();
    }

    /**
     * Cancels the ticket's visits that no technician has started, except those planned on purpose besides an
     * incident's visit (with a {@link #separateVisitReason}); returns how many.
     */
    public static int cancelReplaceableVisitsOf(Ticket ticket, String reason) {
        List<Visit> open = list("ticket = ?1 and status in ?2 and separateVisitReason is null", ticket,
                List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED, VisitStatus.DISPATCHED));
        open.forEach(visit -> visit.cancel(reason));
        return open.size();
    }

    public void cancel(String reason) {
        if (status.isFixed() && status != VisitStatus.CANCELLED) {
            throw new IllegalStateException("The visit (" + id + ") is " + status + " and can no longer be cancelled.");
        }
        status = VisitStatus.CANCELLED;
        outcome = reason;
    }
}
