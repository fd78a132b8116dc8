package org.tehai.arrival;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.contact.ContactKind;
import org.tehai.contact.ContactLog;
import org.tehai.contact.ContactNote;
import org.tehai.contact.Direction;
import org.tehai.customer.NumberingPlan;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;
import org.tehai.visit.VisitView;

/**
 * "Where is the technician?": the answer an agent reads to a caller, from the plan and the technician's progress.
 * Every answer is logged on the ticket as an arrival inquiry. A dispatcher or agent can re-quote a window that is
 * at risk: the customer gets the new window, the history keeps why.
 */
@ApplicationScoped
public class ArrivalAnswers {

    public enum State {
        NOT_YET_PLANNED, PLANNED, ON_THE_WAY, ON_SITE, DONE
    }

    public record WindowView(OffsetDateTime start, OffsetDateTime end) {
    }

    public record Answer(long ticketId, String ticketNumber, Long visitId, State state, String technicianFirstName,
            Integer visitsBefore, WindowView quotedWindow, OffsetDateTime plannedStart, OffsetDateTime liveEstimate,
            Long delayMinutes, String delayReason, boolean atRisk, Long lastPositionAgeMinutes, String sayToCaller,
            Map<String, String> sentences) {
    }

    @Inject
    ContactLog contacts;

    @Inject
    LiveEstimates estimates;

    @Inject
    Notifications notifications;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    NumberingPlan numbering;

    /** The ticket an answer is about: what the answer names, read without loading the ticket's records. */
    private record Asked(long id, String number, Long incidentId) {
    }

    /**
     * What an answer reads of a visit, in one query with its region's zone and its technician: the plan, the window
     * told and the live estimate that {@link LiveEstimates} stored when the technician last reported.
     */
    private record Waiting(long id, VisitStatus status, Instant plannedStart, Instant quotedWindowStart,
            Instant quotedWindowEnd, Instant estimatedStart, String estimateReason, Instant atRiskSince,
            ZoneId zone, Long technicianId, String technicianFirstName, Instant lastPositionAt) {
    }

    private static final String ASKED = "select t.id, t.number, t.incidentId from Ticket t ";

    /** The ticket's own visits by id, then those of its incident by id; cancelled ones never count. */
    private static final String VISITS = "select v.id, v.status, v.plannedStart, v.quotedWindowStart, "
            + "v.quotedWindowEnd, v.estimatedStart, v.estimateReason, v.atRiskSince, r.timeZone, "
            + "t.id, t.firstName, t.lastPositionAt from Visit v join v.region r left join v.technician t "
            + "where (v.ticket.id = :ticket or v.incidentId = :incident) and v.status <> :cancelled "
            + "order by case when v.ticket.id = :ticket then 0 else 1 end, v.id";

    @Transactional
    public Answer forTicket(long ticketId) {
        if (ticketId <= 0) {
            throw ApiProblem.invalid("id", "The id (" + ticketId + ") must be a number above zero.");
        }
        List<Asked> found = asked(Ticket.getEntityManager().createQuery(ASKED + "where t.id = :id", Object[].class)
                .setParameter("id", ticketId).getResultList());
        if (found.isEmpty()) {
            throw ApiProblem.notFound("ticket", ticketId);
        }
        return answer(found.get(0));
    }

    /** The answers for every open ticket of the caller's number (any format), newest first. */
    @Transactional
    public List<Answer> forPhone(String phone) {
        String normalized = numbering.require("phone", phone);
        Instant dayAgo = Instant.now(clock).minus(Duration.ofDays(1));
        List<Asked> tickets = asked(Ticket.getEntityManager().createQuery(ASKED
                + "where t.customer in (select p.customer from CustomerPhone p where p.normalized = :phone) "
                + "and (t.status in :open or t.closedAt >= :dayAgo) order by t.openedAt desc", Object[].class)
                .setParameter("phone", normalized)
                .setParameter("open", List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS))
                .setParameter("dayAgo", dayAgo).getResultList());
        List<Answer> answers = new ArrayList<>();
        for (Asked ticket : tickets) {
            answers.add(answer(ticket));
        }
        return answers;
    }

    private static List<Asked> asked(List<Object[]> rows) {
        List<Asked> asked = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            asked.add(new Asked((Long) row[0], (String) row[1], (Long) row[2]));
        }
        return asked;
    }

    /**
     * A read of what is stored and the inquiry contact row: nothing is recomputed and no record is loaded as an
     * entity, so an answer costs a few indexed queries and one insert, and every instance answers the same.
     */
    private Answer answer(Asked ticket) {
        Instant now = Instant.now(clock);
        Waiting visit = currentVisit(ticket);
        Answer answer = describe(ticket, visit, now);
        contacts.record(Ticket.getEntityManager().getReference(Ticket.class, ticket.id()), ContactKind.ARRIVAL_INQUIRY,
                Channel.PHONE, Direction.INBOUND,
                ContactNote.arrivalTold(answer.sayToCaller(), answer.sentences().get("ja")), now);
        return answer;
    }

    /** The visit the caller is waiting for: the next open one, else the latest one. */
    private static Waiting currentVisit(Asked ticket) {
        List<Object[]> rows = Visit.getEntityManager().createQuery(VISITS, Object[].class)
                .setParameter("ticket", ticket.id()).setParameter("incident", ticket.incidentId())
                .setParameter("cancelled", VisitStatus.CANCELLED).getResultList();
        Waiting latest = null;
        for (Object[] row : rows) {
            Waiting visit = new Waiting((Long) row[0], (VisitStatus) row[1], (Instant) row[2], (Instant) row[3],
                    (Instant) row[4], (Instant) row[5], (String) row[6], (Instant) row[7], ZoneId.of((String) row[8]),
                    (Long) row[9], (String) row[10], (Instant) row[11]);
            if (visit.status() != VisitStatus.DONE && visit.status() != VisitStatus.INCOMPLETE) {
                return visit;
            }
            latest = visit;
        }
        return latest;
    }

    private Answer describe(Asked ticket, Waiting visit, Instant now) {
        if (visit == null) {
            Map<String, String> sentences = CallerSentences.of(new CallerSentences.Facts(State.NOT_YET_PLANNED, null,
                    null, null, null, null, null));
            return new Answer(ticket.id(), ticket.number(), null, State.NOT_YET_PLANNED, null, null, null, null, null,
                    null, null, false, null, sentences.get(CallerSentences.ENGLISH), sentences);
        }
        ZoneId zone = visit.zone();
        State state = switch (visit.status()) {
            case UNPLANNED, PLANNED, CANCELLED -> State.NOT_YET_PLANNED;
            case DISPATCHED -> State.PLANNED;
            case EN_ROUTE -> State.ON_THE_WAY;
            case ON_SITE -> State.ON_SITE;
            case DONE, INCOMPLETE -> State.DONE;
        };
        String firstName = visit.technicianFirstName();
        Integer before = null;
        if (visit.technicianId() != null && visit.plannedStart() != null && state == State.PLANNED) {
            before = (int) Visit.count("technician.id = ?1 and status in ?2 and plannedStart < ?3 and plannedStart >= ?4",
                    visit.technicianId(), List.of(VisitStatus.DISPATCHED, VisitStatus.EN_ROUTE, VisitStatus.ON_SITE),
                    visit.plannedStart(),
                    visit.plannedStart().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
        }
        WindowView quoted = visit.quotedWindowStart() == null ? null
                : new WindowView(local(visit.quotedWindowStart(), zone), local(visit.quotedWindowEnd(), zone));
        Long delay = visit.estimatedStart() == null || visit.plannedStart() == null ? null
                : Math.max(0, Duration.between(visit.plannedStart(), visit.estimatedStart()).toMinutes());
        Long positionAge = visit.lastPositionAt() == null ? null
                : Duration.between(visit.lastPositionAt(), now).toMinutes();
        boolean late = visit.atRiskSince() != null && visit.estimatedStart() != null && quoted != null;
        Map<String, String> sentences = CallerSentences.of(new CallerSentences.Facts(state, firstName, before, quoted,
                late ? local(visit.estimatedStart(), zone) : null,
                late ? Math.max(0, Duration.between(visit.quotedWindowEnd(), visit.estimatedStart()).toMinutes())
                        : null,
                visit.estimateReason()));
        return new Answer(ticket.id(), ticket.number(), visit.id(), state, firstName, before, quoted,
                local(visit.plannedStart(), zone), local(visit.estimatedStart(), zone), delay, visit.estimateReason(),
                visit.atRiskSince() != null, positionAge, sentences.get(CallerSentences.ENGLISH), sentences);
    }

    /** Every window told to the visit's customer, oldest first, with why. */
    @Transactional
    public List<QuoteView> quotes(long visitId) {
        return QuoteView.historyOf(Records.require(Visit.class, visitId, "visit"));
    }

    /** A new window around the live estimate of a dispatched visit, told to the customer with the reason kept. */
    @Transactional
    public VisitView requote(long visitId, String reason) {
        Visit visit = Records.require(Visit.class, visitId, "visit");
        if (visit.status != VisitStatus.DISPATCHED && visit.status != VisitStatus.EN_ROUTE) {
            throw ApiProblem.conflict("status", "Only a dispatched visit not yet reached gets a new window; this one is "
                    + visit.status + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "Say why the window changes (it is kept in the quote history).");
        }
        LocalDate day = LocalDate.ofInstant(visit.plannedStart, visit.region.zone());
        LiveEstimates.Estimate estimate = estimates.estimate(visit.technician, day).stream()
                .filter(e -> e.visit() == visit).findFirst().orElseThrow();
        visit.estimate(estimate.start(), estimate.lateReason());
        Window window = estimate.window();
        ArrivalQuote.give(visit, null, window, Instant.now(clock), "re-quoted: " + reason.strip());
        notifications.aboutAll(visit, NotificationKind.WINDOW_CHANGED);
        audit.record("VISIT_REQUOTED", "visit", visit.id, window.start() + " - " + window.end() + ": " + reason);
        return VisitView.of(visit);
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
