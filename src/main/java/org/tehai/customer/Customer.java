package org.tehai.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import org.hibernate.annotations.OptimisticLock;
import org.tehai.platform.TrackedEntity;

/** A person or company that calls the desk. Several phone numbers, any of which finds them. */
@Entity
@Table(name = "customer")
public class Customer extends TrackedEntity {

    public String name;

    /** {@link SearchName#fold} of the name, what name searches compare; set on every insert and update. */
    public String searchName;
    public String email;
    public String language;

    @Enumerated(EnumType.STRING)
    public Contract contract = Contract.STANDARD;

    public String notes;

    // A mapped-by collection does not bump the version by default; a stale edit of the phones must be refused too.
    @OptimisticLock(excluded = false)
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<CustomerPhone> phones = new ArrayList<>();

    /** A caller the desk does not know yet: the name they gave and the number they called from. */
    public static Customer newCaller(String name, String phone, NumberingPlan numbering) {
        var customer = new Customer();
        customer.name = name;
        customer.replacePhones(List.of(new PhoneEntry(phone, null)), numbering);
        return customer;
    }

    @PrePersist
    @PreUpdate
    void foldName() {
        searchName = SearchName.fold(name);
    }

    /**
     * Replaces the phone numbers, keeping their order; each is kept as typed but in plain characters (full-width
     * digits and dash look-alikes such as 'ー' made ASCII, see {@link PhoneNumber#plain}) and normalised for lookup
     * in the given numbering plan.
     */
    public void replacePhones(List<PhoneEntry> entries, NumberingPlan numbering) {
        phones.clear();
        int position = 0;
        for (PhoneEntry entry : entries) {
            var phone = new CustomerPhone();
            phone.customer = this;
            phone.position = position++;
            phone.number = PhoneNumber.plain(entry.number());
            phone.normalized = numbering.normalize(entry.number());
            phone.label = entry.label();
            phones.add(phone);
        }
    }

    public record PhoneEntry(String number, String label) {
    }
}
