package org.tehai.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tehai.asset.Asset;
import org.tehai.asset.AssetService;
import org.tehai.customer.Customer;
import org.tehai.customer.CustomerService;
import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.site.Site;
import org.tehai.site.SiteService;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TicketService {

    @Inject
    Audit audit;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager entityManager;

    @Inject
    TicketIncidents incidents;

    @Inject
    TicketVisits visits;

    @Inject
    Event<TicketOpened> opened;

    @Inject
    Event<TicketCorrected> corrected;

    @Inject
    Event<TicketClosed> closed;

    @Inject
    Clock clock;

    @Inject
    CallerMatch callerMatch;

    public Page<TicketView> search(TicketStatus status, Long regionId, Priority priority, Long customerId,
            PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (regionId != null) {
            conditions.add("region.id = :region");
            parameters.and("region", regionId);
        }
        if (priority != null) {
            conditions.add("priority = :priority");
            parameters.and("priority", priority);
        }
        if (customerId != null) {
            conditions.add("customer.id = :customer");
            parameters.and("customer", customerId);
        }
        Sort order = Sort.by("slaDueAt").and("id");
        var query = conditions.isEmpty() ? Ticket.<Ticket>findAll(order)
                : Ticket.<Ticket>find(String.join(" and ", conditions), order, parameters);
        List<Ticket> tickets = query.page(page.page(), page.size()).list();
        Map<Long, List<TicketView.VisitSummary>> visitsOf = visits.of(tickets);
        // List rows leave out the related-ticket search, which is for one ticket at a time.
        return new Page<>(tickets.stream().map(t -> TicketView.of(t, RelatedTicket.Shown.NONE,
                visitsOf.getOrDefault(t.id, List.of()), incidents.summaryOf(t))).toList(), page.page(), page.size(),
                query.count());
    }

    public Ticket get(long id) {
        return Records.require(Ticket.class, id, "ticket");
    }

    /** The ticket as an agent opens it: with the open tickets that may share its cause. */
    public TicketView view(Ticket ticket) {
        List<RelatedTicket> related = ticket.status.isOpen() ? incidents.relatedTo(ticket) : List.of();
        return view(ticket, related);
    }

    private TicketView view(Ticket ticket, List<RelatedTicket> related) {
        return TicketView.of(ticket, RelatedTicket.forAgent(related), visits.of(List.of(ticket)).getOrDefault(ticket.id,
                List.of()), incidents.summaryOf(ticket));
    }

    /**
     * Opens a ticket with what the caller has. Without a customer id, the caller's phone number finds the customer,
     * or a new customer is created from name and number ({@link CallerMatch}).
     */
    @Transactional
    public TicketView open(TicketRequest request) {
        Customer customer = customerFor(request);
        Site site = SiteService.reference("siteId", request.siteId());
        Asset asset = AssetService.reference("assetId", request.assetId());
        if (asset != null && site == null) {
            site = asset.site;
        }
        if (asset != null && !asset.site.id.equals(site.id)) {
            throw ApiProblem.unprocessable("assetId", "The asset (" + asset.id + ") is at site (" + asset.site.id
                    + "), not at the ticket's site (" + site.id + ").");
        }
        TroubleCode code = catalogued(request.troubleCode());
        Priority suggested = PrioritySuggestion.suggest(code.basePriority, request.impact(), customer.contract);
        Priority chosen = request.priority() == null ? suggested : request.priority();
        String overrideReason = blankToNull(request.priorityOverrideReason());
        if (chosen != suggested && overrideReason == null) {
            throw ApiProblem.unprocessable("priorityOverrideReason", "The suggested priority is " + suggested
                    + " (trouble code " + code.code + ", impact " + request.impact() + ", contract " + customer.contract
                    + "); say why the ticket needs " + chosen + ".");
        }
        Instant now = Instant.now(clock);
        var ticket = new Ticket();
        ticket.number = Ticket.nextNumber();
        ticket.customer = customer;
        ticket.locateAt(site);
        ticket.asset = asset;
        ticket.channel = request.channel() == null ? Channel.PHONE : request.channel();
        ticket.kind = kindFor(code, request.kind());
        ticket.troubleCode = code.code;
        ticket.description = request.description();
        ticket.impact = request.impact();
        ticket.openedAt = now;
        ticket.suggestedPriority = suggested;
        ticket.priorityOverrideReason = chosen == suggested ? null : overrideReason;
        ticket.prioritize(chosen, serviceLevels);
        if (request.caller() != null) {
            ticket.callerName = request.caller().name().trim();
            ticket.callerPhone = request.caller().phone().trim();
        }
        ticket.openedBy = currentUser.name();
        ticket.persist();

        audit.record("TICKET_OPENED", "ticket", ticket.id, ticket.number + " " + ticket.troubleCode);
        var intake = new TicketOpened(ticket);
        opened.fire(intake);
        ticket.flush();
        return view(ticket, intake.related());
    }

    @Transactional
    public TicketView update(long id, TicketUpdateRequest request) {
        Ticket ticket = get(id);
        ticket.requireVersion("ticket", request.version());
        Site site = request.siteId() == null ? ticket.site : SiteService.reference("siteId", request.siteId());
        Asset asset = request.assetId() == null ? ticket.asset : AssetService.reference("assetId", request.assetId());
        if (asset != null && site != null && !asset.site.id.equals(site.id)) {
            throw ApiProblem.unprocessable("assetId", "The asset (" + asset.id + ") is at site (" + asset.site.id
                    + "), not at the ticket's site (" + site.id + ").");
        }
        String troubleCode = catalogued(request.troubleCode()).code;
        TicketView.IncidentSummary openIncident = incidents.openIncidentOf(ticket);
        Priority incidentPriority = openIncident == null ? null : openIncident.priority();
        if (request.priority() != ticket.priority && incidentPriority != null
                && request.priority().compareTo(incidentPriority) > 0
                && blankToNull(request.priorityOverrideReason()) == null) {
            throw ApiProblem.unprocessable("priorityOverrideReason", "The ticket belongs to incident INC-"
                    + openIncident.id() + " with priority " + incidentPriority + "; say why the ticket needs the "
                    + "lower priority " + request.priority() + ".");
        }
        boolean relocated = !Objects.equals(site, ticket.site) || !Objects.equals(asset, ticket.asset)
                || !troubleCode.equals(ticket.troubleCode);
        ticket.locateAt(asset != null && site == null ? asset.site : site);
        ticket.asset = asset;
        ticket.troubleCode = troubleCode;
        ticket.description = request.description();
        if (ticket.priority != request.priority()) {
            String reason = blankToNull(request.priorityOverrideReason());
            boolean suggested = request.priority() == ticket.suggestedPriority;
            if (!suggested && reason == null) {
                throw ApiProblem.unprocessable("priorityOverrideReason", "The suggested priority is "
                        + ticket.suggestedPriority + "; say why the ticket needs " + request.priority() + ".");
            }
            ticket.prioritize(request.priority(), serviceLevels);
            ticket.priorityOverrideReason = suggested ? null : reason;
        }
        if (ticket.status != request.status()) {
            if (!request.status().isOpen()) {
                close(ticket, request);
                closed.fire(new TicketClosed(ticket, "Ticket " + ticket.number + " " + request.status() + "."));
            }
            ticket.changeStatus(request.status(), Instant.now(clock));
        }
        if (relocated && ticket.status.isOpen()) {
            // Site, equipment or trouble found out or corrected after intake: the links are evaluated again; the
            // ticket may leave a wrong incident and join the right one.
            ticket.flush();
            corrected.fire(new TicketCorrected(ticket));
        }
        ticket.flush();
        audit.record("TICKET_UPDATED", "ticket", ticket.id, ticket.number + " " + ticket.status + " " + ticket.priority);
        return view(ticket);
    }

    /**
     * Records how the ticket closed. A complaint needs a cause category, a cause text and a prevention action:
     * "no problem found" alone teaches nothing and is refused.
     */
    private static void close(Ticket ticket, TicketUpdateRequest request) {
        if (ticket.kind == TicketKind.COMPLAINT && request.status() != TicketStatus.CANCELLED) {
            List<ApiProblem.FieldError> missing = new ArrayList<>();
            if (request.causeCategory() == null) {
                missing.add(new ApiProblem.FieldError("causeCategory", "A complaint closes with a cause category."));
            }
            String causeText = blankToNull(request.causeText());
            if (causeText == null || causeText.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("noproblemfound")) {
                missing.add(new ApiProblem.FieldError("causeText", "Say what caused the complaint; \"no problem "
                        + "found\" is not a cause."));
            }
            if (blankToNull(request.preventionAction()) == null) {
                missing.add(new ApiProblem.FieldError("preventionAction", "Say what will prevent it from happening "
                        + "again."));
            }
            if (!missing.isEmpty()) {
                throw new ApiProblem(422, "Complaint cannot be closed", missing.get(0).field(), "A complaint closes only "
                        + "with a cause and a lesson; missing: " + missing.stream().map(ApiProblem.FieldError::field)
                                .reduce((a, b) -> a + ", " + b).orElse("") + ".", missing);
            }
        }
        ticket.recordClosing(request.causeCategory(), blankToNull(request.causeText()),
                blankToNull(request.preventionAction()), blankToNull(request.resolution()));
    }

    /** Complaint codes make complaint tickets, whose closing rules then apply; fault codes make faults. */
    private static TicketKind kindFor(TroubleCode code, TicketKind requested) {
        TicketKind implied = "COMPLAINT".equals(code.category) ? TicketKind.COMPLAINT : TicketKind.FAULT;
        if (requested != null && requested != implied) {
            throw ApiProblem.unprocessable("kind", "The trouble code (" + code.code + ") makes a " + implied
                    + " ticket, not a " + requested + ".");
        }
        return implied;
    }

    private static TroubleCode catalogued(String troubleCode) {
        TroubleCode code = TroubleCode.findById(troubleCode.trim().toUpperCase());
        if (code == null || !code.active) {
            throw ApiProblem.unprocessable("troubleCode", "The trouble code (" + troubleCode + ") is not in the "
                    + "catalogue; GET /api/trouble-codes lists them.");
        }
        return code;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private Customer customerFor(TicketRequest request) {
        if (request.customerId() != null) {
            return CustomerService.reference("customerId", request.customerId());
        }
        if (request.caller() == null) {
            throw ApiProblem.invalid("caller", "Give either customerId or the caller's name and phone number.");
        }
        return callerMatch.customerFor(request.caller().name(), request.caller().phone(),
                Boolean.TRUE.equals(request.caller().newCustomer()));
    }
}
