package org.tehai.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.arrival.ArrivalQuote;
import org.tehai.arrival.ArrivalWindows;
import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.arrival.DaySamples;
import org.tehai.arrival.LiveEstimates;
import org.tehai.dispatch.PlanSnapshot.Assignment;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.technician.Shift;
import org.tehai.technician.ShiftBreak;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/**
 * Makes a proposal the published plan of its region-day: a new published version (the previous one is kept,
 * superseded), visits dispatched to their technician in route order with their planned start, a window quoted to
 * each customer whose arrival moved out of the window they had (or who had none), and the customers told.
 */
@ApplicationScoped
public class PlanPublisher {

    @Inject
    PlanStore store;

    @Inject
    ArrivalWindows windows;

    @Inject
    Notifications notifications;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** What publishing did; {@code notified}: the notifications written to customers (quoted, changed, at risk). */
    public record Publication(Plan published, int dispatched, int unassigned, int quoted, int requoted,
            int notified) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Publication publish(Plan proposal, String actor) {
        if (proposal.kind != PlanKind.PROPOSAL || !(proposal.status == PlanStatus.DONE
                || proposal.status == PlanStatus.STOPPED || (proposal.live && proposal.status == PlanStatus.SOLVING))) {
            throw ApiProblem.conflict("status", "The proposal " + proposal.number + " is " + proposal.status
                    + "; only a finished or stopped proposal (or a live one) can be published.");
        }
        if (proposal.hardScore == null) {
            throw ApiProblem.conflict("status", "The proposal " + proposal.number + " has no plan yet.");
        }
        Instant now = Instant.now(clock);
        Plan previous = Plan.currentPublished(proposal.region, proposal.workDate);
        if (previous != null) {
            previous.status = PlanStatus.SUPERSEDED;
            previous.flush();
        }
        Plan published = new Plan();
        published.region = proposal.region;
        published.workDate = proposal.workDate;
        published.number = Plan.nextNumber(proposal.region, proposal.workDate);
        published.kind = PlanKind.PUBLISHED;
        published.status = PlanStatus.CURRENT;
        published.basedOnPlan = proposal;
        published.hardScore = proposal.hardScore;
        published.mediumScore = proposal.mediumScore;
        published.softScore = proposal.softScore;
        published.assignedCount = proposal.assignedCount;
        published.unassignedCount = proposal.unassignedCount;
        published.requestedBy = proposal.requestedBy;
        published.requestedAt = proposal.requestedAt;
        published.publishedBy = actor;
        published.publishedAt = now;
        published.persist();
        store.copy(proposal, published);
        if (!proposal.live) {
            proposal.status = PlanStatus.ACCEPTED;
        }

        List<Assignment> assignments = store.assignments(proposal);
        Map<Long, List<Assignment>> byShift = new HashMap<>();
        for (Assignment a : assignments) {
            if (a.assigned()) {
                byShift.computeIfAbsent(a.shiftId(), s -> new ArrayList<>()).add(a);
            }
        }
        byShift.values().forEach(route -> route.sort(Comparator.comparingInt(Assignment::position)));
        Map<Long, Visit> visits = new HashMap<>();
        Visit.<Visit>list("id in ?1", assignments.stream().map(Assignment::visitId).toList())
                .forEach(v -> visits.put(v.id, v));
        int unassigned = 0;
        Tally tally = new Tally();
        for (Assignment a : assignments) {
            Visit visit = visits.get(a.visitId());
            if (a.assigned() || visit == null || visit.status.isFixed()) {
                continue; // placed below; or started, finished or cancelled since the proposal was made
            }
            unassigned++;
            if (visit.status != VisitStatus.UNPLANNED) {
                visit.leaveUnassigned();
                if (visit.quotedWindowStart != null) {
                    tally.notified += notifications.aboutAll(visit, NotificationKind.WINDOW_AT_RISK).size();
                }
            }
        }
        for (List<Assignment> route : byShift.values()) {
            dispatchRoute(route, visits, published, now, tally);
        }
        int dispatched = tally.dispatched;
        int quoted = tally.quoted;
        int requoted = tally.requoted;
        audit.record("PLAN_PUBLISHED", "plan", published.id, "Published proposal " + proposal.number + " of "
                + proposal.region.code + " " + proposal.workDate + " as version " + published.number + ": "
                + dispatched + " dispatched, " + unassigned + " unassigned, " + quoted + " windows quoted, " + requoted
                + " re-quoted; score " + proposal.score());
        return new Publication(published, dispatched, unassigned, quoted, requoted, tally.notified);
    }

    private static final class Tally {
        int dispatched;
        int quoted;
        int requoted;
        int notified;
    }

    /**
     * Dispatches one technician's route in order and quotes its windows from draws of the day ahead
     * ({@link ArrivalWindows#sampleDay}): from the shift's start (or now, or the end of the last visit already started),
     * each visit's planned drive (the gap the plan leaves before its arrival, less the plan's break, which the draws
     * take where the technician will) and job. A customer whose window still holds the new planned start keeps it,
     * and the draws wait for its start.
     */
    private void dispatchRoute(List<Assignment> route, Map<Long, Visit> visits, Plan published, Instant now,
            Tally tally) {
        Shift shift = Shift.findById(route.get(0).shiftId());
        Technician technician = Technician.findById(route.get(0).technicianId());
        Instant shiftStart = shift == null ? now : shift.startsAt;
        Instant from = shiftStart.isAfter(now) ? shiftStart : now;
        Instant previousEnd = shiftStart;
        for (Assignment a : route) {
            Visit visit = visits.get(a.visitId());
            if (visit != null && visit.status.isFixed() && a.plannedEnd() != null) {
                previousEnd = a.plannedEnd();
                from = a.plannedEnd().isAfter(from) ? a.plannedEnd() : from;
            }
        }
        ShiftBreak pending = shift == null || shift.breaks.isEmpty() || LiveEstimates.breakTaken(technician, shift)
                ? null : shift.breaks.get(0);
        DaySamples day = windows.sampleDay(from, pending == null ? null : pending.earliestStart,
                pending == null ? null : Duration.ofMinutes(pending.durationMinutes), route.get(0).shiftId());
        for (Assignment a : route) {
            Visit visit = visits.get(a.visitId());
            if (visit == null || visit.status.isFixed()) {
                continue; // started, finished or cancelled since the proposal was made
            }
            long gap = Duration.between(previousEnd, a.arrival()).toSeconds()
                    - (a.breakBefore() && pending != null ? Duration.ofMinutes(pending.durationMinutes).toSeconds() : 0);
            DaySamples.Stop stop = new DaySamples.Stop(Duration.ofSeconds(Math.max(0, gap)),
                    windows.driveCv(visit.region, a.arrival()), visit.jobType,
                    Duration.between(a.plannedStart(), a.plannedEnd()), visit::availableFrom);
            previousEnd = a.plannedEnd();
            Window fresh = day.next(stop);
            tally.dispatched++;
            visit.dispatchTo(technician, shift, a.position(), a.plannedStart());
            boolean hadWindow = visit.quotedWindowStart != null;
            Window told = hadWindow ? new Window(visit.quotedWindowStart, visit.quotedWindowEnd) : null;
            if (told != null && told.contains(a.plannedStart())) {
                day.told(told, stop); // the customer's window still holds: do not change what they were told
                continue;
            }
            ArrivalQuote.give(visit, published.id, fresh, now,
                    hadWindow ? "re-planned: arrival moved out of the previous window" : "plan published");
            day.told(fresh, stop);
            if (hadWindow) {
                tally.requoted++;
            } else {
                tally.quoted++;
            }
            tally.notified += notifications.aboutAll(visit,
                    hadWindow ? NotificationKind.WINDOW_CHANGED : NotificationKind.WINDOW_QUOTED).size();
        }
    }
}
