package org.tehai.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.audit.Audit;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CustomerService {

    @Inject
    Audit audit;

    @Inject
    NumberingPlan numbering;

    /**
     * Customers matching a phone number (any format) and/or a fragment of the name (in any width, kana or case, see
     * {@link SearchName}). An agent finds a caller by the number on the screen in one request.
     */
    public Page<CustomerView> search(String phone, String nameFragment, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (phone != null && !phone.isBlank()) {
            conditions.add("exists (from CustomerPhone p where p.customer = c and p.normalized = :phone)");
            parameters.and("phone", numbering.require("phone", phone));
        }
        String name = nameFragment == null ? "" : SearchName.fold(nameFragment);
        if (!name.isEmpty()) {
            // Width, kana and case variants of the name: "ｻﾄｳ", "さとう" and "サトウ" find each other.
            conditions.add("c.searchName like :name");
            parameters.and("name", QueryValues.containsPattern(name));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var query = Customer.<Customer>find("from Customer c" + where, Sort.by("name").and("id"), parameters);
        return Page.of(query, page, CustomerView::of);
    }

    public Customer get(long id) {
        return Records.require(Customer.class, id, "customer");
    }

    public static Customer reference(String field, Long id) {
        return Records.reference(Customer.class, field, id, "customer");
    }

    @Transactional
    public CustomerView create(CustomerRequest request) {
        var customer = new Customer();
        apply(customer, request);
        customer.persist();
        audit.record("CUSTOMER_CREATED", "customer", customer.id, customer.name);
        return CustomerView.of(customer);
    }

    @Transactional
    public CustomerView update(long id, CustomerRequest request) {
        Customer customer = get(id);
        customer.requireVersion("customer", request.version());
        apply(customer, request);
        customer.flush();
        audit.record("CUSTOMER_UPDATED", "customer", customer.id, customer.name);
        return CustomerView.of(customer);
    }

    private void apply(Customer customer, CustomerRequest request) {
        customer.name = request.name().trim();
        customer.email = request.email();
        customer.language = request.language();
        customer.contract = request.contract() == null ? Contract.STANDARD : request.contract();
        customer.notes = request.notes();
        List<Customer.PhoneEntry> phones = new ArrayList<>();
        for (int i = 0; i < request.phones().size(); i++) {
            var phone = request.phones().get(i);
            numbering.require("phones[" + i + "].number", phone.number());
            phones.add(new Customer.PhoneEntry(phone.number(), phone.label()));
        }
        customer.replacePhones(phones, numbering);
    }
}
