package org.tehai.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.platform.audit.Audit;
import org.tehai.site.Site;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TroubleCode;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;
import org.tehai.visit.VisitStatus;

import io.quarkus.panache.common.Sort;

/**
 * The visits incidents need: one visit to an incident's shared equipment instead of one per caller, and a ticket's
 * own visit back when no incident covers it any more.
 */
@ApplicationScoped
public class IncidentVisits {

    @Inject
    LinkingRules rules;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * A ticket no incident covers any more gets its own visit back: the one the incident replaced (its needs, and its
     * availability windows still ahead), or else one made from the trouble code. Nothing is made for a ticket that
     * already has an open visit, whose trouble needs no visit, or whose site cannot be planned (a dispatcher must).
     */
    void restoreOwnVisit(Ticket ticket, Incident left) {
        if (Visit.count("ticket = ?1 and status in ?2", ticket, VisitStatus.ACTIVE) > 0) {
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
        Visit visit = Visit.forTicket(ticket, site);
        visit.onEquipment(ticket.asset);
        if (replaced != null) {
            visit.estimateJob(replaced.jobType, replaced.estimatedDurationMinutes);
            visit.needsAsIn(replaced);
            replaced.availability.stream().filter(w -> w.endsAt.isAfter(now))
                    .forEach(w -> visit.availableBetween(w.startsAt, w.endsAt));
        } else {
            visit.estimateJob(code != null && code.jobType != null ? code.jobType : ticket.category() + "_REPAIR",
                    code != null && code.durationMinutes != null ? code.durationMinutes : 60);
            if (code != null && code.skill != null) {
                visit.needSkill(code.skill, code.skillLevel == null ? 1 : code.skillLevel);
            }
        }
        if (visit.availability.isEmpty()) {
            visit.availableBetween(now, now.plus(rules.incidentVisitHorizon()));
        }
        visit.persist();
        audit.record("VISIT_CREATED", "visit", visit.id, ticket.number + ": own visit back after leaving INC-"
                + left.id);
    }

    /**
     * One visit to the shared equipment serves every ticket of the incident: it is created once, and the callers'
     * own visits that are not dispatched yet are cancelled (except those planned on purpose, with a reason).
     * Returns the incident's visit, or null when its site cannot be planned.
     */
    Visit ensureOneVisit(Incident incident, Ticket trigger) {
        for (Ticket member : Ticket.<Ticket>list("incidentId", incident.id)) {
            Visits.cancelReplaceableVisitsOf(member, "Replaced by the visit of incident INC-" + incident.id
                    + " to the shared equipment.");
        }
        Visit existing = Visit.<Visit>find("incidentId = ?1 and status <> ?2", Sort.by("id"), incident.id,
                VisitStatus.CANCELLED).firstResult();
        if (existing != null) {
            return existing;
        }
        Site site = incident.asset.site;
        if (!site.hasCoordinates() || site.region == null) {
            return null;
        }
        TroubleCode code = TroubleCode.findById(trigger.troubleCode);
        Visit visit = Visit.forSharedEquipment(incident.id, incident.asset);
        visit.estimateJob(code != null && code.jobType != null ? code.jobType : incident.category
                + "_EQUIPMENT_REPAIR", code != null && code.durationMinutes != null ? code.durationMinutes + 30 : 60);
        if (code != null && code.skill != null) {
            visit.needSkill(code.skill, Math.max(2, code.skillLevel == null ? 1 : code.skillLevel));
        }
        Instant from = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        visit.availableBetween(from, from.plus(rules.incidentVisitHorizon()));
        visit.persist();
        audit.record("VISIT_CREATED", "visit", visit.id, "for incident INC-" + incident.id);
        return visit;
    }

    /** The incident's visit to the shared equipment that is not cancelled, if any (for the intake answer). */
    public static Visit sharedVisitOf(Incident incident) {
        if (incident == null || incident.kind != IncidentKind.SHARED_EQUIPMENT) {
            return null;
        }
        return Visit.<Visit>find("incidentId = ?1 and status <> ?2", Sort.by("id"), incident.id, VisitStatus.CANCELLED)
                .firstResult();
    }

    /** Cancels the incident's visits in one of the statuses; the reason is what the visit's history shows. */
    static void cancelVisitsOf(Incident incident, List<VisitStatus> statuses, String reason) {
        for (Visit visit : Visit.<Visit>list("incidentId = ?1 and status in ?2", incident.id, statuses)) {
            visit.cancel(reason);
        }
    }
}
