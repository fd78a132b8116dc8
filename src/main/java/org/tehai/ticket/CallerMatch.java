package org.tehai.ticket;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.customer.Customer;
import org.tehai.customer.CustomerPhone;
import org.tehai.customer.NumberingPlan;
import org.tehai.customer.SearchName;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.site.Site;

import io.quarkus.panache.common.Sort;

/**
 * Intake without a customer id: which customer is the caller? (Here, beside intake, rather than in customer: it
 * reads sites, which already depend on customers.) The phone number decides, not the spelling of the
 * name (callers give family and given name in either order, in kana or in Latin letters):
 * <ul>
 * <li>the agent says it is a new customer ({@code caller.newCustomer}): a new customer, whatever the number;</li>
 * <li>no customer has the number: a new customer from the caller's name and number;</li>
 * <li>one customer has it: that customer (the ticket keeps the name the caller gave);</li>
 * <li>several have it (a family line, a shared office number): the one whose name is the caller's name (in any
 * order, width or kana, see {@link SearchName#sameName}); without such a single one, 409 naming
 * {@code caller.phone} with the {@code candidates} to choose from, and nothing is written.</li>
 * </ul>
 */
@ApplicationScoped
public class CallerMatch {

    static final String FIELD = "caller.phone";

    @Inject
    Audit audit;

    @Inject
    NumberingPlan numbering;

    /** A customer who shares the caller's number, as the agent chooses among them. */
    public record Candidate(long id, String name, String phone, String address, String addressJapanese) {
    }

    public Customer customerFor(String callerName, String callerPhone, boolean newCustomer) {
        String normalized = numbering.require(FIELD, callerPhone);
        String name = callerName.trim();
        if (!newCustomer) {
            List<CustomerPhone> sharing = CustomerPhone.list("normalized", Sort.by("customer.id").and("position"),
                    normalized);
            List<Customer> customers = sharing.stream().map(p -> p.customer).distinct().toList();
            if (customers.size() == 1) {
                return customers.get(0);
            }
            if (customers.size() > 1) {
                List<Customer> sameName = customers.stream().filter(c -> SearchName.sameName(c.name, name)).toList();
                if (sameName.size() == 1) {
                    return sameName.get(0);
                }
                throw ambiguous(callerPhone, normalized, customers);
            }
        }
        var customer = Customer.newCaller(name, callerPhone, numbering);
        customer.persist();
        audit.record("CUSTOMER_CREATED", "customer", customer.id, customer.name + " (at ticket intake)");
        return customer;
    }

    private static ApiProblem ambiguous(String typed, String normalized, List<Customer> customers) {
        List<Candidate> candidates = customers.stream().map(c -> candidate(c, normalized)).toList();
        return new ApiProblem(409, "Several customers have this number", FIELD, "The phone number (" + typed
                + ") belongs to " + customers.size() + " customers. Ask the caller which one they are and send its "
                + "customerId, or send caller.newCustomer: true for a new customer.").withCandidates(candidates);
    }

    private static Candidate candidate(Customer customer, String normalized) {
        String phone = customer.phones.stream().filter(p -> p.normalized.equals(normalized)).map(p -> p.number)
                .findFirst().orElse(null);
        Site site = Site.<Site>find("customer", Sort.by("id"), customer).firstResult();
        return new Candidate(customer.id, customer.name, phone, site == null ? null : site.addressLine(),
                site == null ? null : site.addressLineJapanese());
    }
}
