package org.tehai.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Opening a ticket with what the caller has: an existing {@code customerId}, or just a {@code caller} name and
 * phone number (the customer is found by that number or created, see {@code CallerMatch}). Site, asset and impact
 * are optional. The trouble code comes from the catalogue; without a priority the suggested one is taken, and
 * another priority needs a {@code priorityOverrideReason}.
 */
public record TicketRequest(
        Long customerId,
        @Valid Caller caller,
        Long siteId,
        Long assetId,
        Channel channel,
        TicketKind kind,
        @NotBlank @Size(max = 60) String troubleCode,
        @Size(max = 4000) String description,
        Impact impact,
        Priority priority,
        @Size(max = 2000) String priorityOverrideReason) {

    /**
     * Who is calling. {@code newCustomer: true} when the agent knows the caller is not any customer already on that
     * number (optional; without it the number finds the customer, see {@code CallerMatch}).
     */
    public record Caller(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 40) String phone,
            Boolean newCustomer) {
    }
}
