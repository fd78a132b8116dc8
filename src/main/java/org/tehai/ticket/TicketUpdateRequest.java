package org.tehai.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Editing a ticket: details found out later (site, asset/serial), trouble code, priority, status. */
public record TicketUpdateRequest(
        Long siteId,
        Long assetId,
        @NotBlank @Size(max = 60) String troubleCode,
        @Size(max = 4000) String description,
        @NotNull Priority priority,
        @NotNull TicketStatus status,
        Long version) {
}
