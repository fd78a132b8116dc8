package org.tehai.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A customer as a client creates or edits it; at least one phone number; {@code version} on update. */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 16) String language,
        Contract contract,
        String notes,
        @NotEmpty @Size(max = 10) List<@Valid PhoneRequest> phones,
        Long version) {

    public record PhoneRequest(@NotBlank @Size(max = 40) String number, @Size(max = 20) String label) {
    }
}
