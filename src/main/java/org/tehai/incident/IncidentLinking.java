package org.tehai.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tehai.asset.Asset;
import org.tehai.platform.audit.Audit;
import org.tehai.ticket.Priority;
import org.tehai.ticket.PrioritySuggestion;
import org.tehai.ticket.RelatedTicket;
import org.tehai.ticket.ServiceLevels;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketCorrected;
import org.tehai.ticket.TicketKind;
import org.tehai.ticket.TicketOpened;
import org.tehai.ticket.TroubleCode;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;
import org.tehai.visit.VisitStatus;

import io.quarkus.panache.common.Sort;

/**
 * Links tickets into incidents as they are opened or corrected: into the declared outage that covers them, the open
 * incident on their equipment, or a new suspected shared-equipment incident when calls of one category about
 * equipment hanging off the same parent arrive from at least two addresses close together. Linking raises the
 * tickets' priority to the incident's and leaves one visit to the shared equipment instead of one per caller.
 */
@ApplicationScoped
public class IncidentLinking {

    @Inject
    LinkingRules rules;

    @Inject
    RelatedTickets relatedTickets;

    @Inject
    IncidentVisits visits;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    Audit audit;

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
        Incident current = openIncidentOf(ticket);
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
        if (current != null && openIncidentOf(ticket) == null) {
            visits.restoreOwnVisit(ticket, current);
        }
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
            link(existing, ticket, IncidentTexts.joinedReason(existing.asset.model, existing.category));
            visits.ensureOneVisit(existing, ticket);
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
                    .filter(t -> openIncidentOf(t) == null).toList();
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

    Incident coveringOutage(Ticket ticket) {
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
    static boolean covers(Incident outage, Incident suspected) {
        if (suspected.asset != null && outage.covers(suspected.category, suspected.asset.site)) {
            return true;
        }
        return Ticket.<Ticket>list("incidentId", suspected.id).stream()
                .anyMatch(t -> outage.covers(suspected.category, t.site));
    }

    /** The outage explains the suspected incident: its visit is cancelled and its open tickets join the outage. */
    void absorb(Incident outage, Incident suspected) {
        String reason = IncidentTexts.absorbedReason(outage.id, outage.title);
        IncidentVisits.cancelVisitsOf(suspected, VisitStatus.NOT_STARTED, reason);
        for (Ticket ticket : Ticket.<Ticket>list("incidentId", suspected.id)) {
            if (ticket.status.isOpen()) {
                linkToOutage(ticket, outage);
            }
        }
        suspected.resolve(IncidentTexts.absorbedCause(outage.id, outage.title), Instant.now(clock));
        audit.record("INCIDENT_ABSORBED", "incident", suspected.id, "into outage INC-" + outage.id);
    }

    void linkToOutage(Ticket ticket, Incident outage) {
        ticket.linkTo(outage.id, IncidentTexts.outageReason(outage.title));
        Visits.cancelReplaceableVisitsOf(ticket, "Covered by the declared outage INC-" + outage.id + ".");
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
        List<Ticket> remaining = Ticket.<Ticket>list("incidentId", incident.id).stream()
                .filter(t -> !t.id.equals(ticket.id)).toList();
        if (remaining.stream().map(IncidentLinking::addressOf).distinct().count() >= 2) {
            return;
        }
        String reason = "Incident INC-" + incident.id + " no longer stands: after a correction, fewer than two "
                + "addresses call about it.";
        IncidentVisits.cancelVisitsOf(incident, VisitStatus.NOT_STARTED, reason);
        for (Ticket other : remaining) {
            if (other.status.isOpen()) {
                other.linkTo(null, null);
                visits.restoreOwnVisit(other, incident);
            }
        }
        incident.resolve(IncidentTexts.NOT_SHARED,
                Instant.now(clock));
        audit.record("INCIDENT_CLOSED", "incident", incident.id, reason);
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
        String category = ticket.category();
        var incident = Incident.suspectedOn(shared, category,
                shared.site.region != null ? shared.site.region : ticket.region,
                IncidentTexts.suspectedTitle(category, shared.model,
                        shared.site.building != null ? shared.site.building : shared.site.addressLine()),
                ticket.priority, Instant.now(clock), "desk linking");
        incident.persist();
        String reason = IncidentTexts.suspectedReason(shared.model, rules.incidentWindow().toMinutes());
        for (Ticket other : others) {
            link(incident, other, reason);
        }
        link(incident, ticket, reason);
        audit.record("INCIDENT_SUSPECTED", "incident", incident.id, incident.title);
        Visit visit = visits.ensureOneVisit(incident, ticket);
        // Written once: a dispatcher may replace it with what is known, and later calls must not overwrite it.
        incident.tellCallers(IncidentTexts.suspectedStatusText(shared.model, shared.site.addressLine(),
                visit != null ? visit.id : null));
    }

    /** Links a ticket and raises the incident's priority above its most urgent call, and every call to it. */
    private void link(Incident incident, Ticket ticket, String reason) {
        ticket.linkTo(incident.id, reason);
        incident.raiseTo(PrioritySuggestion.raise(ticket.priority));
        Instant now = Instant.now(clock);
        for (Ticket member : Ticket.<Ticket>list("incidentId", incident.id)) {
            if (member.status.isOpen()) {
                member.raiseTo(incident.priority, serviceLevels, now);
            }
        }
        ticket.raiseTo(incident.priority, serviceLevels, now);
        audit.record("TICKET_LINKED", "incident", incident.id, ticket.number + ": " + reason);
    }

    /** The intake links the new ticket before it answers, so the agent already tells the caller about the incident. */
    void onTicketOpened(@Observes @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 100) TicketOpened opened) {
        opened.related(linkNewTicket(opened.ticket()));
    }

    void onTicketCorrected(@Observes TicketCorrected corrected) {
        relinkCorrectedTicket(corrected.ticket());
    }

    /** The ticket's incident, or null. */
    static Incident incidentOf(Ticket ticket) {
        return ticket.incidentId == null ? null : Incident.findById(ticket.incidentId);
    }

    /** The ticket's incident while it is open, or null. */
    static Incident openIncidentOf(Ticket ticket) {
        Incident incident = incidentOf(ticket);
        return incident != null && incident.status.isOpen() ? incident : null;
    }
}
