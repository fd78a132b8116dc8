package org.tehai.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Editing a ticket: details found out later (site, asset/serial), trouble code, priority, status. A missing
 * {@code siteId} or {@code assetId} keeps the current one. A priority other than the suggested one needs a
 * {@code priorityOverrideReason}. Closing
 * (RESOLVED or CLOSED) takes the closing fields; a complaint cannot close without cause category, cause text and
 * prevention action.
 */
public record TicketUpdateRequest(
        Long siteId,
        Long assetId,
        @NotBlank @Size(max = 60) String troubleCode,
        @Size(max = 4000) String description,
        @NotNull Priority priority,
        @Size(max = 2000) String priorityOverrideReason,
        @NotNull TicketStatus status,
        CauseCategory causeCategory,
        @Size(max = 4000) String causeText,
        @Size(max = 4000) String preventionAction,
        @Size(max = 4000) String resolution,
        Long version) {
}
