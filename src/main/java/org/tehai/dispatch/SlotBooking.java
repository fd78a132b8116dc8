package org.tehai.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.Size;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.arrival.ArrivalQuote;
import org.tehai.arrival.ArrivalWindows;
import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.arrival.QuoteView;
import org.tehai.notification.NotificationKind;
import org.tehai.notification.Notifications;
import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;
import org.tehai.visit.VisitView;

/**
 * Booking the window a caller takes for a visit not yet dispatched: the window offered by {@link SlotSearch} (by its
 * option id) or one agreed on the phone. The window becomes the visit's only availability window and the window
 * quoted to the customer (kept in the quote history, a "window quoted" notification in the outbox, an audit entry).
 * The visit's version changes, so a live re-planning of the day takes the new window on its next look at the
 * database.
 */
@ApplicationScoped
public class SlotBooking {

    /** Visits whose time can still be offered and booked. */
    static final List<VisitStatus> OPEN = List.of(VisitStatus.UNPLANNED, VisitStatus.PLANNED);
    static final Duration MIN_BOOKING = Duration.ofMinutes(30);
    static final Duration MAX_BOOKING = Duration.ofDays(1);

    @Inject
    Notifications notifications;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    public record WindowView(OffsetDateTime start, OffsetDateTime end) {
    }

    /** The body of {@code POST /api/visits/{id}/booking}: a window ({@code start}, {@code end}) or an option id. */
    public record BookingRequest(OffsetDateTime start, OffsetDateTime end, @Size(max = 200) String optionId) {
    }

    /**
     * What booking did: the visit as it now is, the booked window and the visit's quote history, oldest first (as
     * {@code GET /api/visits/{id}/quotes} shows it).
     */
    public record Booking(VisitView visit, WindowView window, List<QuoteView> quoteHistory) {
    }

    /** Books a window for the visit; the request is checked in full before anything is written. */
    @Transactional
    public Booking book(long visitId, BookingRequest request, String actor) {
        Visit visit = Records.require(Visit.class, visitId, "visit");
        requireOpen(visit);
        ZoneId zone = visit.region.zone();
        Window window = requestedWindow(visit, request, zone);
        Instant now = Instant.now(clock);
        if (!window.end().isAfter(now)) {
            throw ApiProblem.invalid("end", "The window ends (" + local(window.end(), zone) + ") in the past.");
        }
        Duration width = Duration.between(window.start(), window.end());
        if (width.compareTo(MIN_BOOKING) < 0) {
            throw ApiProblem.invalid("end", "The window is " + width.toMinutes() + " minutes wide; book at least "
                    + MIN_BOOKING.toMinutes() + " minutes.");
        }
        if (width.compareTo(MAX_BOOKING) > 0) {
            throw ApiProblem.invalid("end", "The window is longer than a day; book at most " + MAX_BOOKING.toHours()
                    + " hours.");
        }
        visit.bookedFor(window.start(), window.end());
        ArrivalQuote.give(visit, null, window, now, "booked by " + actor);
        notifications.aboutAll(visit, NotificationKind.WINDOW_QUOTED);
        audit.record("VISIT_BOOKED", "visit", visit.id, "Booked " + local(window.start(), zone) + " - "
                + local(window.end(), zone)
                + (request.optionId() == null ? "" : " (option " + request.optionId() + ")"));
        visit.flush();
        List<QuoteView> history = QuoteView.historyOf(visit);
        return new Booking(VisitView.of(visit), new WindowView(local(window.start(), zone), local(window.end(), zone)),
                history);
    }

    /** The window of the request: {@code start} and {@code end}, or the window an option id stands for. */
    private static Window requestedWindow(Visit visit, BookingRequest request, ZoneId zone) {
        if (request == null || (request.start() == null && request.end() == null && request.optionId() == null)) {
            throw ApiProblem.invalid("start", "Send the window to book: start and end (ISO date-times with offset), "
                    + "or the optionId of a slot option.");
        }
        if (request.optionId() != null) {
            if (request.start() != null || request.end() != null) {
                throw ApiProblem.invalid("optionId", "Send either an optionId or start and end, not both.");
            }
            return SlotOptionId.parse(visit.id, request.optionId()).window();
        }
        if (request.start() == null) {
            throw ApiProblem.invalid("start", "The window needs a start.");
        }
        if (request.end() == null) {
            throw ApiProblem.invalid("end", "The window needs an end.");
        }
        if (!request.end().toInstant().isAfter(request.start().toInstant())) {
            throw ApiProblem.invalid("end", "The window ends (" + local(request.end().toInstant(), zone)
                    + ") before it starts (" + local(request.start().toInstant(), zone) + ").");
        }
        return new Window(request.start().toInstant(), request.end().toInstant());
    }

    static void requireOpen(Visit visit) {
        if (!OPEN.contains(visit.status)) {
            throw ApiProblem.conflict("status", "The visit is " + visit.status + "; only a visit not yet dispatched "
                    + "(UNPLANNED or PLANNED) can be offered slots or booked.");
        }
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
