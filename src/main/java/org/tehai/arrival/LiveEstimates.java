package org.tehai.arrival;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.callback.Callback;
import org.tehai.callback.CallbackKind;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.planning.Location;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TravelTimeProvider;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.visit.AvailabilityWindow;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/**
 * Re-estimates the rest of a technician's day from what actually happened: the visit on site (it ends at its
 * arrival plus its duration, or now if it already took longer), the last finished visit, or the last position on
 * the way; then every remaining visit in route order, driving, waiting for the customer's availability and
 * working its estimated duration. A visit whose estimate leaves the window its customer was told is flagged at
 * risk once per quote: the desk gets an ARRIVAL_RISK call-back and the customer a notification.
 */
@ApplicationScoped
public class LiveEstimates {

    private final TravelTimeProvider travel = new StraightLineTravelTime();

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    /** Re-estimates the technician's day around {@code at} and flags visits at risk; returns the visits flagged now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Visit> reestimate(Technician technician, Instant at) {
        ZoneId zone = technician.region.zone();
        LocalDate day = LocalDate.ofInstant(at, zone);
        List<Visit> route = Visit.routeOf(technician, day);
        Instant now = Instant.now(clock);
        Shift shift = Shift.find(technician.id, day);
        Instant ready;
        Location from;
        String reason = null;
        List<Visit> remaining = new ArrayList<>();
        Visit onSite = route.stream().filter(v -> v.status == VisitStatus.ON_SITE).findFirst().orElse(null);
        Visit lastDone = route.stream().filter(v -> v.actualDeparture != null)
                .max(java.util.Comparator.comparing(v -> v.actualDeparture)).orElse(null);
        if (onSite != null) {
            Instant plannedEnd = onSite.actualArrival.plus(Duration.ofMinutes(onSite.estimatedDurationMinutes));
            ready = plannedEnd.isAfter(now) ? plannedEnd : now;
            from = location(onSite);
            if (onSite.plannedStart != null && ready.isAfter(onSite.plannedStart
                    .plus(Duration.ofMinutes(onSite.estimatedDurationMinutes)).plus(Duration.ofMinutes(10)))) {
                reason = "previous job overran";
            }
        } else if (lastDone != null) {
            ready = lastDone.actualDeparture;
            from = location(lastDone);
            if (technician.lastPositionAt != null && technician.lastPositionAt.isAfter(ready)
                    && technician.lastLatitude != null) {
                ready = technician.lastPositionAt;
                from = new Location(technician.lastLatitude, technician.lastLongitude);
                reason = "traffic";
            }
        } else {
            ready = shift == null ? now : shift.startsAt;
            from = new Location(technician.homeLatitude, technician.homeLongitude);
        }
        for (Visit visit : route) {
            if (visit.status == VisitStatus.DISPATCHED || visit.status == VisitStatus.EN_ROUTE) {
                remaining.add(visit);
            }
        }
        boolean started = onSite != null || lastDone != null || route.stream().anyMatch(v -> v.status
                == VisitStatus.EN_ROUTE);
        if (shift != null && !now.isBefore(shift.endsAt) && !remaining.isEmpty()) {
            reason = "technician off shift";
        }
        List<Visit> flagged = new ArrayList<>();
        for (Visit visit : remaining) {
            Instant arrival = ready.plusSeconds(travel.travelSeconds(from, location(visit)));
            if (started && arrival.isBefore(now)) {
                arrival = now;
            }
            Instant start = waitForAvailability(visit, arrival);
            visit.estimatedStart = start;
            boolean late = visit.plannedStart != null && start.isAfter(visit.plannedStart.plus(Duration.ofMinutes(10)));
            visit.estimateReason = late ? (reason == null ? "running late" : reason) : null;
            if (visit.quotedWindowEnd != null && start.isAfter(visit.quotedWindowEnd) && visit.atRiskSince == null) {
                flag(visit, start, now);
                flagged.add(visit);
            }
            ready = start.plus(Duration.ofMinutes(visit.estimatedDurationMinutes));
            from = location(visit);
        }
        return flagged;
    }

    private void flag(Visit visit, Instant estimate, Instant now) {
        visit.atRiskSince = now;
        notifications.aboutAll(visit, NotificationKind.WINDOW_AT_RISK);
        if (visit.ticket == null) {
            return;
        }
        ZoneId zone = visit.region.zone();
        var format = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        Callback.system(visit.ticket, visit.region, CallbackKind.ARRIVAL_RISK, "Arrival at risk: told "
                + format.format(visit.quotedWindowStart.atZone(zone)) + "–" + format.format(visit.quotedWindowEnd
                        .atZone(zone)) + ", now expected about " + format.format(estimate.atZone(zone)) + " ("
                + visit.estimateReason + "). Offer a new window.", now);
    }

    private static Instant waitForAvailability(Visit visit, Instant arrival) {
        for (AvailabilityWindow window : visit.availability) {
            if (!arrival.isAfter(window.endsAt)) {
                return arrival.isBefore(window.startsAt) ? window.startsAt : arrival;
            }
        }
        return arrival;
    }

    private static Location location(Visit visit) {
        return new Location(visit.site.latitude, visit.site.longitude);
    }
}
