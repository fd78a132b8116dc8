package org.tehai.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.security.Roles;

/** The delivery state of customer notifications: what was sent, what is waiting, what failed and why. */
@Path("/api/notifications")
@RolesAllowed({ Roles.AGENT, Roles.MANAGER, Roles.ADMIN })
public class NotificationResource {

    @Inject
    Notifications notifications;

    @GET
    public Page<NotificationView> search(@QueryParam("status") String status, @QueryParam("ticketId") Long ticketId,
            @Valid @BeanParam PageRequest paging) {
        return notifications.search(QueryValues.enumValue(DeliveryStatus.class, "status", status), ticketId, paging);
    }
}
