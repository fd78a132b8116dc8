package org.tehai.customer;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.security.Roles;

/** Customers for the desk: find a caller by phone ({@code ?phone=}) or name fragment ({@code ?q=}). */
@Path("/api/customers")
@RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
public class CustomerResource {

    @Inject
    CustomerService customers;

    @GET
    public Page<CustomerView> search(@QueryParam("phone") String phone, @QueryParam("q") String q,
            @Valid @BeanParam PageRequest paging) {
        return customers.search(phone, q, paging);
    }

    @GET
    @Path("/{id}")
    public CustomerView get(@PathParam("id") long id) {
        return CustomerView.of(customers.get(id));
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public Response create(@Valid @NotNull CustomerRequest request) {
        CustomerView created = customers.create(request);
        return Response.created(URI.create("/api/customers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.ADMIN })
    public CustomerView update(@PathParam("id") long id, @Valid @NotNull CustomerRequest request) {
        return customers.update(id, request);
    }
}
