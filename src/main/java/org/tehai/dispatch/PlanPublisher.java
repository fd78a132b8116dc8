package org.tehai.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.arrival.ArrivalQuote;
import org.tehai.arrival.ArrivalWindows;
import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.arrival.ArrivalWindows.WorkBefore;
import org.tehai.dispatch.PlanSnapshot.Assignment;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.technician.Shift;
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

    /** What publishing did. */
    public record Publication(Plan published, int dispatched, int unassigned, int quoted, int requoted) {
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
        int dispatched = 0;
        int unassigned = 0;
        int quoted = 0;
        int requoted = 0;
        for (Assignment a : assignments) {
            Visit visit = visits.get(a.visitId());
            if (visit == null || visit.status.isFixed()) {
                continue; // started, finished or cancelled since the proposal was made
            }
            if (!a.assigned()) {
                unassigned++;
                if (visit.status != VisitStatus.UNPLANNED) {
                    visit.leaveUnassigned();
                    if (visit.quotedWindowStart != null) {
                        notifications.aboutAll(visit, NotificationKind.WINDOW_AT_RISK);
                    }
                }
                continue;
            }
            dispatched++;
            visit.dispatchTo(Technician.findById(a.technicianId()), Shift.findById(a.shiftId()), a.position(),
                    a.plannedStart());
            boolean hadWindow = visit.quotedWindowStart != null;
            if (hadWindow && new Window(visit.quotedWindowStart, visit.quotedWindowEnd).contains(a.plannedStart())) {
                continue; // the customer's window still holds: do not change what they were told
            }
            Window window = windows.quote(a.arrival(), workBefore(byShift.get(a.shiftId()), a, visits),
                    visit.availableFrom(a.arrival()), visit.region);
            ArrivalQuote.give(visit, published.id, window, now,
                    hadWindow ? "re-planned: arrival moved out of the previous window" : "plan published");
            if (hadWindow) {
                requoted++;
            } else {
                quoted++;
            }
            notifications.aboutAll(visit, hadWindow ? NotificationKind.WINDOW_CHANGED : NotificationKind.WINDOW_QUOTED);
        }
        audit.record("PLAN_PUBLISHED", "plan", published.id, "Published proposal " + proposal.number + " of "
                + proposal.region.code + " " + proposal.workDate + " as version " + published.number + ": "
                + dispatched + " dispatched, " + unassigned + " unassigned, " + quoted + " windows quoted, " + requoted
                + " re-quoted; score " + proposal.score());
        return new Publication(published, dispatched, unassigned, quoted, requoted);
    }

    /** The jobs before this arrival on its route (in route order) and every drive up to it (the first from home). */
    private static WorkBefore workBefore(List<Assignment> route, Assignment target, Map<Long, Visit> visits) {
        List<ArrivalWindows.Job> jobs = new ArrayList<>();
        List<Duration> drives = new ArrayList<>();
        for (Assignment a : route) {
            drives.add(Duration.ofSeconds(Objects.requireNonNullElse(a.travelSeconds(), 0)));
            if (a.visitId() == target.visitId()) {
                break;
            }
            Visit earlier = visits.get(a.visitId());
            jobs.add(new ArrivalWindows.Job(earlier == null ? null : earlier.jobType,
                    Duration.between(a.plannedStart(), a.plannedEnd())));
        }
        return new WorkBefore(jobs, drives);
    }
}
