package org.tehai.kpi;

import java.time.LocalDate;
import java.util.Map;

import org.tehai.ticket.Priority;

/**
 * The desk and field KPIs of one region over a range of local dates. Every rate comes with the counts it is made
 * of, so a manager can see what it rests on; a rate is null when there was nothing to measure. Definitions are in
 * docs/kpis.md.
 */
public record KpiReport(String region, String timeZone, LocalDate from, LocalDate to, FirstTimeFix firstTimeFix,
        Map<Priority, SlaCompliance> slaCompliance, Map<Priority, TimeToFirstVisit> timeToFirstVisit,
        ArrivalWindows arrivalWindows, ArrivalInquiries arrivalInquiries, TrackingViews trackingViews,
        RepeatContacts repeatContacts,
        Technicians technicians, Incidents incidents) {

    public record FirstTimeFix(long tickets, long fixedAtFirstVisit, Double rate) {
    }

    public record SlaCompliance(long tickets, long met, Double rate) {
    }

    public record TimeToFirstVisit(long tickets, Double meanMinutes) {
    }

    public record ArrivalWindows(long arrivals, long insideQuotedWindow, Double hitRate, Double medianWidthMinutes) {
    }

    public record ArrivalInquiries(long inquiries, long visits, Double perVisit) {
    }

    public record TrackingViews(long views, long visits, Double perVisit) {
    }

    public record RepeatContacts(long inboundContacts, long repeats, Double rate) {
    }

    public record Technicians(long shiftMinutes, long onSiteMinutes, long travelMinutes, Double utilisation,
            Double travelShare) {
    }

    public record Incidents(long detected, long sharedEquipment, long areaOutages, long ticketsLinked) {
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
