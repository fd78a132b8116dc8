package org.tehai.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
 * Finds the open tickets that may share a cause with a given one: the same trouble category on equipment hanging off
 * the same parent (the flats' outlets hang off one booster), a repeat call from the same address, the same category
 * in the same building or close by, all within a recent time span. Other trouble in the same building is listed as
 * such, after the rest and capped. This is how two neighbours calling about one dead booster are seen as one fault.
 */
@ApplicationScoped
public class RelatedTickets {

    @Inject
    LinkingRules rules;

    /** At most this many recent open tickets are compared with one ticket (a mass outage has thousands). */
    static final int MAX_CANDIDATES = 2_000;

    private static final List<TicketStatus> OPEN_STATUSES = List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS);

    /** All related tickets, most telling reason first (newest first within a reason). */
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
        List<Ticket> all = new ArrayList<>(candidates);
        all.add(ticket);
        Map<Long, List<Asset>> equipmentAtSites = equipmentAtSites(all);
        List<Asset> equipment = equipmentOf(ticket, equipmentAtSites);
        String category = ticket.category();
        List<RelatedTicket> related = new ArrayList<>();
        for (Ticket other : candidates) {
            RelatedTicket link = link(ticket, category, equipment, other, equipmentOf(other, equipmentAtSites));
            if (link != null) {
                related.add(link);
            }
        }
        related.sort(Comparator.comparing(RelatedTicket::reason));
        return related;
    }

    /**
     * The equipment a ticket is about: its asset; without one, the equipment at its address (the flat's outlet
     * hanging off the building's booster), so a caller who could not name the device still joins an incident that
     * calls naming the equipment established, or pairs with such a call.
     */
    public static List<Asset> equipmentOf(Ticket ticket) {
        return equipmentOf(ticket, equipmentAtSites(List.of(ticket)));
    }

    private static List<Asset> equipmentOf(Ticket ticket, Map<Long, List<Asset>> equipmentAtSites) {
        if (ticket.asset != null) {
            return List.of(ticket.asset);
        }
        return ticket.site == null ? List.of() : equipmentAtSites.getOrDefault(ticket.site.id, List.of());
    }

    private static Map<Long, List<Asset>> equipmentAtSites(List<Ticket> tickets) {
        Set<Long> sites = tickets.stream().filter(t -> t.asset == null && t.site != null).map(t -> t.site.id)
                .collect(Collectors.toSet());
        if (sites.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Asset>> bySite = new HashMap<>();
        for (Asset asset : Asset.<Asset>list("site.id in ?1", Sort.by("id"), sites)) {
            bySite.computeIfAbsent(asset.site.id, id -> new ArrayList<>()).add(asset);
        }
        return bySite;
    }

    private RelatedTicket link(Ticket ticket, String category, List<Asset> equipment, Ticket other,
            List<Asset> otherEquipment) {
        boolean sameCategory = category.equals(other.category());
        // Equipment inferred from an address counts only against equipment a caller named: two calls that name no
        // equipment do not say which of the flats' devices (TV outlet, fibre terminal, ...) is in trouble.
        Asset shared = ticket.asset == null && other.asset == null ? null : sharedEquipment(equipment, otherEquipment);
        Site site = ticket.site;
        Site otherSite = other.site;
        boolean sameAddress = (site != null && otherSite != null && Objects.equals(site.id, otherSite.id))
                || (ticket.asset != null && other.asset != null && Objects.equals(ticket.asset.id, other.asset.id));
        boolean sameBuilding = site != null && otherSite != null && site.building != null && otherSite.building != null
                && site.building.equalsIgnoreCase(otherSite.building);
        if (sameAddress) {
            return sameCategory
                    ? related(other, Reason.REPEAT_CONTACT, IncidentTexts.repeatContact(category),
                            shared == null ? null : shared.id)
                    : related(other, Reason.OTHER_TROUBLE_SAME_BUILDING,
                            IncidentTexts.otherTroubleSameAddress(other.category()), null);
        }
        if (!sameCategory) {
            return shared != null || sameBuilding
                    ? related(other, Reason.OTHER_TROUBLE_SAME_BUILDING,
                            IncidentTexts.otherTroubleSameBuilding(other.category()), null)
                    : null;
        }
        if (shared != null) {
            return related(other, Reason.SHARED_EQUIPMENT, IncidentTexts.bothDependOn(shared.model
                    + (shared.serialNumber == null ? "" : " " + shared.serialNumber), shared.site.addressLine()),
                    shared.id);
        }
        if (sameBuilding) {
            return related(other, Reason.SAME_BUILDING, IncidentTexts.sameBuilding(site.building), null);
        }
        if (site != null && otherSite != null && site.hasCoordinates() && otherSite.hasCoordinates()) {
            double metres = new Location(site.latitude, site.longitude)
                    .metersTo(new Location(otherSite.latitude, otherSite.longitude));
            if (metres <= rules.nearbyRadiusMetres()) {
                return related(other, Reason.SAME_CATEGORY_NEARBY,
                        IncidentTexts.nearby(other.category(), Math.round(metres)), null);
            }
        }
        return null;
    }

    /** The shared equipment that any of the first equipment and any of the second depend on. */
    static Asset sharedEquipment(List<Asset> first, List<Asset> second) {
        for (Asset a : first) {
            for (Asset b : second) {
                Asset shared = sharedEquipment(a, b);
                if (shared != null) {
                    return shared;
                }
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
                detail, sharedAssetId, IncidentTexts.in(detail, java.util.Locale.JAPANESE));
    }
}
