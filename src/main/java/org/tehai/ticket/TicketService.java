package org.tehai.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tehai.asset.Asset;
import org.tehai.asset.AssetService;
import org.tehai.contact.Contact;
import org.tehai.contact.ContactKind;
import org.tehai.contact.Direction;
import org.tehai.customer.Customer;
import org.tehai.customer.CustomerPhone;
import org.tehai.customer.CustomerService;
import org.tehai.customer.PhoneNumber;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.site.Site;
import org.tehai.site.SiteService;
import org.tehai.visit.Visit;

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
    Clock clock;

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
        return Page.of(query, page, this::view);
    }

    public Ticket get(long id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw ApiProblem.notFound("ticket", id);
        }
        return ticket;
    }

    public TicketView view(Ticket ticket) {
        List<TicketView.VisitSummary> visits = Visit.<Visit>list("ticket", Sort.by("id"), ticket).stream()
                .map(v -> new TicketView.VisitSummary(v.id, v.status.name(), v.plannedStart)).toList();
        return TicketView.of(ticket, visits);
    }

    /**
     * Opens a ticket with what the caller has. Without a customer id, the caller's phone number finds the customer
     * (a customer of the same name with that number), or a new customer is created from name and number.
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
        Instant now = Instant.now(clock);
        var ticket = new Ticket();
        ticket.number = Ticket.numberFor(nextTicketNumber());
        ticket.customer = customer;
        ticket.locateAt(site);
        ticket.asset = asset;
        ticket.channel = request.channel() == null ? Channel.PHONE : request.channel();
        ticket.kind = request.kind() == null ? TicketKind.FAULT : request.kind();
        ticket.troubleCode = request.troubleCode().trim();
        ticket.description = request.description();
        ticket.openedAt = now;
        ticket.prioritize(request.priority() == null ? Priority.P3 : request.priority(), serviceLevels);
        if (request.caller() != null) {
            ticket.callerName = request.caller().name().trim();
            ticket.callerPhone = request.caller().phone().trim();
        }
        ticket.openedBy = currentUser.name();
        ticket.persist();

        var contact = new Contact();
        contact.ticket = ticket;
        contact.occurredAt = now;
        contact.channel = ticket.channel;
        contact.kind = ticket.kind == TicketKind.COMPLAINT ? ContactKind.COMPLAINT : ContactKind.NEW_REPORT;
        contact.direction = Direction.INBOUND;
        contact.author = currentUser.name();
        contact.notes = request.description();
        contact.persist();

        audit.record("TICKET_OPENED", "ticket", ticket.id, ticket.number + " " + ticket.troubleCode);
        return TicketView.of(ticket, List.of());
    }

    @Transactional
    public TicketView update(long id, TicketUpdateRequest request) {
        Ticket ticket = get(id);
        ticket.requireVersion("ticket", request.version());
        Site site = request.siteId() == null ? ticket.site : SiteService.reference("siteId", request.siteId());
        Asset asset = AssetService.reference("assetId", request.assetId());
        if (asset != null && site != null && !asset.site.id.equals(site.id)) {
            throw ApiProblem.unprocessable("assetId", "The asset (" + asset.id + ") is at site (" + asset.site.id
                    + "), not at the ticket's site (" + site.id + ").");
        }
        ticket.locateAt(asset != null && site == null ? asset.site : site);
        ticket.asset = asset;
        ticket.troubleCode = request.troubleCode().trim();
        ticket.description = request.description();
        if (ticket.priority != request.priority()) {
            ticket.prioritize(request.priority(), serviceLevels);
        }
        if (ticket.status != request.status()) {
            ticket.changeStatus(request.status(), Instant.now(clock));
        }
        ticket.flush();
        audit.record("TICKET_UPDATED", "ticket", ticket.id, ticket.number + " " + ticket.status + " " + ticket.priority);
        return view(ticket);
    }

    private Customer customerFor(TicketRequest request) {
        if (request.customerId() != null) {
            return CustomerService.reference("customerId", request.customerId());
        }
        if (request.caller() == null) {
            throw ApiProblem.invalid("caller", "Give either customerId or the caller's name and phone number.");
        }
        String normalized = PhoneNumber.normalizeOrNull(request.caller().phone());
        if (normalized == null) {
            throw ApiProblem.invalid("caller.phone", "The phone number (" + request.caller().phone()
                    + ") is not a complete number: use e.g. 03-1234-5678 or +81 3 1234 5678.");
        }
        String name = request.caller().name().trim();
        Customer known = CustomerPhone.<CustomerPhone>list("normalized", normalized).stream()
                .map(p -> p.customer).filter(c -> c.name.equalsIgnoreCase(name)).findFirst().orElse(null);
        if (known != null) {
            return known;
        }
        var customer = new Customer();
        customer.name = name;
        customer.replacePhones(List.of(new Customer.PhoneEntry(request.caller().phone(), null)));
        customer.persist();
        audit.record("CUSTOMER_CREATED", "customer", customer.id, customer.name + " (at ticket intake)");
        return customer;
    }

    private long nextTicketNumber() {
        return ((Number) entityManager.createNativeQuery("select nextval('ticket_number_seq')").getSingleResult())
                .longValue();
    }
}
