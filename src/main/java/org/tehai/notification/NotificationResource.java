package org.tehai.notification;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The delivery state of customer notifications: what was sent, what is waiting, what failed and why. */
@Path("/api/notifications")
@RolesAllowed({ Roles.AGENT, Roles.MANAGER, Roles.ADMIN })
public class NotificationResource {

    public record NotificationView(long id, NotificationKind kind, long customerId, Long ticketId, Long visitId,
            String recipientPhone, String message, DeliveryStatus status, int attempts, Instant nextAttemptAt,
            String lastError, Instant createdAt, Instant deliveredAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.kind, n.customer.id, n.ticket == null ? null : n.ticket.id,
                    n.visit == null ? null : n.visit.id, n.recipientPhone, n.message, n.status, n.attempts,
                    n.nextAttemptAt, n.lastError, n.createdAt, n.deliveredAt);
        }
    }

    @GET
    public Page<NotificationView> search(@QueryParam("status") String status, @QueryParam("ticketId") Long ticketId,
            @Valid @BeanParam PageRequest paging) {
        DeliveryStatus delivery = QueryValues.enumValue(DeliveryStatus.class, "status", status);
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
