package org.tehai.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A region as a client creates or edits it; {@code version} is required on update. */
public record RegionRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "use letters, digits, '-' and '_'") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String timeZone,
        Long version) {
}
