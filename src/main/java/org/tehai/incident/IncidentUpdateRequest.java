package org.tehai.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** New title and status text of an incident, optionally confirming it; {@code version} required. */
public record IncidentUpdateRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 2000) String statusText,
        IncidentStatus status,
        Long version) {
}
