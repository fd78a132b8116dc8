package org.tehai.desk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.tehai.customer.Customer;
import org.tehai.incident.Incident;
import org.tehai.incident.IncidentKind;
import org.tehai.incident.IncidentStatus;
import org.tehai.incident.IncidentTexts;
import org.tehai.planning.Location;
import org.tehai.platform.Records;
import org.tehai.site.Site;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;

import io.quarkus.panache.common.Sort;

/**
 * The banners an agent reads out to a caller, as they stand now: the open incident of each of the caller's open
 * tickets, then each open declared outage of a site's region around one of the caller's addresses (though no ticket
 * of theirs is linked yet). The desk asks again while the caller's card is open, so a changed status text or a
 * resolved outage shows without a new search.
 */
@ApplicationScoped
public class CallerBanners {

    /** One banner: the text to read out, what it belongs to, and the ticket that links the caller to it. */
    public record Banner(long incidentId, IncidentKind kind, String title, String text, String ticketNumber) {
    }

    public List<Banner> of(long customerId, Locale locale) {
        Customer customer = Records.require(Customer.class, customerId, "customer");
        List<Banner> banners = new ArrayList<>();
        Set<Long> shown = new LinkedHashSet<>();
        for (Ticket ticket : Ticket.<Ticket>list("customer = ?1 and status in ?2 and incidentId is not null",
                Sort.by("openedAt").and("id"), customer, List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS))) {
            Incident incident = Incident.findById(ticket.incidentId);
            if (incident != null && incident.status.isOpen() && shown.add(incident.id)) {
                banners.add(banner(incident, ticket.number, locale));
            }
        }
        List<Site> sites = Site.list("customer", Sort.by("id"), customer);
        List<Long> regions = sites.stream().map(s -> s.region == null ? null : s.region.id).filter(Objects::nonNull)
                .distinct().toList();
        if (!regions.isEmpty()) {
            for (Incident outage : Incident.<Incident>list("kind = ?1 and status <> ?2 and region.id in ?3",
                    Sort.by("openedAt").and("id"), IncidentKind.AREA_OUTAGE, IncidentStatus.RESOLVED, regions)) {
                if (!shown.contains(outage.id) && sites.stream().anyMatch(site -> around(outage, site))) {
                    shown.add(outage.id);
                    banners.add(banner(outage, null, locale));
                }
            }
        }
        return banners;
    }

    /** The outage takes in the site: the same region, and one of its buildings or inside its circle. */
    static boolean around(Incident outage, Site site) {
        if (site.region == null || outage.region == null || !site.region.id.equals(outage.region.id)) {
            return false;
        }
        if (site.building != null && outage.buildings.stream().anyMatch(b -> b.equalsIgnoreCase(site.building))) {
            return true;
        }
        return outage.areaRadiusMetres != null && site.hasCoordinates()
                && new Location(outage.areaLatitude, outage.areaLongitude)
                        .metersTo(new Location(site.latitude, site.longitude)) <= outage.areaRadiusMetres;
    }

    private static Banner banner(Incident incident, String ticketNumber, Locale locale) {
        return new Banner(incident.id, incident.kind, IncidentTexts.in(incident.title, locale),
                IncidentTexts.in(incident.statusText, locale), ticketNumber);
    }
}
