package org.tehai.site;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A site as a client creates or edits it; coordinates come in pairs; {@code version} on update. */
public record SiteRequest(
        Long customerId,
        Long regionId,
        @NotBlank @Size(max = 200) String street,
        @Size(max = 20) String postalCode,
        @Size(max = 100) String city,
        @Size(max = 120) String building,
        @Size(max = 40) String unit,
        @Size(max = 20) String floor,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        String accessNotes,
        Long version) {
}
