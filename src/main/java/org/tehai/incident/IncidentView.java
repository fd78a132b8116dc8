package org.tehai.incident;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tehai.ticket.Priority;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/** An incident as agents and dispatchers see it, with its tickets and its visit. */
public record IncidentView(long id, IncidentKind kind, IncidentStatus status, String category, String title,
        String statusText, Long regionId, SharedAsset asset, Set<String> buildings, Area area, Priority priority,
        Instant openedAt, String openedBy, Instant resolvedAt, String cause, long ticketCount,
        List<LinkedTicket> tickets, List<IncidentVisit> visits, long version, Texts japanese) {

    /**
     * The title, status text and cause in Japanese: the sentences Tehai wrote itself translated, what a person typed
     * as it was written.
     */
    public record Texts(String title, String statusText, String cause) {
    }

    /** The shared equipment, with where its site is (for a map; null when the site has no coordinates). */
    public record SharedAsset(long id, String model, String serialNumber, String address, Double latitude,
            Double longitude, String addressJapanese) {
    }

    public record Area(double latitude, double longitude, int radiusMetres) {
    }

    public record LinkedTicket(long id, String number, String customerName, String troubleCode, TicketStatus status,
            Priority priority, Instant openedAt, String linkReason, String linkReasonJapanese) {
    }

    public record IncidentVisit(long id, VisitStatus status) {
    }

    public static IncidentView of(Incident incident, long ticketCount, List<Ticket> tickets, List<Visit> visits) {
        SharedAsset asset = incident.asset == null ? null
                : new SharedAsset(incident.asset.id, incident.asset.model, incident.asset.serialNumber,
                        incident.asset.site.addressLine(), incident.asset.site.latitude,
                        incident.asset.site.longitude, incident.asset.site.addressLineJapanese());
        Area area = incident.areaRadiusMetres == null ? null
                : new Area(incident.areaLatitude, incident.areaLongitude, incident.areaRadiusMetres);
        return new IncidentView(incident.id, incident.kind, incident.status, incident.category, incident.title,
                incident.statusText, incident.region == null ? null : incident.region.id, asset,
                Set.copyOf(incident.buildings), area, incident.priority, incident.openedAt, incident.openedBy,
                incident.resolvedAt, incident.cause, ticketCount,
                tickets.stream().map(t -> new LinkedTicket(t.id, t.number, t.customer.name, t.troubleCode, t.status,
                        t.priority, t.openedAt, t.incidentLinkReason,
                        IncidentTexts.in(t.incidentLinkReason, Locale.JAPANESE))).toList(),
                visits.stream().map(v -> new IncidentVisit(v.id, v.status)).toList(), incident.version,
                new Texts(IncidentTexts.in(incident.title, Locale.JAPANESE),
                        IncidentTexts.in(incident.statusText, Locale.JAPANESE),
                        IncidentTexts.in(incident.cause, Locale.JAPANESE)));
    }
}
