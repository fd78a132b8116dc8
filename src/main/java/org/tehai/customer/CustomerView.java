package org.tehai.customer;

import java.util.List;

/** A customer as the API shows it. */
public record CustomerView(long id, String name, String email, String language, Contract contract, String notes,
        List<Phone> phones, long version) {

    public record Phone(String number, String normalized, String label) {
    }

    public static CustomerView of(Customer customer) {
        return new CustomerView(customer.id, customer.name, customer.email, customer.language, customer.contract,
                customer.notes, customer.phones.stream().map(p -> new Phone(p.number, p.normalized, p.label)).toList(),
                customer.version);
    }
}
