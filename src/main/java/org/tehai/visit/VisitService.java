package org.tehai.visit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.asset.Asset;
import org.tehai.asset.AssetService;
import org.tehai.part.PartQuantity;
import org.tehai.part.PartQuantityRequest;
import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.site.Site;
import org.tehai.site.SiteService;
import org.tehai.technician.SkillLevel;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketIncidents;
import org.tehai.ticket.TicketView.IncidentSummary;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class VisitService {

    @Inject
    Audit audit;

    @Inject
    TicketIncidents incidents;

    /** Visits by ticket, region, status, technician and local work date (a window or the planned start on it). */
    public Page<VisitView> search(Long ticketId, Long regionId, VisitStatus status, Long technicianId, LocalDate date,
            PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (ticketId != null) {
            conditions.add("v.ticket.id = :ticket");
            parameters.and("ticket", ticketId);
        }
        if (regionId != null) {
            conditions.add("v.region.id = :region");
            parameters.and("region", regionId);
        }
        if (status != null) {
            conditions.add("v.status = :status");
            parameters.and("status", status);
        }
        if (technicianId != null) {
            conditions.add("v.technician.id = :technician");
            parameters.and("technician", technicianId);
        }
        if (date != null) {
            // A local date spans at most [00:00 at UTC+14, 24:00 at UTC-12]; isOn() narrows it to each region's zone.
            conditions.add("(exists (select 1 from Visit w join w.availability a where w = v and a.startsAt < :dayEnd "
                    + "and a.endsAt > :dayStart) or (v.plannedStart >= :dayStart and v.plannedStart < :dayEnd))");
            parameters.and("dayStart", date.atStartOfDay(ZoneOffset.ofHours(14)).toInstant())
                    .and("dayEnd", date.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var query = Visit.<Visit>find("from Visit v" + where, Sort.by("v.id"), parameters);
        if (date == null) {
            return Page.of(query, page, VisitView::of);
        }
        List<VisitView> onDate = query.list().stream().filter(v -> isOn(v, date)).map(VisitView::of).toList();
        int from = Math.min(page.page() * page.size(), onDate.size());
        int to = Math.min(from + page.size(), onDate.size());
        return new Page<>(onDate.subList(from, to), page.page(), page.size(), onDate.size());
    }

    /** True if the visit is planned on, or can be done on, the given local date of its region. */
    static boolean isOn(Visit visit, LocalDate date) {
        ZoneId zone = visit.region.zone();
        var start = date.atStartOfDay(zone).toInstant();
        var end = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (visit.plannedStart != null) {
            return !visit.plannedStart.isBefore(start) && visit.plannedStart.isBefore(end);
        }
        return visit.availability.stream().anyMatch(w -> w.startsAt.isBefore(end) && w.endsAt.isAfter(start));
    }

    public Visit get(long id) {
        return Records.require(Visit.class, id, "visit");
    }

    @Transactional
    public VisitView create(VisitRequest request) {
        Ticket ticket = Ticket.findById(request.ticketId());
        if (ticket == null) {
            throw ApiProblem.unknownReference("ticketId", "ticket", request.ticketId());
        }
        if (!ticket.status.isOpen()) {
            throw ApiProblem.conflict("ticketId", "The ticket (" + ticket.number + ") is " + ticket.status
                    + "; open visits only for open tickets.");
        }
        String separateReason = request.separateVisitReason() == null || request.separateVisitReason().isBlank() ? null
                : request.separateVisitReason().trim();
        IncidentSummary covering = incidents.openIncidentOf(ticket);
        boolean outage = covering != null && covering.kind().equals("AREA_OUTAGE");
        if (covering != null && separateReason == null) {
            throw ApiProblem.conflict("ticketId", "The ticket (" + ticket.number + ") is covered by "
                    + (outage ? "the declared outage" : "the shared-equipment incident") + " INC-" + covering.id()
                    + " (" + covering.title() + "), "
                    + (outage ? "which needs no visit per caller" : "whose one visit serves every caller")
                    + "; give separateVisitReason to plan a visit of its own anyway.");
        }
        Site site = site(ticket, request);
        Visit visit = covering == null ? Visit.forTicket(ticket, site) : Visit.besideIncident(ticket, site, separateReason);
        apply(visit, request);
        visit.persist();
        audit.record("VISIT_CREATED", "visit", visit.id, ticket.number + (visit.separateVisitReason == null ? ""
                : " besides incident INC-" + covering.id() + ": " + visit.separateVisitReason));
        return VisitView.of(visit);
    }

    @Transactional
    public VisitView update(long id, VisitRequest request) {
        Visit visit = get(id);
        visit.requireVersion("visit", request.version());
        if (visit.ticket == null || !visit.ticket.id.equals(request.ticketId())) {
            throw ApiProblem.invalid("ticketId", "A visit cannot move to another ticket (it belongs to "
                    + visit.reference() + ").");
        }
        if (visit.status.isFixed()) {
            throw ApiProblem.conflict("status", "The visit (" + id + ") is " + visit.status + " and can no longer be "
                    + "changed.");
        }
        apply(visit, request);
        visit.flush();
        audit.record("VISIT_UPDATED", "visit", visit.id, visit.reference());
        return VisitView.of(visit);
    }

    @Transactional
    public VisitView cancel(long id, String reason) {
        Visit visit = get(id);
        visit.cancel(reason);
        visit.flush();
        audit.record("VISIT_CANCELLED", "visit", visit.id, reason);
        return VisitView.of(visit);
    }

    /** Where the technician must go: the site given, or the ticket's; it must be on the map and in a region. */
    private static Site site(Ticket ticket, VisitRequest request) {
        Site site = request.siteId() != null ? SiteService.reference("siteId", request.siteId()) : ticket.site;
        if (site == null) {
            throw ApiProblem.unprocessable("siteId", "The ticket (" + ticket.number + ") has no site yet: give "
                    + "siteId, the place where the technician must go.");
        }
        if (!site.hasCoordinates() || site.region == null) {
            throw ApiProblem.unprocessable("siteId", "The site (" + site.id + ") needs coordinates and a region "
                    + "before a visit can be planned there.");
        }
        return site;
    }

    private static void apply(Visit visit, VisitRequest request) {
        Site site = site(visit.ticket, request);
        Asset asset = AssetService.reference("assetId", request.assetId());
        List<SkillLevel> skills = new ArrayList<>();
        for (int i = 0; i < request.requiredSkills().size(); i++) {
            VisitRequest.SkillNeed need = request.requiredSkills().get(i);
            int index = i;
            if (skills.stream().anyMatch(s -> s.skill.equals(need.skill()))) {
                throw ApiProblem.invalid("requiredSkills[" + index + "].skill", "The skill (" + need.skill()
                        + ") is listed twice.");
            }
            skills.add(new SkillLevel(need.skill(), need.minLevel()));
        }
        List<PartQuantity> parts = PartQuantityRequest.resolve("requiredParts", request.requiredParts());
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).quantity < 1) {
                throw ApiProblem.invalid("requiredParts[" + i + "].quantity", "A visit needs at least one piece of "
                        + "each part it lists.");
            }
        }
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (int i = 0; i < request.availability().size(); i++) {
            VisitRequest.Window w = request.availability().get(i);
            if (!w.endsAt().isAfter(w.startsAt())) {
                throw ApiProblem.invalid("availability[" + i + "].endsAt", "The window ends (" + w.endsAt()
                        + ") before it starts (" + w.startsAt() + ").");
            }
            windows.add(new AvailabilityWindow(w.startsAt().toInstant(), w.endsAt().toInstant()));
        }
        windows.sort((a, b) -> a.startsAt.compareTo(b.startsAt));
        visit.locateAt(site);
        visit.asset = asset;
        visit.jobType = request.jobType();
        visit.estimatedDurationMinutes = request.estimatedDurationMinutes();
        visit.requiredSkills.clear();
        visit.requiredSkills.addAll(skills);
        visit.requiredTools.clear();
        visit.requiredTools.addAll(request.requiredTools());
        visit.requiredParts.clear();
        visit.requiredParts.addAll(parts);
        visit.availability.clear();
        visit.availability.addAll(windows);
    }
}
