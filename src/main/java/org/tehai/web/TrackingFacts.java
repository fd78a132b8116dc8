package org.tehai.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.callback.Callback;
import org.tehai.callback.CallbackStatus;
import org.tehai.contact.ContactKind;
import org.tehai.contact.ContactLog;
import org.tehai.contact.ContactNote;
import org.tehai.contact.Direction;
import org.tehai.notification.TrackingLinks;
import org.tehai.notification.TrackingSettings;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Ticket;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/**
 * What the customer's tracking page may show of the one visit its token opens, and nothing else: the window told,
 * the state, the technician's first name, the visits before, the live estimate when it is sure enough, and the
 * customer's own address. A token whose visit ended more than {@link TrackingSettings#expiresAfter()} ago opens
 * nothing, as does a token for a ticket that no longer belongs to the visit.
 */
@ApplicationScoped
public class TrackingFacts {

    /** The live estimate is shown only while the technician's last position is at most this old. */
    static final Duration FRESH_POSITION = Duration.ofMinutes(15);

    /** The state the customer reads. */
    public enum State {
        NOT_YET_PLANNED, PLANNED, ON_THE_WAY, ON_SITE, DONE, NOT_FINISHED, CANCELLED
    }

    /**
     * The page's facts, formatted in the region's zone and the reader's language. {@code ticketId} and
     * {@code regionId} stay on the server (the page shows neither).
     */
    public record Tracked(long visitId, long ticketId, String ticketNumber, State state, String day, String window,
            String technician, Integer visitsBefore, String estimate, boolean atRisk, String address,
            boolean rebookable, boolean open, boolean callbackDue) {
    }

    @Inject
    TrackingLinks links;

    @Inject
    TrackingSettings settings;

    @Inject
    ContactLog contacts;

    @Inject
    Clock clock;

    /** The facts of the token's visit, logged on the ticket as a tracking view; empty for anything else. */
    @Transactional
    public Optional<Tracked> look(String token, Locale language) {
        Optional<Tracked> facts = facts(token, language);
        facts.ifPresent(f -> contacts.record(Ticket.findById(f.ticketId()), ContactKind.TRACKING_VIEW, Channel.WEB,
                Direction.INBOUND, ContactNote.trackingView(String.valueOf(f.state())), Instant.now(clock)));
        return facts;
    }

    /** The same facts without logging a view: the page after a button. */
    @Transactional
    public Optional<Tracked> facts(String token, Locale language) {
        return links.open(token).flatMap(opened -> {
            Visit visit = Visit.findById(opened.visitId());
            Ticket ticket = Ticket.findById(opened.ticketId());
            if (visit == null || ticket == null || !belongs(visit, ticket) || expired(visit)) {
                return Optional.empty();
            }
            return Optional.of(describe(visit, ticket, language));
        });
    }

    private static boolean belongs(Visit visit, Ticket ticket) {
        return visit.ticket != null ? visit.ticket.id.equals(ticket.id)
                : visit.incidentId != null && visit.incidentId.equals(ticket.incidentId);
    }

    private boolean expired(Visit visit) {
        if (!List.of(VisitStatus.DONE, VisitStatus.INCOMPLETE, VisitStatus.CANCELLED).contains(visit.status)) {
            return false;
        }
        // A cancelled visit keeps no time of its own: its last change is when it was cancelled.
        Instant ended = visit.actualDeparture != null ? visit.actualDeparture : visit.updatedAt;
        return ended == null || Instant.now(clock).isAfter(ended.plus(settings.expiresAfter()));
    }

    /** A day as the customer reads it: 4月9日(火), Tuesday 9 April. */
    static DateTimeFormatter dayFormat(Locale language) {
        return DateTimeFormatter.ofPattern(language.getLanguage().equals("ja") ? "M月d日(E)" : "EEEE d MMMM", language);
    }

    private Tracked describe(Visit visit, Ticket ticket, Locale language) {
        ZoneId zone = visit.region.zone();
        Instant now = Instant.now(clock);
        State state = switch (visit.status) {
            case UNPLANNED, PLANNED -> State.NOT_YET_PLANNED;
            case DISPATCHED -> State.PLANNED;
            case EN_ROUTE -> State.ON_THE_WAY;
            case ON_SITE -> State.ON_SITE;
            case DONE -> State.DONE;
            case INCOMPLETE -> State.NOT_FINISHED;
            case CANCELLED -> State.CANCELLED;
        };
        DateTimeFormatter dayFormat = dayFormat(language);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        String day = visit.quotedWindowStart == null ? null : dayFormat.format(visit.quotedWindowStart.atZone(zone));
        String window = visit.quotedWindowStart == null ? null
                : time.format(visit.quotedWindowStart.atZone(zone)) + "–" + time.format(visit.quotedWindowEnd.atZone(zone));
        // The first name only: never the surname, the phone or where the technician is.
        String technician = visit.technician != null && state != State.NOT_YET_PLANNED && state != State.CANCELLED
                ? visit.technician.firstName : null;
        Integer before = null;
        if (state == State.PLANNED && visit.technician != null && visit.plannedStart != null) {
            LocalDate date = visit.plannedStart.atZone(zone).toLocalDate();
            before = (int) Visit.count("technician = ?1 and status in ?2 and plannedStart < ?3 and plannedStart >= ?4",
                    visit.technician, List.of(VisitStatus.DISPATCHED, VisitStatus.EN_ROUTE, VisitStatus.ON_SITE),
                    visit.plannedStart, date.atStartOfDay(zone).toInstant());
        } else if (state == State.ON_THE_WAY) {
            before = 0;
        }
        boolean fresh = visit.technician != null && visit.technician.lastPositionAt != null
                && !visit.technician.lastPositionAt.isBefore(now.minus(FRESH_POSITION));
        String estimate = (state == State.PLANNED || state == State.ON_THE_WAY) && fresh && visit.estimatedStart != null
                && visit.estimatedStart.isAfter(now) ? time.format(visit.estimatedStart.atZone(zone)) : null;
        // The customer's own address, never the place of shared equipment an incident's visit goes to.
        String address = ticket.site == null ? null
                : "ja".equals(language.getLanguage()) ? ticket.site.addressLineJapanese() : ticket.site.addressLine();
        boolean open = VisitStatus.ACTIVE.contains(visit.status) && state != State.ON_SITE;
        boolean callbackDue = Callback.count("ticket = ?1 and status = ?2", ticket, CallbackStatus.DUE) > 0;
        return new Tracked(visit.id, ticket.id, ticket.number, state, day, window, technician, before, estimate,
                visit.atRiskSince != null && open, address, visit.ticket != null
                        && (visit.status == VisitStatus.UNPLANNED || visit.status == VisitStatus.PLANNED),
                open, callbackDue);
    }
}
