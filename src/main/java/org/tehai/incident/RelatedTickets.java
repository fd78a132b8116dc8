package org.tehai.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.asset.Asset;
import org.tehai.planning.Location;
import org.tehai.site.Site;
import org.tehai.ticket.RelatedTicket;
import org.tehai.ticket.RelatedTicket.Reason;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;

import io.quarkus.panache.common.Sort;

/**
 * Finds the open tickets that may share a cause with a given one: the same shared equipment (the flats' outlets
 * hang off one booster), the same building, or the same kind of trouble close by, all within a recent time span.
 * This is how two neighbours calling about one dead booster are seen as one fault.
 */
@ApplicationScoped
public class RelatedTickets {

    @Inject
    LinkingRules rules;

    /** At most this many recent open tickets are compared with one ticket (a mass outage has thousands). */
    static final int MAX_CANDIDATES = 2_000;

    private static final List<TicketStatus> OPEN_STATUSES = List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS);

    public List<RelatedTicket> of(Ticket ticket) {
        if (ticket.site == null && ticket.asset == null) {
            // Nothing to compare yet: the caller gave no address and no equipment.
            return List.of();
        }
        Instant from = ticket.openedAt.minus(rules.relatedWindow());
        Instant to = ticket.openedAt.plus(rules.relatedWindow());
        String where = "id <> ?1 and status in ?2 and openedAt >= ?3 and openedAt <= ?4"
                + (ticket.region == null ? "" : " and region = ?5");
        var query = ticket.region == null
                ? Ticket.<Ticket>find(where, Sort.descending("openedAt"), ticket.id, OPEN_STATUSES, from, to)
                : Ticket.<Ticket>find(where, Sort.descending("openedAt"), ticket.id, OPEN_STATUSES, from, to, ticket.region);
        List<Ticket> candidates = query.range(0, MAX_CANDIDATES - 1).list();
        List<RelatedTicket> related = new ArrayList<>();
        for (Ticket other : candidates) {
            RelatedTicket link = link(ticket, other);
            if (link != null) {
                related.add(link);
            }
        }
        return related;
    }

    private RelatedTicket link(Ticket ticket, Ticket other) {
        Asset shared = sharedEquipment(ticket.asset, other.asset);
        if (shared != null) {
            return related(other, Reason.SHARED_EQUIPMENT, "Both depend on " + shared.model
                    + (shared.serialNumber == null ? "" : " " + shared.serialNumber) + " at " + shared.site.addressLine()
                    + ".", shared.id);
        }
        Site site = ticket.site;
        Site otherSite = other.site;
        if (site != null && otherSite != null && site.building != null && otherSite.building != null
                && site.building.equalsIgnoreCase(otherSite.building)) {
            return related(other, Reason.SAME_BUILDING, "Same building: " + site.building + ".", null);
        }
        if (site != null && otherSite != null && site.hasCoordinates() && otherSite.hasCoordinates()
                && ticket.category().equals(other.category())) {
            double metres = new Location(site.latitude, site.longitude)
                    .metersTo(new Location(otherSite.latitude, otherSite.longitude));
            if (metres <= rules.nearbyRadiusMetres()) {
                return related(other, Reason.SAME_CATEGORY_NEARBY, "Also " + other.category() + " trouble, "
                        + Math.round(metres) + " m away.", null);
            }
        }
        return null;
    }

    /** The equipment both assets depend on: a common parent, or one being the other's parent. */
    static Asset sharedEquipment(Asset a, Asset b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.parent != null && b.parent != null && Objects.equals(a.parent.id, b.parent.id)) {
            return a.parent;
        }
        if (a.parent != null && Objects.equals(a.parent.id, b.id)) {
            return b;
        }
        if (b.parent != null && Objects.equals(b.parent.id, a.id)) {
            return a;
        }
        return null;
    }

    private static RelatedTicket related(Ticket other, Reason reason, String detail, Long sharedAssetId) {
        return new RelatedTicket(other.id, other.number, other.troubleCode, other.status, other.openedAt, reason,
                detail, sharedAssetId);
    }
}
