package org.tehai.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A region as a client creates or edits it; {@code version} is required on update. {@code publishPolicy} defaults
 * to MANUAL (a dispatcher publishes what live re-planning proposes).
 */
public record RegionRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "use letters, digits, '-' and '_'") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String timeZone,
        PublishPolicy publishPolicy,
        Long version) {
}
