package org.tehai.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.asset.Asset;
import org.tehai.customer.Customer;
import org.tehai.platform.TrackedEntity;
import org.tehai.region.Region;
import org.tehai.site.Site;

/**
 * A customer's report. Opens with what the caller has (a name and a phone number is enough); site and asset can be
 * added later. The SLA due time follows from the priority when the ticket opens or its priority changes.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends TrackedEntity {

    public String number;

    @ManyToOne(optional = false)
    public Customer customer;

    @ManyToOne
    public Site site;

    @ManyToOne
    public Asset asset;

    @ManyToOne
    public Region region;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public TicketKind kind = TicketKind.FAULT;

    public String troubleCode;
    public String description;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public TicketStatus status = TicketStatus.OPEN;

    public Instant openedAt;
    public Instant slaDueAt;
    public Instant closedAt;
    public String callerName;
    public String callerPhone;
    public String openedBy;

    /** What the customer cannot do; with the trouble code and contract it gives the suggested priority. */
    @Enumerated(EnumType.STRING)
    public Impact impact;

    @Enumerated(EnumType.STRING)
    public Priority suggestedPriority;

    /** Why the agent chose another priority than the suggested one. */
    public String priorityOverrideReason;

    /** The incident (shared fault or declared outage) the ticket belongs to; incidents sit above tickets, so by id. */
    @Column(name = "incident_id")
    public Long incidentId;

    /** Why the ticket belongs to its incident ("shares booster BST-1003 with TK-1002"). */
    public String incidentLinkReason;

    /** How the ticket was closed; required for complaints. */
    @Enumerated(EnumType.STRING)
    public CauseCategory causeCategory;
    public String causeText;
    public String preventionAction;
    public String resolution;

    /** Sets the priority and the SLA due time it implies, counted from when the ticket opened. */
    public void prioritize(Priority newPriority, ServiceLevels serviceLevels) {
        this.priority = newPriority;
        this.slaDueAt = openedAt.plus(serviceLevels.responseTime(newPriority));
    }

    /**
     * Makes the ticket more urgent because of what was learned later (an incident): the SLA due time only moves
     * earlier, and never before {@code now} plus the new response time, so linking does not make a ticket overdue.
     */
    public void raiseTo(Priority raised, ServiceLevels serviceLevels, Instant now) {
        if (raised.compareTo(priority) >= 0) {
            return;
        }
        priority = raised;
        Instant due = now.plus(serviceLevels.responseTime(raised));
        if (due.isBefore(slaDueAt)) {
            slaDueAt = due;
        }
    }

    /** Places the ticket at a site; the region follows the site. */
    public void locateAt(Site newSite) {
        this.site = newSite;
        if (newSite != null && newSite.region != null) {
            this.region = newSite.region;
        }
    }

    /** The trouble category (TV, INTERNET, BUILDING, ...) the catalogue files the trouble code under. */
    public String category() {
        return TroubleCode.categoryFor(troubleCode);
    }

    /** Links the ticket to an incident with the reason agents read, or unlinks it (both null). */
    public void linkTo(Long newIncidentId, String reason) {
        this.incidentId = newIncidentId;
        this.incidentLinkReason = reason;
    }

    /** Resolves the ticket for a reason found elsewhere (its incident was resolved), keeping its own history. */
    public void resolve(String how, Instant at) {
        resolution = how;
        changeStatus(TicketStatus.RESOLVED, at);
    }

    /** How the ticket closed: the cause, what will prevent it, and what was done (each may be null). */
    public void recordClosing(CauseCategory category, String cause, String prevention, String how) {
        causeCategory = category;
        causeText = cause;
        preventionAction = prevention;
        resolution = how;
    }

    public void changeStatus(TicketStatus newStatus, Instant at) {
        this.status = newStatus;
        this.closedAt = newStatus.isOpen() ? null : at;
    }

    /** The number to reach the customer about this ticket: the one they called from, else their first number. */
    public String contactPhone() {
        if (callerPhone != null) {
            return callerPhone;
        }
        return customer.phones.isEmpty() ? null : customer.phones.get(0).number;
    }

    /** The next ticket number ("TK-1234") from the database sequence, unique across application instances. */
    public static String nextNumber() {
        long value = ((Number) getEntityManager().createNativeQuery("select nextval('ticket_number_seq')")
                .getSingleResult()).longValue();
        return "TK-" + value;
    }
}
