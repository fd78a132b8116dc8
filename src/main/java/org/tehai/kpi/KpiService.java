package org.tehai.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.platform.api.InputRules;
import org.tehai.contact.Contact;
import org.tehai.contact.ContactKind;
import org.tehai.contact.Direction;
import org.tehai.incident.Incident;
import org.tehai.incident.IncidentKind;
import org.tehai.kpi.KpiReport.ArrivalInquiries;
import org.tehai.kpi.KpiReport.ArrivalWindows;
import org.tehai.kpi.KpiReport.FirstTimeFix;
import org.tehai.kpi.KpiReport.Incidents;
import org.tehai.kpi.KpiReport.RepeatContacts;
import org.tehai.kpi.KpiReport.SlaCompliance;
import org.tehai.kpi.KpiReport.Technicians;
import org.tehai.kpi.KpiReport.TimeToFirstVisit;
import org.tehai.kpi.KpiReport.TrackingViews;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.technician.Shift;
import org.tehai.ticket.Priority;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/** Computes the KPIs of docs/kpis.md for one region and a range of its local dates. */
@ApplicationScoped
public class KpiService {

    static final int MAX_DAYS = 366;

    @Inject
    Clock clock;

    public KpiReport report(String regionRef, LocalDate from, LocalDate to) {
        Region region = region(regionRef);
        if (from == null || to == null) {
            throw ApiProblem.invalid(from == null ? "from" : "to", "Give the period as from and to dates "
                    + "(ISO, e.g. 2026-11-01), both included.");
        }
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "The period ends (" + to + ") before it starts (" + from + ").");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() >= MAX_DAYS) {
            throw ApiProblem.invalid("to", "A report covers at most " + MAX_DAYS + " days.");
        }
        ZoneId zone = region.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();

        List<Visit> arrivals = Visit.list("region = ?1 and actualArrival >= ?2 and actualArrival < ?3", region,
                start, end);
        return new KpiReport(region.code, region.timeZone, from, to, firstTimeFix(region, start, end),
                slaCompliance(region, start, end), timeToFirstVisit(region, start, end), arrivalWindows(arrivals),
                arrivalInquiries(region, start, end, arrivals.size()), trackingViews(region, start, end, arrivals.size()),
                repeatContacts(region, start, end),
                technicians(region, from, to, zone), incidents(region, start, end));
    }

    /** Tickets whose first finished visit ended in the period; fixed if it was DONE and the only visit. */
    private static FirstTimeFix firstTimeFix(Region region, Instant start, Instant end) {
        var em = Visit.getEntityManager();
        List<VisitStatus> finished = List.of(VisitStatus.DONE, VisitStatus.INCOMPLETE);
        List<Long> tickets = em.createQuery("select v.ticket.id from Visit v where v.region = ?1 and v.ticket is not null "
                + "and v.actualDeparture is not null and v.status in ?2 group by v.ticket.id "
                + "having min(v.actualDeparture) >= ?3 and min(v.actualDeparture) < ?4", Long.class)
                .setParameter(1, region).setParameter(2, finished).setParameter(3, start).setParameter(4, end)
                .getResultList();
        if (tickets.isEmpty()) {
            return new FirstTimeFix(0, 0, null);
        }
        long fixed = em.createQuery("select count(v) from Visit v where v.ticket.id in ?1 and v.status = ?2 "
                + "and v.actualDeparture = (select min(w.actualDeparture) from Visit w where w.ticket = v.ticket "
                + "and w.status in ?3 and w.actualDeparture is not null) "
                + "and (select count(u) from Visit u where u.ticket = v.ticket and u.status <> ?4) = 1", Long.class)
                .setParameter(1, tickets).setParameter(2, VisitStatus.DONE).setParameter(3, finished)
                .setParameter(4, VisitStatus.CANCELLED).getSingleResult();
        return new FirstTimeFix(tickets.size(), fixed, KpiReport.ratio(fixed, tickets.size()));
    }

    /** Tickets due in the period (up to now), cancelled ones left out: met when resolved by the due time. */
    private Map<Priority, SlaCompliance> slaCompliance(Region region, Instant start, Instant end) {
        Instant until = end.isAfter(Instant.now(clock)) ? Instant.now(clock) : end;
        List<Object[]> rows = Ticket.getEntityManager().createQuery("select t.priority, count(t), sum(case when "
                + "t.status in ?5 and t.closedAt <= t.slaDueAt then 1 else 0 end) from Ticket t where t.region = ?1 "
                + "and t.slaDueAt >= ?2 and t.slaDueAt < ?3 and t.status <> ?4 group by t.priority", Object[].class)
                .setParameter(1, region).setParameter(2, start).setParameter(3, until)
                .setParameter(4, TicketStatus.CANCELLED)
                .setParameter(5, List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)).getResultList();
        Map<Priority, SlaCompliance> result = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            result.put(priority, new SlaCompliance(0, 0, null));
        }
        for (Object[] row : rows) {
            long tickets = ((Number) row[1]).longValue();
            long met = row[2] == null ? 0 : ((Number) row[2]).longValue();
            result.put((Priority) row[0], new SlaCompliance(tickets, met, KpiReport.ratio(met, tickets)));
        }
        return result;
    }

    /** Tickets opened in the period that had an arrival: mean time from opening to the first arrival. */
    private static Map<Priority, TimeToFirstVisit> timeToFirstVisit(Region region, Instant start, Instant end) {
        List<Object[]> rows = Ticket.getEntityManager().createQuery("select t.priority, t.openedAt, min(v.actualArrival) "
                + "from Visit v join v.ticket t where t.region = ?1 and t.openedAt >= ?2 and t.openedAt < ?3 "
                + "and v.actualArrival is not null group by t.id, t.priority, t.openedAt", Object[].class)
                .setParameter(1, region).setParameter(2, start).setParameter(3, end).getResultList();
        Map<Priority, TimeToFirstVisit> result = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            List<Double> minutes = rows.stream().filter(r -> r[0] == priority)
                    .map(r -> Duration.between((Instant) r[1], (Instant) r[2]).toSeconds() / 60.0).toList();
            result.put(priority, new TimeToFirstVisit(minutes.size(),
                    minutes.isEmpty() ? null : minutes.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        }
        return result;
    }

    /** Arrivals in the period that had a quoted window: inside it or not, and the windows' median width. */
    private static ArrivalWindows arrivalWindows(List<Visit> arrivals) {
        List<Visit> quoted = arrivals.stream().filter(v -> v.quotedWindowStart != null).toList();
        long inside = quoted.stream().filter(v -> !v.actualArrival.isBefore(v.quotedWindowStart)
                && !v.actualArrival.isAfter(v.quotedWindowEnd)).count();
        List<Double> widths = quoted.stream()
                .map(v -> Duration.between(v.quotedWindowStart, v.quotedWindowEnd).toSeconds() / 60.0).sorted().toList();
        return new ArrivalWindows(quoted.size(), inside, KpiReport.ratio(inside, quoted.size()), median(widths));
    }

    private static ArrivalInquiries arrivalInquiries(Region region, Instant start, Instant end, long visits) {
        long inquiries = Contact.count("ticket.region = ?1 and kind = ?2 and occurredAt >= ?3 and occurredAt < ?4",
                region, ContactKind.ARRIVAL_INQUIRY, start, end);
        return new ArrivalInquiries(inquiries, visits, KpiReport.ratio(inquiries, visits));
    }

    /** The customers' own look at the tracking page, against the same visits as the inquiries. */
    private static TrackingViews trackingViews(Region region, Instant start, Instant end, long visits) {
        long views = Contact.count("ticket.region = ?1 and kind = ?2 and occurredAt >= ?3 and occurredAt < ?4",
                region, ContactKind.TRACKING_VIEW, start, end);
        return new TrackingViews(views, visits, KpiReport.ratio(views, visits));
    }

    /** Contacts with a person: a look at the tracking page is not one. */
    private static RepeatContacts repeatContacts(Region region, Instant start, Instant end) {
        long inbound = Contact.count("ticket.region = ?1 and direction = ?2 and occurredAt >= ?3 and occurredAt < ?4 "
                + "and kind <> ?5", region, Direction.INBOUND, start, end, ContactKind.TRACKING_VIEW);
        long repeats = Contact.count("ticket.region = ?1 and direction = ?2 and occurredAt >= ?3 and occurredAt < ?4 "
                + "and repeatContact = true and kind <> ?5", region, Direction.INBOUND, start, end,
                ContactKind.TRACKING_VIEW);
        return new RepeatContacts(inbound, repeats, KpiReport.ratio(repeats, inbound));
    }

    /**
     * Shift time of the region's technicians on the dates, the part of it spent on site (arrival to departure), and
     * travel: from the shift start, or the previous departure, to each arrival. Counted in seconds, reported in
     * whole minutes.
     */
    private static Technicians technicians(Region region, LocalDate from, LocalDate to, ZoneId zone) {
        List<Shift> shifts = Shift.list("technician.region = ?1 and workDate >= ?2 and workDate <= ?3", region, from, to);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, List<Visit>> workedPerShift = new HashMap<>();
        for (Visit visit : Visit.<Visit>list("technician.region = ?1 and actualArrival >= ?2 and actualArrival < ?3 "
                + "and actualDeparture is not null order by actualArrival", region, start, end)) {
            LocalDate day = visit.actualArrival.atZone(zone).toLocalDate();
            workedPerShift.computeIfAbsent(visit.technician.id + "/" + day, key -> new ArrayList<>()).add(visit);
        }
        long shiftSeconds = 0;
        long onSite = 0;
        long travel = 0;
        for (Shift shift : shifts) {
            shiftSeconds += Duration.between(shift.startsAt, shift.endsAt).toSeconds();
            Instant free = shift.startsAt;
            for (Visit visit : workedPerShift.getOrDefault(shift.technician.id + "/" + shift.workDate, List.of())) {
                if (visit.actualArrival.isAfter(free)) {
                    travel += Duration.between(free, visit.actualArrival).toSeconds();
                }
                onSite += Duration.between(visit.actualArrival, visit.actualDeparture).toSeconds();
                free = visit.actualDeparture;
            }
        }
        return new Technicians(shiftSeconds / 60, onSite / 60, travel / 60, KpiReport.ratio(onSite, shiftSeconds),
                KpiReport.ratio(travel, travel + onSite));
    }

    private static Incidents incidents(Region region, Instant start, Instant end) {
        List<Incident> opened = Incident.list("region = ?1 and openedAt >= ?2 and openedAt < ?3", region, start, end);
        long shared = opened.stream().filter(i -> i.kind == IncidentKind.SHARED_EQUIPMENT).count();
        long linked = opened.isEmpty() ? 0 : Ticket.count("incidentId in ?1", opened.stream().map(i -> i.id).toList());
        return new Incidents(opened.size(), shared, opened.size() - shared, linked);
    }

    private static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Region region(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ApiProblem.invalid("region", "Name the region by id or code.");
        }
        Region region = Region.findByIdOrCode(reference);
        if (region == null) {
            throw ApiProblem.unprocessable("region", "The region (" + InputRules.echo(reference) + ") does not exist.");
        }
        return region;
    }
}
