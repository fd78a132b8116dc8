package org.tehai.arrival;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.visit.Visit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One window told to a customer for a visit; the history of a visit is its quotes in time order. */
@Entity
@Table(name = "arrival_quote")
public class ArrivalQuote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Visit visit;
    /** The published plan the window came from; null when it came from a booking, a call or the live estimate. */
    @Column(name = "plan_id")
    public Long planId;
    public Instant windowStart;
    public Instant windowEnd;
    public Instant quotedAt;
    public String reason;

    /** Tells the visit's customer a new window: the visit carries it, the history keeps it with the reason. */
    public static ArrivalQuote give(Visit visit, Long planId, ArrivalWindows.Window window, Instant at, String reason) {
        visit.quote(window.start(), window.end());
        var quote = new ArrivalQuote();
        quote.visit = visit;
        quote.planId = planId;
        quote.windowStart = window.start();
        quote.windowEnd = window.end();
        quote.quotedAt = at;
        quote.reason = reason;
        quote.persist();
        return quote;
    }

    public static List<ArrivalQuote> history(Visit visit) {
        return list("visit = ?1 order by quotedAt, id", visit);
    }
}
