package org.tehai.site;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

/** A site as a client creates or edits it; coordinates come in pairs; {@code version} on update. */
public record SiteRequest(
        Long customerId,
        Long regionId,
        @NotBlank @Size(max = TextLimits.STREET) String street,
        @Size(max = TextLimits.POSTAL_CODE) String postalCode,
        @Size(max = TextLimits.CITY) String city,
        @Size(max = TextLimits.BUILDING) String building,
        @Size(max = TextLimits.UNIT) String unit,
        @Size(max = TextLimits.FLOOR) String floor,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = TextLimits.FREE_TEXT) String accessNotes,
        Long version) {
}
