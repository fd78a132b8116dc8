package org.tehai.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.region.Region;
import org.tehai.region.RegionService;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketKind;
import org.tehai.ticket.TicketStatus;
import org.tehai.ticket.TroubleCode;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;
import org.tehai.visit.VisitStatus;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Incidents: common causes behind several tickets. A suspected shared-equipment incident opens by itself when
 * calls of one category about equipment hanging off the same parent arrive close together ({@link IncidentLinking});
 * it links the tickets, raises their priority and replaces their visits with one visit to the shared equipment
 * ({@link IncidentVisits}). Declared area outages catch new matching calls, so agents read the status text instead of
 * dispatching a technician per caller. This service is what the API does with incidents.
 */
@ApplicationScoped
public class IncidentService {

    @Inject
    IncidentLinking linking;

    @Inject
    Audit audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /**
     * Incidents by status (or only the open ones), region, and resolved after a time; the most recently opened first,
     * or the most recently resolved first when only resolved ones are asked for.
     */
    public Page<IncidentView> search(IncidentStatus status, Boolean open, Long regionId, Instant resolvedAfter,
            PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        } else if (Boolean.TRUE.equals(open)) {
            conditions.add("status <> :resolved");
            parameters.and("resolved", IncidentStatus.RESOLVED);
        }
        if (regionId != null) {
            conditions.add("region.id = :region");
            parameters.and("region", regionId);
        }
        if (resolvedAfter != null) {
            if (Boolean.TRUE.equals(open) || (status != null && status != IncidentStatus.RESOLVED)) {
                throw ApiProblem.invalid("resolvedAfter", "Only resolved incidents have a resolution time; leave out "
                        + "open=true and any status but RESOLVED.");
            }
            conditions.add("resolvedAt > :resolvedAfter");
            parameters.and("resolvedAfter", resolvedAfter);
        }
        boolean resolvedOnly = status == IncidentStatus.RESOLVED || resolvedAfter != null;
        Sort order = resolvedOnly ? Sort.descending("resolvedAt").and("id", Sort.Direction.Descending)
                : Sort.descending("openedAt").and("id", Sort.Direction.Descending);
        var query = conditions.isEmpty() ? Incident.<Incident>findAll(order)
                : Incident.<Incident>find(String.join(" and ", conditions), order, parameters);
        return Page.of(query, page, this::row);
    }

    public Incident get(long id) {
        return Records.require(Incident.class, id, "incident");
    }

    public IncidentView view(Incident incident) {
        List<Ticket> tickets = Ticket.list("incidentId", Sort.by("openedAt"), incident.id);
        return IncidentView.of(incident, tickets.size(), tickets, Visit.list("incidentId", Sort.by("id"), incident.id));
    }

    /** A list row: the number of linked tickets, not the tickets (an outage may have thousands). */
    private IncidentView row(Incident incident) {
        return IncidentView.of(incident, Ticket.count("incidentId", incident.id), List.of(),
                Visit.list("incidentId", Sort.by("id"), incident.id));
    }

    /** Declares an area outage and links the open tickets it already covers. */
    @Transactional
    public IncidentView declareOutage(OutageRequest request) {
        boolean hasArea = request.latitude() != null && request.longitude() != null && request.radiusMetres() != null;
        boolean partArea = request.latitude() != null || request.longitude() != null || request.radiusMetres() != null;
        if (partArea && !hasArea) {
            String missing = request.latitude() == null ? "latitude" : request.longitude() == null ? "longitude"
                    : "radiusMetres";
            throw ApiProblem.invalid(missing, "An outage area needs latitude, longitude and radiusMetres.");
        }
        String category = request.category().trim().toUpperCase();
        if (TroubleCode.count("category", category) == 0) {
            throw ApiProblem.unprocessable("category", "No trouble code has the category (" + request.category()
                    + "); use a category of the catalogue such as TV or INTERNET.");
        }
        boolean hasBuildings = request.buildings() != null && !request.buildings().isEmpty();
        if (!hasArea && !hasBuildings) {
            throw ApiProblem.invalid("buildings", "Name the affected buildings, or give an area (latitude, longitude "
                    + "and radiusMetres).");
        }
        Region region = RegionService.reference("regionId", request.regionId());
        var outage = Incident.declaredOutage(category, region, request.title(), request.statusText(),
                Instant.now(clock), currentUser.name());
        if (hasArea) {
            outage.areaLatitude = request.latitude();
            outage.areaLongitude = request.longitude();
            outage.areaRadiusMetres = request.radiusMetres();
        }
        if (hasBuildings) {
            request.buildings().stream().map(String::trim).forEach(outage.buildings::add);
        }
        outage.persist();
        audit.record("OUTAGE_DECLARED", "incident", outage.id, outage.title);
        // The outage explains the suspected shared-equipment incidents of its category inside its area: they are
        // absorbed (their visit cancelled, their tickets linked to the outage) before the other open tickets join.
        for (Incident suspected : Incident.<Incident>list("kind = ?1 and status = ?2 and category = ?3",
                Sort.by("id"), IncidentKind.SHARED_EQUIPMENT, IncidentStatus.SUSPECTED, category)) {
            if ((suspected.region == null || suspected.region.id.equals(region.id)) && IncidentLinking.covers(outage, suspected)) {
                linking.absorb(outage, suspected);
            }
        }
        for (Ticket ticket : Ticket.<Ticket>list("region = ?1 and status in ?2 and incidentId is null and kind = ?3",
                region, List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS), TicketKind.FAULT)) {
            if (outage.covers(ticket.category(), ticket.site)) {
                linking.linkToOutage(ticket, outage);
            }
        }
        outage.flush();
        return view(outage);
    }

    /** Changes what agents read to callers, the title, or confirms a suspected incident. */
    @Transactional
    public IncidentView update(long id, IncidentUpdateRequest request) {
        Incident incident = get(id);
        incident.requireVersion("incident", request.version());
        if (!incident.status.isOpen()) {
            throw ApiProblem.conflict("status", "The incident (" + id + ") is resolved; open a new one instead.");
        }
        if (request.status() == IncidentStatus.RESOLVED) {
            throw ApiProblem.invalid("status", "Resolve an incident with POST /api/incidents/" + id
                    + "/resolve and its cause.");
        }
        incident.reword(request.title(), request.statusText());
        if (request.status() != null) {
            incident.judge(request.status());
        }
        incident.flush();
        audit.record("INCIDENT_UPDATED", "incident", id, incident.status + ": " + incident.statusText);
        return view(incident);
    }

    /** Resolves the incident with its cause: its open tickets are resolved too, each keeping its own history. */
    @Transactional
    public IncidentView resolve(long id, String cause) {
        Incident incident = get(id);
        if (!incident.status.isOpen()) {
            throw ApiProblem.conflict("status", "The incident (" + id + ") is already resolved.");
        }
        Instant now = Instant.now(clock);
        incident.resolve(cause, now);
        for (Ticket ticket : Ticket.<Ticket>list("incidentId", incident.id)) {
            if (ticket.status.isOpen() && ticket.kind == TicketKind.FAULT) {
                ticket.resolve("Resolved with incident INC-" + incident.id + ": " + cause, now);
                Visits.cancelOpenVisitsOf(ticket, "Resolved with incident INC-" + incident.id + ".");
            }
        }
        IncidentVisits.cancelVisitsOf(incident, List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED),
                "Incident resolved: " + cause);
        incident.flush();
        audit.record("INCIDENT_RESOLVED", "incident", id, cause);
        return view(incident);
    }
}
