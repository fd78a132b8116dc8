package org.tehai.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

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
        @NotBlank @Size(max = TextLimits.TROUBLE_CODE) String troubleCode,
        @Size(max = TextLimits.FREE_TEXT) String description,
        Impact impact,
        Priority priority,
        @Size(max = TextLimits.FREE_TEXT) String priorityOverrideReason) {

    /**
     * Who is calling. {@code newCustomer: true} when the agent knows the caller is not any customer already on that
     * number (optional; without it the number finds the customer, see {@code CallerMatch}).
     */
    public record Caller(@NotBlank @Size(max = TextLimits.NAME) String name,
            @NotBlank @Size(max = TextLimits.PHONE) String phone, Boolean newCustomer) {
    }
}
