package org.tehai.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.ticket.Ticket;
import org.tehai.visit.Visit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Writes customer notifications into the outbox, inside the caller's transaction: a window quoted together with
 * the plan that quotes it, or not at all. {@link NotificationDelivery} sends them. Every notification but "done"
 * carries the customer's tracking link ({@link TrackingLinks}). A message is in the customer's language: Japanese for a
 * customer whose language is Japanese, English otherwise (also when no language is recorded).
 */
@ApplicationScoped
public class Notifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TrackingLinks tracking;

    /**
     * Tells every customer a visit concerns: the ticket's customer, or for a visit to shared equipment (an
     * incident) the customer of each open ticket linked to the incident.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> aboutAll(Visit visit, NotificationKind kind) {
        if (visit.ticket != null) {
            return List.of(about(visit, visit.ticket, kind));
        }
        if (visit.incidentId == null) {
            return List.of();
        }
        List<Notification> sent = new ArrayList<>();
        for (Ticket ticket : Ticket.<Ticket>list("incidentId = ?1 order by id", visit.incidentId)) {
            if (ticket.status.isOpen()) {
                sent.add(about(visit, ticket, kind));
            }
        }
        return sent;
    }

    /** Tells the customer of a visit something about it; the text is composed here, the gateway only sends it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification about(Visit visit, NotificationKind kind) {
        if (visit.ticket == null) {
            throw new IllegalArgumentException("The visit (" + visit.id + ") serves an incident, not one customer.");
        }
        return about(visit, visit.ticket, kind);
    }

    private Notification about(Visit visit, Ticket ticket, NotificationKind kind) {
        ZoneId zone = visit.region.zone();
        var notification = new Notification();
        notification.kind = kind;
        notification.customer = ticket.customer;
        notification.ticket = ticket;
        notification.visit = visit;
        notification.recipientPhone = ticket.contactPhone();
        notification.recipientEmail = ticket.customer.email;
        boolean japanese = inJapanese(ticket.customer.language);
        notification.language = japanese ? "ja" : "en";
        String link = kind == NotificationKind.VISIT_DONE ? null : tracking.linkFor(visit.id, ticket.id);
        notification.message = japanese
                ? messageJa(visit, ticket, kind, zone) + (link == null ? "" : " 訪問の状況はこちらでご確認いただけます: " + link)
                : message(visit, ticket, kind, zone) + (link == null ? "" : " Follow your visit: " + link);
        notification.createdAt = Instant.now(clock);
        notification.nextAttemptAt = notification.createdAt;
        notification.payload = payload(notification, visit, ticket, link);
        notification.persist();
        return notification;
    }

    /**
     * The language of a customer's messages: Japanese when the customer's language is Japanese ({@code ja},
     * {@code ja-JP}), English for any other and when none is recorded.
     */
    static boolean inJapanese(String customerLanguage) {
        return customerLanguage != null && customerLanguage.strip().toLowerCase(Locale.ROOT).matches("ja([-_].*)?");
    }

    private static final DateTimeFormatter DAY_JA = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** The quoted window as "10:00–11:00" in the region's time; empty when none is quoted. */
    private static String window(Visit visit, ZoneId zone) {
        return visit.quotedWindowStart == null ? "" : TIME.format(visit.quotedWindowStart.atZone(zone)) + "–"
                + TIME.format(visit.quotedWindowEnd.atZone(zone));
    }

    /** The quoted window's day in {@code format}; empty when none is quoted. */
    private static String day(Visit visit, ZoneId zone, DateTimeFormatter format) {
        return visit.quotedWindowStart == null ? "" : format.format(visit.quotedWindowStart.atZone(zone));
    }

    private static String messageJa(Visit visit, Ticket ticket, NotificationKind kind, ZoneId zone) {
        String window = window(visit, zone);
        String day = day(visit, zone, DAY_JA);
        return switch (kind) {
            case WINDOW_QUOTED -> "ご依頼(" + ticket.number + ")の技術者の訪問は" + day + " " + window + "の間です。";
            case WINDOW_CHANGED -> "技術者の訪問時間(" + ticket.number + ")が変わりました: " + day + " " + window + "の間です。";
            case WINDOW_AT_RISK -> "技術者の到着が" + window + "より遅れるおそれがあります(" + ticket.number
                    + ")。新しい時間をお電話でお知らせします。";
            case TECHNICIAN_ON_THE_WAY -> "技術者がお客様のところへ向かっています(" + ticket.number + ")。";
            case VISIT_DONE -> "ご依頼(" + ticket.number + ")の技術者の訪問が完了しました。ありがとうございました。";
        };
    }

    private static String message(Visit visit, Ticket ticket, NotificationKind kind, ZoneId zone) {
        String window = window(visit, zone);
        String day = day(visit, zone, DAY_EN);
        return switch (kind) {
            case WINDOW_QUOTED -> "Your technician visit for " + ticket.number + " is on " + day + " between "
                    + window + ".";
            case WINDOW_CHANGED -> "New time for your technician visit (" + ticket.number + "): " + day
                    + " between " + window + ".";
            case WINDOW_AT_RISK -> "Your technician may arrive later than " + window + " (" + ticket.number
                    + "). We will call you with a new time.";
            case TECHNICIAN_ON_THE_WAY -> "Your technician is on the way (" + ticket.number + ").";
            case VISIT_DONE -> "Your technician visit for " + ticket.number + " is complete. Thank you.";
        };
    }

    /** The gateway's document; {@code trackingUrl} is the customer's link to the visit's page (null once done). */
    private String payload(Notification notification, Visit visit, Ticket ticket, String trackingUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", notification.kind.name());
        body.put("ticket", ticket.number);
        body.put("visitId", visit.id);
        body.put("customer", ticket.customer.name);
        body.put("phone", notification.recipientPhone);
        body.put("email", notification.recipientEmail);
        body.put("language", notification.language);
        body.put("message", notification.message);
        body.put("windowStart", visit.quotedWindowStart == null ? null : visit.quotedWindowStart.toString());
        body.put("windowEnd", visit.quotedWindowEnd == null ? null : visit.quotedWindowEnd.toString());
        body.put("trackingUrl", trackingUrl);
        body.put("createdAt", notification.createdAt.toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the notification of visit (" + visit.id + ").", e);
        }
    }

    /** Notifications by delivery state and ticket, oldest first. */
    public Page<NotificationView> search(DeliveryStatus delivery, Long ticketId, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (delivery != null) {
            where.append(" and status = :status");
            parameters.and("status", delivery);
        }
        if (ticketId != null) {
            where.append(" and ticket.id = :ticket");
            parameters.and("ticket", ticketId);
        }
        return Page.of(Notification.find(where.toString(), Sort.by("id"), parameters), paging,
                NotificationView::of);
    }
}
