package org.tehai.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

/** A customer as a client creates or edits it; at least one phone number; {@code version} on update. */
public record CustomerRequest(
        @NotBlank @Size(max = TextLimits.NAME) String name,
        @Email @Size(max = TextLimits.EMAIL) String email,
        @Size(max = TextLimits.LANGUAGE) String language,
        Contract contract,
        @Size(max = TextLimits.FREE_TEXT) String notes,
        @NotEmpty @Size(max = 10) List<@Valid PhoneRequest> phones,
        Long version) {

    public record PhoneRequest(@NotBlank @Size(max = TextLimits.PHONE) String number, @Size(max = TextLimits.PHONE_LABEL) String label) {
    }
}
