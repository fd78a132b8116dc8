package org.tehai.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

/** New title and status text of an incident, optionally confirming it; {@code version} required. */
public record IncidentUpdateRequest(
        @NotBlank @Size(max = TextLimits.TITLE) String title,
        @NotBlank @Size(max = TextLimits.FREE_TEXT) String statusText,
        IncidentStatus status,
        Long version) {
}
