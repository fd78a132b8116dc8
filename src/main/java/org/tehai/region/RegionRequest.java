package org.tehai.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

/**
 * A region as a client creates or edits it; {@code version} is required on update. {@code publishPolicy} defaults
 * to MANUAL (a dispatcher publishes what live re-planning proposes).
 */
public record RegionRequest(
        @NotBlank @Size(max = TextLimits.CODE) @Pattern(regexp = "[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*",
                message = "use letters, digits, '-' and '_', with at least one letter") String code,
        @NotBlank @Size(max = TextLimits.NAME) String name,
        @NotBlank @Size(max = TextLimits.TIME_ZONE) String timeZone,
        PublishPolicy publishPolicy,
        Long version) {
}
