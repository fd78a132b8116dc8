package org.tehai.incident;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.asset.Asset;
import org.tehai.planning.Location;
import org.tehai.platform.TrackedEntity;
import org.tehai.region.Region;
import org.tehai.site.Site;
import org.tehai.ticket.Priority;

/**
 * A common cause behind several tickets: a shared piece of equipment (a building's booster feeding many flats) or a
 * declared area outage. Agents see it when they take a call; it carries one visit for all its tickets and, once
 * resolved, resolves them.
 */
@Entity
@Table(name = "incident")
public class Incident extends TrackedEntity {

    @Enumerated(EnumType.STRING)
    public IncidentKind kind;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    /** The trouble category (TV, INTERNET, ...) the incident is about. */
    public String category;

    public String title;

    /** What agents read to callers ("Engineers are working on the fault; expected fixed by 15:00"). */
    public String statusText;

    @ManyToOne
    public Region region;

    /** The shared equipment at fault (SHARED_EQUIPMENT). */
    @ManyToOne
    public Asset asset;

    /** A circular outage area (AREA_OUTAGE), as an alternative or in addition to a list of buildings. */
    @Column(name = "area_latitude")
    public Double areaLatitude;

    @Column(name = "area_longitude")
    public Double areaLongitude;

    @Column(name = "area_radius_m")
    public Integer areaRadiusMetres;

    @ElementCollection
    @CollectionTable(name = "incident_building", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "building")
    public Set<String> buildings = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public Instant openedAt;
    public String openedBy;
    public Instant resolvedAt;
    public String cause;

    /**
     * A shared piece of equipment suspected behind several calls, found by the desk's linking: it starts SUSPECTED,
     * as urgent as the call that revealed it.
     */
    public static Incident suspectedOn(Asset shared, String category, Region region, String title, Priority priority,
            Instant at, String by) {
        var incident = new Incident();
        incident.kind = IncidentKind.SHARED_EQUIPMENT;
        incident.status = IncidentStatus.SUSPECTED;
        incident.category = category;
        incident.asset = shared;
        incident.region = region;
        incident.title = title;
        incident.openedAt = at;
        incident.openedBy = by;
        incident.priority = priority;
        return incident;
    }

    /** A declared area outage: confirmed from the start; its area or buildings are filled in next. */
    public static Incident declaredOutage(String category, Region region, String title, String statusText, Instant at,
            String by) {
        var outage = new Incident();
        outage.kind = IncidentKind.AREA_OUTAGE;
        outage.status = IncidentStatus.CONFIRMED;
        outage.category = category;
        outage.title = title;
        outage.statusText = statusText;
        outage.region = region;
        outage.openedAt = at;
        outage.openedBy = by;
        return outage;
    }

    /** A person rewords the title and what agents read to callers. */
    public void reword(String newTitle, String newStatusText) {
        title = newTitle;
        statusText = newStatusText;
    }

    /** What agents read to callers from now on. */
    public void tellCallers(String text) {
        statusText = text;
    }

    /** A person confirms the open incident, or suspects it again; resolving goes through {@link #resolve}. */
    public void judge(IncidentStatus openStatus) {
        if (!openStatus.isOpen()) {
            throw new IllegalArgumentException("An incident is resolved with its cause, not marked " + openStatus
                    + ".");
        }
        status = openStatus;
    }

    /** Makes the incident at least as urgent as {@code raised}; it never becomes less urgent. */
    public void raiseTo(Priority raised) {
        if (priority == null || raised.compareTo(priority) < 0) {
            priority = raised;
        }
    }

    /** True if a ticket about {@code category} at {@code site} falls under this declared outage. */
    public boolean covers(String ticketCategory, Site site) {
        if (!category.equals(ticketCategory) || site == null) {
            return false;
        }
        if (site.building != null && buildings.stream().anyMatch(b -> b.equalsIgnoreCase(site.building))) {
            return true;
        }
        return areaRadiusMetres != null && site.hasCoordinates()
                && new Location(areaLatitude, areaLongitude).metersTo(new Location(site.latitude, site.longitude))
                        <= areaRadiusMetres;
    }

    public void resolve(String resolvedCause, Instant at) {
        status = IncidentStatus.RESOLVED;
        cause = resolvedCause;
        resolvedAt = at;
    }
}
