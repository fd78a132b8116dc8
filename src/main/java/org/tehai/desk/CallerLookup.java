package org.tehai.desk;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.contact.Contact;
import org.tehai.contact.ContactResource.ContactView;
import org.tehai.customer.Customer;
import org.tehai.customer.CustomerPhone;
import org.tehai.customer.CustomerView;
import org.tehai.customer.NumberingPlan;
import org.tehai.customer.PhoneNumber;
import org.tehai.customer.SearchName;
import org.tehai.desk.CallerCard.MatchedBy;
import org.tehai.incident.Incident;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.error.ApiProblem;
import org.tehai.site.Site;
import org.tehai.site.SiteView;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Finds the caller from whatever the agent has: a phone number in any format, a ticket number, a fragment of the
 * name, or of the address or building. One request answers with everything needed to talk to them.
 */
@ApplicationScoped
public class CallerLookup {

    static final int MAX_CALLERS = 20;
    static final int LAST_CONTACTS = 5;

    private static final Pattern TICKET_NUMBER = Pattern.compile("(?i)\\s*TK-?(\\d+)\\s*");

    @Inject
    NumberingPlan numbering;

    public List<CallerCard> find(String query) {
        if (query == null || query.isBlank() || query.trim().length() < 2) {
            throw ApiProblem.invalid("q", "Type at least two characters: a phone number, ticket number, name or "
                    + "address.");
        }
        // Input from a Japanese IME may be full-width ("０３－１２３４", "ＴＫ－１００２") and have 'ー' for a dash.
        String q = Normalizer.normalize(query, Normalizer.Form.NFKC).trim();
        String plain = PhoneNumber.plain(query);
        Map<Long, MatchedBy> found = new LinkedHashMap<>();
        var ticketNumber = TICKET_NUMBER.matcher(plain);
        if (ticketNumber.matches()) {
            Ticket ticket = Ticket.find("number", "TK-" + ticketNumber.group(1)).firstResult();
            if (ticket != null) {
                found.put(ticket.customer.id, MatchedBy.TICKET_NUMBER);
            }
        } else if (PhoneNumber.looksLikeNumber(plain) && numbering.normalizeOrNull(plain) != null) {
            CustomerPhone.<CustomerPhone>list("normalized", Sort.by("customer.id"), numbering.normalize(plain))
                    .forEach(p -> found.putIfAbsent(p.customer.id, MatchedBy.PHONE));
        } else {
            // Names first (in any width, kana or case: "ｻﾄｳ", "さとう" and "サトウ" find each other), then addresses.
            String name = SearchName.fold(q);
            if (!name.isEmpty()) {
                Customer.<Customer>find("searchName like ?1", Sort.by("name"), QueryValues.containsPattern(name))
                        .page(Page.ofSize(MAX_CALLERS)).list().forEach(c -> found.putIfAbsent(c.id, MatchedBy.NAME));
            }
            String like = QueryValues.containsPattern(q);
            Site.<Site>find("customer is not null and (lower(building) like ?1 or lower(street) like ?1)",
                    Sort.by("id"), like).page(Page.ofSize(MAX_CALLERS)).list()
                    .forEach(s -> found.putIfAbsent(s.customer.id, MatchedBy.ADDRESS));
        }
        List<CallerCard> cards = new ArrayList<>();
        found.entrySet().stream().limit(MAX_CALLERS)
                .forEach(e -> cards.add(card(Customer.findById(e.getKey()), e.getValue())));
        return cards;
    }

    private static CallerCard card(Customer customer, MatchedBy matchedBy) {
        List<SiteView> sites = Site.<Site>list("customer", Sort.by("id"), customer).stream().map(SiteView::of).toList();
        List<Ticket> open = Ticket.list("customer = ?1 and status in ?2", Sort.by("openedAt"), customer,
                List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
        List<CallerCard.OpenTicket> openTickets = open.stream().map(t -> new CallerCard.OpenTicket(t.id, t.number,
                t.troubleCode, t.priority, t.status, t.openedAt, t.slaDueAt, t.incidentId,
                statusTextOf(t.incidentId))).toList();
        List<ContactView> lastContacts = Contact.<Contact>find("ticket.customer = ?1",
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), customer)
                .page(Page.ofSize(LAST_CONTACTS)).list().stream().map(ContactView::of).toList();
        List<CallerCard.UpcomingVisit> upcoming = Visit.<Visit>list("ticket.customer = ?1 and status in ?2",
                Sort.by("id"), customer, VisitStatus.ACTIVE)
                .stream().map(CallerLookup::upcoming).collect(Collectors.toCollection(ArrayList::new));
        // The visit of an incident serves the customer too, though it belongs to no single ticket.
        List<Long> incidents = open.stream().map(t -> t.incidentId).filter(Objects::nonNull).distinct().toList();
        if (!incidents.isEmpty()) {
            Visit.<Visit>list("incidentId in ?1 and status in ?2", Sort.by("id"), incidents,
                    VisitStatus.ACTIVE).forEach(v -> upcoming.add(upcoming(v)));
        }
        return new CallerCard(CustomerView.of(customer), matchedBy, sites, openTickets, lastContacts, upcoming);
    }

    private static String statusTextOf(Long incidentId) {
        Incident incident = incidentId == null ? null : Incident.findById(incidentId);
        return incident == null ? null : incident.statusText;
    }

    private static CallerCard.UpcomingVisit upcoming(Visit v) {
        ZoneId zone = v.region.zone();
        return new CallerCard.UpcomingVisit(v.id, v.reference(), v.status,
                v.plannedStart == null ? null : v.plannedStart.atZone(zone).toOffsetDateTime(),
                v.quotedWindowStart == null ? null : v.quotedWindowStart.atZone(zone).toOffsetDateTime(),
                v.quotedWindowEnd == null ? null : v.quotedWindowEnd.atZone(zone).toOffsetDateTime(),
                v.availability.isEmpty() ? null : v.availability.get(0).startsAt.atZone(zone).toOffsetDateTime());
    }
}
