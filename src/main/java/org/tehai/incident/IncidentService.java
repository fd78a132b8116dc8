package org.tehai.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tehai.asset.Asset;
import org.tehai.part.PartQuantity;
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
import org.tehai.ticket.Priority;
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
     * Links a ticket that was just opened to a declared outage or a shared-equipment incident (opening one when calls
     * from at least two addresses say so) and returns the related open tickets, which the agent sees with the reason
     * for each link.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RelatedTicket> linkNewTicket(Ticket ticket) {
        lockSharedEquipmentOf(ticket, null);
        List<RelatedTicket> related = relatedTickets.of(ticket);
        if (ticket.kind == TicketKind.COMPLAINT) {
            return related;
        }
        attach(ticket, related);
        return related;
    }

    /**
     * Re-evaluates the links of an open ticket whose site, equipment or trouble code was corrected: it stays where it
     * still belongs; otherwise it leaves its incident (which closes when fewer than two addresses remain), joins the
     * outage or incident it now belongs to, and gets its own visit back when nothing covers it any more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relinkCorrectedTicket(Ticket ticket) {
        Incident current = ticket.incident != null && ticket.incident.status.isOpen() ? ticket.incident : null;
        lockSharedEquipmentOf(ticket, current);
        if (ticket.kind == TicketKind.COMPLAINT) {
            return;
        }
        if (current != null) {
            if (stillBelongs(ticket, current)) {
                return;
            }
            leave(ticket, current);
        }
        attach(ticket, relatedTickets.of(ticket));
        if (current != null && (ticket.incident == null || !ticket.incident.status.isOpen())) {
            restoreOwnVisit(ticket, current);
        }
    }

    /** The lowest priority an incident's ticket may take without a stated reason: the incident's, while it is open. */
    public static Priority incidentPriorityOf(Ticket ticket) {
        return ticket.incident != null && ticket.incident.status.isOpen() ? ticket.incident.priority : null;
    }

    /** Links the ticket to the outage that covers it, the open incident on its equipment, or a new suspected one. */
    private void attach(Ticket ticket, List<RelatedTicket> related) {
        Incident outage = coveringOutage(ticket);
        if (outage != null) {
            linkToOutage(ticket, outage);
            return;
        }
        TroubleCode code = TroubleCode.findById(ticket.troubleCode);
        if (code != null && !code.needsVisit) {
            // Questions and the like are not equipment faults: they never open or join an equipment incident.
            return;
        }
        String category = ticket.category();
        Incident existing = openIncidentOnEquipmentOf(ticket, category);
        if (existing != null) {
            link(existing, ticket, "Depends on the faulty " + existing.asset.model + " like the other "
                    + existing.category + " calls of this incident.");
            ensureOneVisit(existing, ticket);
            return;
        }
        // Same-category calls on equipment hanging off one parent, close in time, that no incident covers yet.
        Duration window = rules.incidentWindow();
        Map<Long, List<Long>> callsPerSharedAsset = new LinkedHashMap<>();
        for (RelatedTicket r : related) {
            boolean sameCause = r.reason() == RelatedTicket.Reason.SHARED_EQUIPMENT
                    || r.reason() == RelatedTicket.Reason.REPEAT_CONTACT;
            if (sameCause && r.sharedAssetId() != null
                    && Duration.between(r.openedAt(), ticket.openedAt).abs().compareTo(window) <= 0) {
                callsPerSharedAsset.computeIfAbsent(r.sharedAssetId(), id -> new ArrayList<>()).add(r.ticketId());
            }
        }
        Asset best = null;
        List<Ticket> bestCalls = List.of();
        int bestAddresses = 1;
        for (Map.Entry<Long, List<Long>> entry : callsPerSharedAsset.entrySet()) {
            List<Ticket> calls = Ticket.<Ticket>list("id in ?1", entry.getValue()).stream()
                    .filter(t -> t.incident == null || !t.incident.status.isOpen()).toList();
            Set<Long> addresses = new HashSet<>();
            addresses.add(addressOf(ticket));
            calls.forEach(t -> addresses.add(addressOf(t)));
            // The same flat calling twice is a repeat contact, not evidence of shared equipment.
            if (addresses.size() > bestAddresses) {
                best = Asset.findById(entry.getKey());
                bestCalls = calls;
                bestAddresses = addresses.size();
            }
        }
        if (best != null) {
            openSharedEquipmentIncident(best, ticket, bestCalls);
        }
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
        audit.record("OUTAGE_DECLARED", "incident", outage.id, outage.title);
        // The outage explains the suspected shared-equipment incidents of its category inside its area: they are
        // absorbed (their visit cancelled, their tickets linked to the outage) before the other open tickets join.
        for (Incident suspected : Incident.<Incident>list("kind = ?1 and status = ?2 and category = ?3",
                Sort.by("id"), IncidentKind.SHARED_EQUIPMENT, IncidentStatus.SUSPECTED, category)) {
            if ((suspected.region == null || suspected.region.id.equals(region.id)) && covers(outage, suspected)) {
                absorb(outage, suspected);
            }
        }
        for (Ticket ticket : Ticket.<Ticket>list("region = ?1 and status in ?2 and incident is null and kind = ?3",
                region, List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS), TicketKind.FAULT)) {
            if (outage.covers(ticket.category(), ticket.site)) {
                linkToOutage(ticket, outage);
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
     * Serialises the intakes and corrections about one piece of shared equipment, across application instances: when
     * two neighbours' calls are taken at the same moment, the second waits for the first to commit and sees it.
     */
    private void lockSharedEquipmentOf(Ticket ticket, Incident current) {
        Set<Long> equipment = new TreeSet<>();
        for (Asset asset : RelatedTickets.equipmentOf(ticket)) {
            equipment.add(asset.parent != null ? asset.parent.id : asset.id);
        }
        if (current != null && current.asset != null) {
            equipment.add(current.asset.id);
        }
        for (long id : equipment) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)")
                    .setParameter(1, SHARED_EQUIPMENT_LOCKS).setParameter(2, (int) id).getSingleResult();
        }
    }

    private Incident coveringOutage(Ticket ticket) {
        if (ticket.site == null) {
            return null;
        }
        List<Incident> outages = Incident.list("kind = ?1 and status <> ?2", Sort.by("id"), IncidentKind.AREA_OUTAGE,
                IncidentStatus.RESOLVED);
        String category = ticket.category();
        return outages.stream()
                .filter(o -> o.region == null || ticket.region == null || o.region.id.equals(ticket.region.id))
                .filter(o -> o.covers(category, ticket.site)).findFirst().orElse(null);
    }

    /** True if the outage covers the suspected incident: its shared equipment's site, or one of its calls. */
    private static boolean covers(Incident outage, Incident suspected) {
        if (suspected.asset != null && outage.covers(suspected.category, suspected.asset.site)) {
            return true;
        }
        return Ticket.<Ticket>list("incident", suspected).stream()
                .anyMatch(t -> outage.covers(suspected.category, t.site));
    }

    /** The outage explains the suspected incident: its visit is cancelled and its open tickets join the outage. */
    private void absorb(Incident outage, Incident suspected) {
        String reason = "Covered by the declared outage INC-" + outage.id + ": " + outage.title;
        for (Visit visit : Visit.<Visit>list("incident = ?1 and status in ?2", suspected, REPLACEABLE)) {
            visit.cancel(reason);
        }
        for (Ticket ticket : Ticket.<Ticket>list("incident", suspected)) {
            if (ticket.status.isOpen()) {
                linkToOutage(ticket, outage);
            }
        }
        suspected.resolve("Absorbed by the declared outage INC-" + outage.id + ": " + outage.title,
                Instant.now(clock));
        audit.record("INCIDENT_ABSORBED", "incident", suspected.id, "into outage INC-" + outage.id);
    }

    private void linkToOutage(Ticket ticket, Incident outage) {
        ticket.linkTo(outage, "Inside the declared outage: " + outage.title);
        Visit.cancelReplaceableVisitsOf(ticket, "Covered by the declared outage INC-" + outage.id + ".");
        audit.record("TICKET_LINKED", "incident", outage.id, ticket.number + " (area outage)");
    }

    /** True if the corrected ticket still belongs to its incident: same category, and still inside or on it. */
    private static boolean stillBelongs(Ticket ticket, Incident incident) {
        String category = ticket.category();
        if (incident.kind == IncidentKind.AREA_OUTAGE) {
            return incident.covers(category, ticket.site);
        }
        return incident.category.equals(category) && incident.asset != null
                && RelatedTickets.equipmentOf(ticket).stream().anyMatch(a -> a.id.equals(incident.asset.id)
                        || (a.parent != null && a.parent.id.equals(incident.asset.id)));
    }

    /**
     * The ticket leaves an incident it does not belong to. A suspected shared-equipment incident left with calls
     * from fewer than two addresses no longer stands: its visit is cancelled, it closes, and the remaining caller
     * gets its own visit back.
     */
    private void leave(Ticket ticket, Incident incident) {
        ticket.linkTo(null, null);
        audit.record("TICKET_UNLINKED", "incident", incident.id, ticket.number + ": site, equipment or trouble "
                + "corrected");
        if (incident.kind != IncidentKind.SHARED_EQUIPMENT || incident.status != IncidentStatus.SUSPECTED) {
            return;
        }
        List<Ticket> remaining = Ticket.<Ticket>list("incident", incident).stream()
                .filter(t -> !t.id.equals(ticket.id)).toList();
        if (remaining.stream().map(IncidentService::addressOf).distinct().count() >= 2) {
            return;
        }
        String reason = "Incident INC-" + incident.id + " no longer stands: after a correction, fewer than two "
                + "addresses call about it.";
        for (Visit visit : Visit.<Visit>list("incident = ?1 and status in ?2", incident, REPLACEABLE)) {
            visit.cancel(reason);
        }
        for (Ticket other : remaining) {
            if (other.status.isOpen()) {
                other.linkTo(null, null);
                restoreOwnVisit(other, incident);
            }
        }
        incident.resolve("Not a shared fault: after a correction, fewer than two addresses remained linked.",
                Instant.now(clock));
        audit.record("INCIDENT_CLOSED", "incident", incident.id, reason);
    }

    /**
     * A ticket no incident covers any more gets its own visit back: the one the incident replaced (its needs, and its
     * availability windows still ahead), or else one made from the trouble code. Nothing is made for a ticket that
     * already has an open visit, whose trouble needs no visit, or whose site cannot be planned (a dispatcher must).
     */
    private void restoreOwnVisit(Ticket ticket, Incident left) {
        if (Visit.count("ticket = ?1 and status in ?2", ticket, ACTIVE) > 0) {
            return;
        }
        TroubleCode code = TroubleCode.findById(ticket.troubleCode);
        if (code != null && !code.needsVisit) {
            return;
        }
        Site site = ticket.site;
        if (site == null || !site.hasCoordinates() || site.region == null) {
            return;
        }
        Visit replaced = Visit.<Visit>find("ticket = ?1 and status = ?2 and (outcome like ?3 or outcome like ?4)",
                Sort.descending("id"), ticket, VisitStatus.CANCELLED, "Replaced by the visit of incident%",
                "Covered by the declared outage%").firstResult();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        var visit = new Visit();
        visit.ticket = ticket;
        visit.site = site;
        visit.region = site.region;
        visit.asset = ticket.asset;
        if (replaced != null) {
            visit.jobType = replaced.jobType;
            visit.estimatedDurationMinutes = replaced.estimatedDurationMinutes;
            replaced.requiredSkills.forEach(skill -> visit.requiredSkills.add(new SkillLevel(skill.skill, skill.level)));
            visit.requiredTools.addAll(replaced.requiredTools);
            replaced.requiredParts.forEach(part -> visit.requiredParts.add(new PartQuantity(part.part, part.quantity)));
            replaced.availability.stream().filter(w -> w.endsAt.isAfter(now))
                    .forEach(w -> visit.availability.add(new AvailabilityWindow(w.startsAt, w.endsAt)));
        } else {
            visit.jobType = code != null && code.jobType != null ? code.jobType : ticket.category() + "_REPAIR";
            visit.estimatedDurationMinutes = code != null && code.durationMinutes != null ? code.durationMinutes : 60;
            if (code != null && code.skill != null) {
                visit.requiredSkills.add(new SkillLevel(code.skill, code.skillLevel == null ? 1 : code.skillLevel));
            }
        }
        if (visit.availability.isEmpty()) {
            visit.availability.add(new AvailabilityWindow(now, now.plus(rules.incidentVisitHorizon())));
        }
        visit.persist();
        audit.record("VISIT_CREATED", "visit", visit.id, ticket.number + ": own visit back after leaving INC-"
                + left.id);
    }

    /** Where a call comes from: its site (or its equipment when no site is known). */
    private static long addressOf(Ticket ticket) {
        return ticket.site != null ? ticket.site.id : ticket.asset != null ? -ticket.asset.site.id : -ticket.id;
    }

    private static Incident openIncidentOnEquipmentOf(Ticket ticket, String category) {
        List<Long> candidates = new ArrayList<>();
        for (Asset asset : RelatedTickets.equipmentOf(ticket)) {
            candidates.add(asset.id);
            if (asset.parent != null) {
                candidates.add(asset.parent.id);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        return Incident.<Incident>find("kind = ?1 and status <> ?2 and category = ?3 and asset.id in ?4",
                Sort.by("id"), IncidentKind.SHARED_EQUIPMENT, IncidentStatus.RESOLVED, category, candidates)
                .firstResult();
    }

    private void openSharedEquipmentIncident(Asset shared, Ticket ticket, List<Ticket> others) {
        var incident = new Incident();
        incident.kind = IncidentKind.SHARED_EQUIPMENT;
        incident.status = IncidentStatus.SUSPECTED;
        incident.category = ticket.category();
        incident.asset = shared;
        incident.region = shared.site.region != null ? shared.site.region : ticket.region;
        incident.title = "Suspected " + incident.category + " fault on " + shared.model + " at "
                + (shared.site.building != null ? shared.site.building : shared.site.addressLine());
        incident.openedAt = Instant.now(clock);
        incident.openedBy = "desk linking";
        incident.priority = ticket.priority;
        incident.persist();
        String reason = "Calls from several addresses about equipment hanging off " + shared.model + " within "
                + rules.incidentWindow().toMinutes() + " minutes.";
        for (Ticket other : others) {
            link(incident, other, reason);
        }
        link(incident, ticket, reason);
        audit.record("INCIDENT_SUSPECTED", "incident", incident.id, incident.title);
        Visit visit = ensureOneVisit(incident, ticket);
        // Written once: a dispatcher may replace it with what is known, and later calls must not overwrite it.
        incident.statusText = "Suspected fault on the shared " + shared.model + " (" + shared.site.addressLine()
                + "). " + (visit != null ? "One technician visit (visit " + visit.id + ") is arranged for the shared "
                        + "equipment; no visit per caller is needed."
                        : "The shared equipment's site has no coordinates or region: a dispatcher must arrange the "
                                + "visit; no visit per caller is needed.");
    }

    /** Links a ticket and raises the incident's priority above its most urgent call, and every call to it. */
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
        audit.record("TICKET_LINKED", "incident", incident.id, ticket.number + ": " + reason);
    }

    /**
     * One visit to the shared equipment serves every ticket of the incident: it is created once, and the callers'
     * own visits that are not dispatched yet are cancelled (except those planned on purpose, with a reason).
     * Returns the incident's visit, or null when its site cannot be planned.
     */
    private Visit ensureOneVisit(Incident incident, Ticket trigger) {
        for (Ticket member : Ticket.<Ticket>list("incident", incident)) {
            Visit.cancelReplaceableVisitsOf(member, "Replaced by the visit of incident INC-" + incident.id
                    + " to the shared equipment.");
        }
        Visit existing = Visit.<Visit>find("incident = ?1 and status <> ?2", Sort.by("id"), incident,
                VisitStatus.CANCELLED).firstResult();
        if (existing != null) {
            return existing;
        }
        Site site = incident.asset.site;
        if (!site.hasCoordinates() || site.region == null) {
            return null;
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
        return visit;
    }

    /** The incident's visit to the shared equipment that is not cancelled, if any (for the intake answer). */
    public static Visit sharedVisitOf(Incident incident) {
        if (incident == null || incident.kind != IncidentKind.SHARED_EQUIPMENT) {
            return null;
        }
        return Visit.<Visit>find("incident = ?1 and status <> ?2", Sort.by("id"), incident, VisitStatus.CANCELLED)
                .firstResult();
    }

    private static final List<VisitStatus> REPLACEABLE = List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED,
            VisitStatus.DISPATCHED);

    private static final List<VisitStatus> ACTIVE = List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED,
            VisitStatus.DISPATCHED, VisitStatus.EN_ROUTE, VisitStatus.ON_SITE);
}
