package org.tehai.dispatch;

import jakarta.validation.Valid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.tehai.dispatch.SlotBooking.Booking;
import org.tehai.dispatch.SlotBooking.BookingRequest;
import org.tehai.platform.security.CurrentUser;
import org.tehai.platform.security.Roles;

/**
 * {@code POST /api/visits/{id}/booking} with {@code {"start": ..., "end": ...}} (or {@code {"optionId": ...}} from
 * the slot options): the caller's window becomes the visit's availability and the window quoted to the customer.
 */
@Path("/api/visits/{id}/booking")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
public class VisitBookingResource {

    @Inject
    SlotBooking booking;

    @Inject
    CurrentUser currentUser;

    @POST
    public Booking book(@PathParam("id") long id, @Valid BookingRequest request) {
        return booking.book(id, request, currentUser.name());
    }
}
