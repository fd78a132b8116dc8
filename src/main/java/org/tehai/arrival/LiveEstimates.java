package org.tehai.arrival;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.tehai.callback.Callback;
import org.tehai.callback.CallbackKind;
import org.tehai.callback.CallbackTexts;
import org.tehai.field.TechnicianEvent;
import org.tehai.field.TechnicianEventType;
import org.tehai.field.TechnicianReported;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.planning.Location;
import org.tehai.routing.TravelTimes;
import org.tehai.technician.Shift;
import org.tehai.technician.ShiftBreak;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;
import org.tehai.visit.VisitStatus;

/**
 * Re-estimates the rest of a technician's day from what actually happened: the visit on site (it ends at its
 * arrival plus its duration, or about when the technician said it will end, or now if it already took longer), the
 * last finished visit, or the last position on the way; then every remaining visit in route order, driving, taking
 * the break if it is still due, waiting for the customer's availability and for the start of the window they were
 * told, and working its estimated duration. Jobs of a type that usually overruns move the estimate later
 * ({@link JobDurations}).
 *
 * <p>The rest of the day is also drawn many times ({@link DaySamples}): the job on site ends as jobs of its type end
 * once they have lasted this long, the drives and jobs ahead spread as learned, the break falls where it falls. A
 * visit is flagged at risk once per quote when the share of draws arriving after the end of the window its customer
 * was told reaches {@code tehai.arrival.risk-threshold}, so how far past (or short of) the window's end the estimate
 * must be depends on how much uncertain work still lies before the visit. The desk gets an
 * ARRIVAL_RISK call-back and the customer a notification. A visit whose day goes to plan gets a narrower window
 * once less work lies before it: the fresh window must lie inside the one told and be at least
 * {@code tehai.arrival.narrow-by} narrower (and a quarter of its width), so the customer is told a better time, never
 * a different one.
 */
@ApplicationScoped
public class LiveEstimates {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final Logger LOG = Logger.getLogger(LiveEstimates.class);

    @Inject
    TravelTimes travelTimes;

    @Inject
    Notifications notifications;

    @Inject
    ArrivalWindows windows;

    @Inject
    JobDurations durations;

    @Inject
    TimeLeftGuesses guesses;

    @Inject
    Clock clock;

    @Inject
    ArrivalSettings settings;

    /**
     * One visit still ahead of a technician, as it looks now: the expected service start, why it is late (null: it
     * is not), the window that would be quoted now from the work still before it, and the chance of arriving after
     * the end of the window the customer was told (0 when none was), both from draws of the rest of the day
     * ({@link DaySamples}).
     */
    public record Estimate(Visit visit, Instant start, String lateReason, ArrivalWindows.Window window,
            double chanceLate) {
    }

    /**
     * A technician's report re-estimates the rest of the day, in the transaction that applied it; a completed visit
     * first makes the learned job durations be read again.
     */
    void onReport(@Observes TechnicianReported report) {
        if (report.visitCompleted()) {
            durations.forget();
            guesses.forget();
        }
        reestimate(report.technician(), report.at());
    }

    /** Re-estimates the technician's day around {@code at} and flags visits at risk; returns the visits flagged now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Visit> reestimate(Technician technician, Instant at) {
        Instant now = Instant.now(clock);
        List<Visit> flagged = new ArrayList<>();
        for (Estimate estimate : estimate(technician, LocalDate.ofInstant(at, technician.region.zone()))) {
            Visit visit = estimate.visit();
            visit.estimate(estimate.start(), estimate.lateReason());
            if (visit.quotedWindowEnd != null && estimate.chanceLate() >= settings.riskThreshold()) {
                if (visit.atRiskSince == null) {
                    LOG.infof("Visit %d of %s at risk at %s: window %s-%s, %.0f%% of the draws after its end, expected "
                            + "start %s, a window now %s-%s (%s)", visit.id, technician.login, now,
                            visit.quotedWindowStart, visit.quotedWindowEnd, 100 * estimate.chanceLate(),
                            estimate.start(), estimate.window().start(), estimate.window().end(),
                            visit.estimateReason);
                    flag(visit, estimate.start(), now);
                    flagged.add(visit);
                }
            } else if (visit.quotedWindowStart != null && visit.atRiskSince == null) {
                narrowIfBetter(visit, estimate.window(), now);
            }
        }
        return flagged;
    }

    /** The rest of the technician's route of {@code day} as it looks now, in route order; nothing is written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Estimate> estimate(Technician technician, LocalDate day) {
        List<Visit> route = Visits.routeOf(technician, day);
        List<Visit> remaining = route.stream()
                .filter(v -> v.status == VisitStatus.DISPATCHED || v.status == VisitStatus.EN_ROUTE).toList();
        if (remaining.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now(clock);
        Shift shift = Shift.find(technician.id, day);
        Instant ready;
        Location from;
        String reason = null;
        Visit onSite = route.stream().filter(v -> v.status == VisitStatus.ON_SITE).findFirst().orElse(null);
        Visit lastDone = route.stream().filter(v -> v.actualDeparture != null)
                .max(Comparator.comparing(v -> v.actualDeparture)).orElse(null);
        // How technicians' words of the time left turn out; null when the technician on site has said nothing.
        JobDurations.Spread words = onSite != null && reported(onSite) ? guesses.spread() : null;
        if (onSite != null) {
            // The job is expected to end as jobs of its type do, or as the technician said ("about 40 more minutes")
            // weighed with them; one already running past that ends a little later.
            Duration planned = Duration.ofMinutes(onSite.estimatedDurationMinutes);
            Instant expectedEnd = words != null ? DaySamples.reportedEnd(durations.of(onSite.jobType), words, planned,
                    onSite.actualArrival, onSite.expectedDoneReportedAt, onSite.expectedDoneAt)
                    : onSite.actualArrival.plus(planned).plus(durations.of(onSite.jobType).bias(planned));
            Instant soonest = now.plus(Duration.ofMinutes(Math.max(5, onSite.estimatedDurationMinutes / 10)));
            ready = expectedEnd.isAfter(soonest) ? expectedEnd : soonest;
            from = location(onSite);
            if (onSite.plannedStart != null && ready.isAfter(onSite.plannedStart.plus(planned)
                    .plus(Duration.ofMinutes(10)))) {
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
        boolean started = onSite != null || lastDone != null || route.stream().anyMatch(v -> v.status
                == VisitStatus.EN_ROUTE);
        if (shift != null && !now.isBefore(shift.endsAt)) {
            reason = "technician off shift";
        }
        ShiftBreak pendingBreak = shift == null || shift.breaks.isEmpty() || breakTaken(technician, shift)
                ? null : shift.breaks.get(0);
        // The rest of the day drawn many times: its spread makes the live window and the chance of being late.
        DaySamples draws = windows.sampleDay(ready, started ? now : null,
                pendingBreak == null ? null : pendingBreak.earliestStart,
                pendingBreak == null ? null : Duration.ofMinutes(pendingBreak.durationMinutes), technician.id);
        if (words != null) {
            draws.workingAsReported(onSite.jobType, words,
                    Duration.ofMinutes(onSite.estimatedDurationMinutes), onSite.actualArrival,
                    onSite.expectedDoneReportedAt, onSite.expectedDoneAt, now);
        } else if (onSite != null) {
            draws.working(onSite.jobType, Duration.ofMinutes(onSite.estimatedDurationMinutes), onSite.actualArrival,
                    now);
        }
        List<ArrivalWindows.Job> jobsBefore = new ArrayList<>();
        List<Estimate> estimates = new ArrayList<>();
        for (Visit visit : remaining) {
            boolean underWay = visit.status == VisitStatus.EN_ROUTE;
            if (pendingBreak != null && !ready.isBefore(pendingBreak.earliestStart) && !underWay) {
                ready = ready.plus(Duration.ofMinutes(pendingBreak.durationMinutes));
                pendingBreak = null;
            }
            Duration drive = travelTimes.drive(technician.region.id, technician.region.zone(), from, location(visit),
                    ready);
            Instant arrival = ready.plus(drive);
            if (started && arrival.isBefore(now)) {
                arrival = now;
            }
            Instant expected = windows.expected(arrival, new ArrivalWindows.WorkBefore(jobsBefore, List.of()));
            Instant start = waitForCustomer(visit, expected);
            boolean late = visit.plannedStart != null && start.isAfter(visit.plannedStart.plus(Duration.ofMinutes(10)));
            DaySamples.Stop stop = new DaySamples.Stop(drive, windows.driveCv(technician.region, arrival),
                    visit.jobType, Duration.ofMinutes(visit.estimatedDurationMinutes), visit::availableFrom, underWay);
            ArrivalWindows.Window fresh = draws.next(stop);
            double chanceLate = visit.quotedWindowEnd == null ? 0 : draws.shareAfter(visit.quotedWindowEnd);
            estimates.add(new Estimate(visit, start, late ? (reason == null ? "running late" : reason) : null, fresh,
                    chanceLate));
            draws.told(visit.quotedWindowStart == null ? null
                    : new ArrivalWindows.Window(visit.quotedWindowStart, visit.quotedWindowEnd), stop);
            // Later arrivals: from the planned durations, moved by how much jobs of these types usually overrun.
            ready = waitForCustomer(visit, arrival).plus(Duration.ofMinutes(visit.estimatedDurationMinutes));
            jobsBefore.add(new ArrivalWindows.Job(visit.jobType, Duration.ofMinutes(visit.estimatedDurationMinutes)));
            from = location(visit);
        }
        return estimates;
    }

    /** Whether the technician on site has said when the job will end, since arriving. */
    private static boolean reported(Visit onSite) {
        return onSite.expectedDoneAt != null && onSite.expectedDoneReportedAt != null
                && !onSite.expectedDoneReportedAt.isBefore(onSite.actualArrival);
    }

    /** Tells the customer a narrower window when the fresh one lies inside the one told and is clearly narrower. */
    private void narrowIfBetter(Visit visit, ArrivalWindows.Window fresh, Instant now) {
        ArrivalWindows.Window told = new ArrivalWindows.Window(visit.quotedWindowStart, visit.quotedWindowEnd);
        long gain = told.widthMinutes() - fresh.widthMinutes();
        if (fresh.start().isBefore(told.start()) || fresh.end().isAfter(told.end()) || fresh.end().isBefore(now)
                || gain < settings.narrowBy().toMinutes() || gain * 4 < told.widthMinutes()) {
            return;
        }
        ArrivalQuote.give(visit, null, fresh, now, "narrowed: the technician's day is going to plan");
        notifications.aboutAll(visit, NotificationKind.WINDOW_CHANGED);
    }

    /** Whether the technician has started a break during {@code shift}. */
    public static boolean breakTaken(Technician technician, Shift shift) {
        return TechnicianEvent.count("technician = ?1 and type = ?2 and occurredAt >= ?3 and occurredAt < ?4",
                technician, TechnicianEventType.BREAK_STARTED, shift.startsAt.minus(Duration.ofHours(2)),
                shift.endsAt.plus(Duration.ofHours(6))) > 0;
    }

    private void flag(Visit visit, Instant estimate, Instant now) {
        visit.flagAtRisk(now);
        notifications.aboutAll(visit, NotificationKind.WINDOW_AT_RISK);
        if (visit.ticket == null) {
            return;
        }
        ZoneId zone = visit.region.zone();
        var format = HOURS_MINUTES;
        Callback.system(visit.ticket, visit.region, CallbackKind.ARRIVAL_RISK, CallbackTexts.arrivalAtRisk(
                format.format(visit.quotedWindowStart.atZone(zone)) + "–" + format.format(visit.quotedWindowEnd
                        .atZone(zone)), format.format(estimate.atZone(zone)),
                visit.estimateReason == null ? "little margin left" : visit.estimateReason), now);
    }

    /**
     * The customer is not there before their availability, and a technician does not ring before the window the
     * customer was told: service starts at the later of the two.
     */
    private static Instant waitForCustomer(Visit visit, Instant arrival) {
        Instant start = arrival;
        Instant available = visit.availableFrom(arrival);
        if (available != null && start.isBefore(available)) {
            start = available;
        }
        if (visit.quotedWindowStart != null && start.isBefore(visit.quotedWindowStart)) {
            start = visit.quotedWindowStart;
        }
        return start;
    }

    private static Location location(Visit visit) {
        return new Location(visit.site.latitude, visit.site.longitude);
    }
}
