package org.tehai.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tehai.asset.Asset;
import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.region.Region;
import org.tehai.region.RegionService;
import org.tehai.site.Site;
import org.tehai.technician.SkillLevel;
import org.tehai.ticket.PrioritySuggestion;
import org.tehai.ticket.RelatedTicket;
import org.tehai.ticket.ServiceLevels;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketKind;
import org.tehai.ticket.TicketStatus;
import org.tehai.ticket.TroubleCode;
import org.tehai.visit.AvailabilityWindow;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Incidents: common causes behind several tickets. A suspected shared-equipment incident opens by itself when
 * calls of one category about equipment hanging off the same parent arrive close together; it links the tickets,
 * raises their priority and replaces their visits with one visit to the shared equipment. Declared area outages
 * catch new matching calls, so agents read the status text instead of dispatching a technician per caller.
 */
@ApplicationScoped
public class IncidentService {

    @Inject
    LinkingRules rules;

    @Inject
    RelatedTickets relatedTickets;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    Audit audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** The advisory-lock namespace of shared-equipment linking. */
    static final int SHARED_EQUIPMENT_LOCKS = 7_341;

    /**
     * Links a ticket that was just opened to a declared outage or a shared-equipment incident (opening one when the
     * calls say so) and returns the related open tickets, which the agent sees with the reason for each link.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RelatedTicket> linkNewTicket(Ticket ticket) {
        lockSharedEquipmentOf(ticket);
        List<RelatedTicket> related = relatedTickets.of(ticket);
        if (ticket.kind == TicketKind.COMPLAINT) {
            return related;
        }
        Incident outage = coveringOutage(ticket);
        if (outage != null) {
            ticket.linkTo(outage, "Inside the declared outage: " + outage.title);
            audit.record("TICKET_LINKED", "incident", outage.id, ticket.number + " (area outage)");
            return related;
        }
        TroubleCode code = TroubleCode.findById(ticket.troubleCode);
        if (code != null && !code.needsVisit) {
            // Questions and the like are not equipment faults: they never open or join an equipment incident.
            return related;
        }
        Incident existing = openIncidentOnEquipmentOf(ticket);
        if (existing != null) {
            link(existing, ticket, "Depends on the faulty " + existing.asset.model + " like the other "
                    + existing.category + " calls of this incident.");
            ensureOneVisit(existing, ticket);
            return related;
        }
        Instant since = ticket.openedAt.minus(rules.incidentWindow());
        Map<Long, List<Long>> callsPerSharedAsset = new LinkedHashMap<>();
        for (RelatedTicket r : related) {
            if (r.reason() == RelatedTicket.Reason.SHARED_EQUIPMENT && !r.openedAt().isBefore(since)
                    && TroubleCode.categoryOf(r.troubleCode()).equals(ticket.category())) {
                callsPerSharedAsset.computeIfAbsent(r.sharedAssetId(), id -> new ArrayList<>()).add(r.ticketId());
            }
        }
        callsPerSharedAsset.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .ifPresent(e -> openSharedEquipmentIncident(Asset.findById(e.getKey()), ticket, e.getValue()));
        return related;
    }

    public Page<IncidentView> search(IncidentStatus status, Boolean open, Long regionId, PageRequest page) {
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
        Sort order = Sort.descending("openedAt").and("id", Sort.Direction.Descending);
        var query = conditions.isEmpty() ? Incident.<Incident>findAll(order)
                : Incident.<Incident>find(String.join(" and ", conditions), order, parameters);
        return Page.of(query, page, this::row);
    }

    public Incident get(long id) {
        return Records.require(Incident.class, id, "incident");
    }

    public IncidentView view(Incident incident) {
        List<Ticket> tickets = Ticket.list("incident", Sort.by("openedAt"), incident);
        return IncidentView.of(incident, tickets.size(), tickets, Visit.list("incident", Sort.by("id"), incident));
    }

    /** A list row: the number of linked tickets, not the tickets (an outage may have thousands). */
    private IncidentView row(Incident incident) {
        return IncidentView.of(incident, Ticket.count("incident", incident), List.of(),
                Visit.list("incident", Sort.by("id"), incident));
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
        var outage = new Incident();
        outage.kind = IncidentKind.AREA_OUTAGE;
        outage.status = IncidentStatus.CONFIRMED;
        outage.category = category;
        outage.title = request.title();
        outage.statusText = request.statusText();
        outage.region = region;
        if (hasArea) {
            outage.areaLatitude = request.latitude();
            outage.areaLongitude = request.longitude();
            outage.areaRadiusMetres = request.radiusMetres();
        }
        if (hasBuildings) {
            request.buildings().stream().map(String::trim).forEach(outage.buildings::add);
        }
        outage.openedAt = Instant.now(clock);
        outage.openedBy = currentUser.name();
        outage.persist();
        for (Ticket ticket : Ticket.<Ticket>list("region = ?1 and status in ?2 and incident is null and kind = ?3",
                region, List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS), TicketKind.FAULT)) {
            if (outage.covers(ticket.category(), ticket.site)) {
                ticket.linkTo(outage, "Inside the declared outage: " + outage.title);
                Visit.cancelOpenVisitsOf(ticket, "Covered by the declared outage INC-" + outage.id + ".");
            }
        }
        audit.record("OUTAGE_DECLARED", "incident", outage.id, outage.title);
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
        incident.title = request.title();
        incident.statusText = request.statusText();
        if (request.status() != null) {
            incident.status = request.status();
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
        for (Ticket ticket : Ticket.<Ticket>list("incident", incident)) {
            if (ticket.status.isOpen() && ticket.kind == TicketKind.FAULT) {
                ticket.resolution = "Resolved with incident INC-" + incident.id + ": " + cause;
                ticket.changeStatus(TicketStatus.RESOLVED, now);
                Visit.cancelOpenVisitsOf(ticket, "Resolved with incident INC-" + incident.id + ".");
            }
        }
        for (Visit visit : Visit.<Visit>list("incident = ?1 and status in ?2", incident,
                List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED))) {
            visit.cancel("Incident resolved: " + cause);
        }
        incident.flush();
        audit.record("INCIDENT_RESOLVED", "incident", id, cause);
        return view(incident);
    }

    /**
     * Serialises the intakes about one piece of shared equipment, across application instances: when two
     * neighbours' calls are taken at the same moment, the second waits for the first to commit and sees it.
     */
    private void lockSharedEquipmentOf(Ticket ticket) {
        if (ticket.asset == null) {
            return;
        }
        long equipment = ticket.asset.parent != null ? ticket.asset.parent.id : ticket.asset.id;
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, SHARED_EQUIPMENT_LOCKS).setParameter(2, (int) equipment).getSingleResult();
    }

    private Incident coveringOutage(Ticket ticket) {
        if (ticket.site == null) {
            return null;
        }
        List<Incident> outages = Incident.list("kind = ?1 and status <> ?2", IncidentKind.AREA_OUTAGE,
                IncidentStatus.RESOLVED);
        return outages.stream()
                .filter(o -> o.region == null || ticket.region == null || o.region.id.equals(ticket.region.id))
                .filter(o -> o.covers(ticket.category(), ticket.site)).findFirst().orElse(null);
    }

    private Incident openIncidentOnEquipmentOf(Ticket ticket) {
        if (ticket.asset == null) {
            return null;
        }
        List<Long> candidates = new ArrayList<>();
        candidates.add(ticket.asset.id);
        if (ticket.asset.parent != null) {
            candidates.add(ticket.asset.parent.id);
        }
        return Incident.<Incident>find("kind = ?1 and status <> ?2 and category = ?3 and asset.id in ?4",
                IncidentKind.SHARED_EQUIPMENT, IncidentStatus.RESOLVED, ticket.category(), candidates).firstResult();
    }

    private void openSharedEquipmentIncident(Asset shared, Ticket ticket, List<Long> otherTicketIds) {
        var incident = new Incident();
        incident.kind = IncidentKind.SHARED_EQUIPMENT;
        incident.status = IncidentStatus.SUSPECTED;
        incident.category = ticket.category();
        incident.asset = shared;
        incident.region = shared.site.region != null ? shared.site.region : ticket.region;
        incident.title = "Suspected " + ticket.category() + " fault on " + shared.model + " at "
                + (shared.site.building != null ? shared.site.building : shared.site.addressLine());
        incident.openedAt = Instant.now(clock);
        incident.openedBy = "desk linking";
        incident.priority = ticket.priority;
        incident.persist();
        List<Ticket> others = Ticket.list("id in ?1", otherTicketIds);
        for (Ticket other : others) {
            if (other.incident == null) {
                link(incident, other, "Calls about equipment hanging off " + shared.model + " within "
                        + rules.incidentWindow().toMinutes() + " minutes.");
            }
        }
        link(incident, ticket, "Calls about equipment hanging off " + shared.model + " within "
                + rules.incidentWindow().toMinutes() + " minutes.");
        audit.record("INCIDENT_SUSPECTED", "incident", incident.id, incident.title);
        ensureOneVisit(incident, ticket);
    }

    /** Links a ticket, raises the incident's priority above its most urgent call, and refreshes the banner text. */
    private void link(Incident incident, Ticket ticket, String reason) {
        ticket.linkTo(incident, reason);
        var raised = PrioritySuggestion.raise(ticket.priority);
        if (incident.priority == null || raised.compareTo(incident.priority) < 0) {
            incident.priority = raised;
        }
        Instant now = Instant.now(clock);
        for (Ticket member : Ticket.<Ticket>list("incident", incident)) {
            if (member.status.isOpen()) {
                member.raiseTo(incident.priority, serviceLevels, now);
            }
        }
        ticket.raiseTo(incident.priority, serviceLevels, now);
        if (incident.statusText == null) {
            // Written once: a dispatcher may replace it with what is known, and later calls must not overwrite it.
            incident.statusText = "Suspected fault on the shared " + incident.asset.model + " ("
                    + incident.asset.site.addressLine() + "). One technician visit is arranged for the shared "
                    + "equipment; no visit per caller is needed.";
        }
        audit.record("TICKET_LINKED", "incident", incident.id, ticket.number + ": " + reason);
    }

    /**
     * One visit to the shared equipment serves every ticket of the incident: it is created once, and the callers'
     * own visits that are not dispatched yet are cancelled.
     */
    private void ensureOneVisit(Incident incident, Ticket trigger) {
        for (Ticket member : Ticket.<Ticket>list("incident", incident)) {
            Visit.cancelOpenVisitsOf(member, "Replaced by the visit of incident INC-" + incident.id
                    + " to the shared equipment.");
        }
        if (Visit.count("incident = ?1 and status <> ?2", incident, VisitStatus.CANCELLED) > 0) {
            return;
        }
        Site site = incident.asset.site;
        if (!site.hasCoordinates() || site.region == null) {
            incident.statusText += " The shared equipment's site has no coordinates or region: a dispatcher must "
                    + "arrange the visit.";
            return;
        }
        TroubleCode code = TroubleCode.findById(trigger.troubleCode);
        var visit = new Visit();
        visit.incident = incident;
        visit.site = site;
        visit.region = site.region;
        visit.asset = incident.asset;
        visit.jobType = code != null && code.jobType != null ? code.jobType : incident.category + "_EQUIPMENT_REPAIR";
        visit.estimatedDurationMinutes = code != null && code.durationMinutes != null ? code.durationMinutes + 30 : 60;
        if (code != null && code.skill != null) {
            visit.requiredSkills.add(new SkillLevel(code.skill, Math.max(2, code.skillLevel == null ? 1 : code.skillLevel)));
        }
        Instant from = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        visit.availability.add(new AvailabilityWindow(from, from.plus(rules.incidentVisitHorizon())));
        visit.persist();
        audit.record("VISIT_CREATED", "visit", visit.id, "for incident INC-" + incident.id);
    }
}
