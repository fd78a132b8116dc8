package org.tehai.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.callback.CallbackResource.CallbackRequest;
import org.tehai.callback.CallbackResource.CallbackView;
import org.tehai.contact.ContactKind;
import org.tehai.contact.ContactLog;
import org.tehai.contact.ContactNote;
import org.tehai.contact.Direction;
import org.tehai.customer.Customer;
import org.tehai.customer.CustomerService;
import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.CurrentUser;
import org.tehai.region.Region;
import org.tehai.site.Site;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Ticket;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Call-backs: booked by agents for customers (or raised by the arrival-window watch when a quoted window is at
 * risk), listed per region oldest first, and closed as done or failed with notes that go into the ticket's log.
 */
@ApplicationScoped
public class CallbackService {

    @Inject
    ContactLog contactLog;

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    public Page<CallbackView> search(Long regionId, CallbackStatus status, Instant dueBefore, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        conditions.add("status = :status");
        parameters.and("status", status == null ? CallbackStatus.DUE : status);
        if (regionId != null) {
            conditions.add("region.id = :region");
            parameters.and("region", regionId);
        }
        if (dueBefore != null) {
            conditions.add("dueAt <= :dueBefore");
            parameters.and("dueBefore", dueBefore);
        }
        var query = Callback.<Callback>find(String.join(" and ", conditions), Sort.by("dueAt").and("id"), parameters);
        return Page.of(query, page, CallbackView::of);
    }

    public Callback get(long id) {
        return Records.require(Callback.class, id, "call-back");
    }

    /** Books a call-back for a customer request; logs it on the ticket when there is one. */
    @Transactional
    public CallbackView book(CallbackRequest request) {
        Instant now = Instant.now(clock);
        Ticket ticket = null;
        Customer customer;
        if (request.ticketId() != null) {
            ticket = Ticket.findById(request.ticketId());
            if (ticket == null) {
                throw ApiProblem.unknownReference("ticketId", "ticket", request.ticketId());
            }
            customer = ticket.customer;
        } else if (request.customerId() != null) {
            customer = CustomerService.reference("customerId", request.customerId());
        } else {
            throw ApiProblem.invalid("ticketId", "Give the ticket (or at least the customer) to call back about.");
        }
        Instant dueAt = request.dueAt().toInstant();
        if (dueAt.isBefore(now.minusSeconds(300))) {
            throw ApiProblem.invalid("dueAt", "The call-back time (" + request.dueAt() + ") is in the past.");
        }
        var callback = new Callback();
        callback.ticket = ticket;
        callback.customer = customer;
        callback.region = ticket != null && ticket.region != null ? ticket.region : regionOf(customer);
        callback.kind = CallbackKind.CUSTOMER_REQUEST;
        callback.dueAt = dueAt;
        callback.phone = request.phone() != null ? request.phone()
                : customer.phones.isEmpty() ? null : customer.phones.get(0).number;
        callback.reason = request.reason();
        callback.createdAt = now;
        callback.createdBy = currentUser.name();
        callback.persist();
        if (ticket != null) {
            contactLog.record(ticket, ContactKind.CALLBACK_REQUEST, Channel.PHONE, Direction.OUTBOUND,
                    ContactNote.callbackBooked(dueAt, String.valueOf(request.dueAt()), request.reason(),
                            CallbackTexts.japanese(request.reason())), now);
        }
        audit.record("CALLBACK_BOOKED", "callback", callback.id, request.reason());
        return CallbackView.of(callback);
    }

    /** The region of the customer's first site that has one: where the call-back is listed. */
    private static Region regionOf(Customer customer) {
        return Site.<Site>find("customer = ?1 and region is not null",
                Sort.by("id"), customer).firstResultOptional().map(site -> site.region).orElse(null);
    }

    /** Closes a due call-back as done or failed; the outcome goes into the ticket's contact log. */
    @Transactional
    public CallbackView close(long id, CallbackStatus outcome, String notes) {
        Callback callback = get(id);
        if (callback.status != CallbackStatus.DUE) {
            throw ApiProblem.conflict("status", "The call-back (" + id + ") is already " + callback.status + ".");
        }
        Instant now = Instant.now(clock);
        callback.close(outcome, notes, currentUser.name(), now);
        if (callback.ticket != null) {
            contactLog.record(callback.ticket,
                    outcome == CallbackStatus.DONE ? ContactKind.CALLBACK_DONE : ContactKind.CALLBACK_FAILED,
                    Channel.PHONE, Direction.OUTBOUND, notes, now);
        }
        audit.record("CALLBACK_" + outcome, "callback", id, notes);
        callback.flush();
        return CallbackView.of(callback);
    }
}
