package org.tehai.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

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
        @NotBlank @Size(max = TextLimits.TROUBLE_CODE) String troubleCode,
        @Size(max = TextLimits.FREE_TEXT) String description,
        @NotNull Priority priority,
        @Size(max = TextLimits.FREE_TEXT) String priorityOverrideReason,
        @NotNull TicketStatus status,
        CauseCategory causeCategory,
        @Size(max = TextLimits.FREE_TEXT) String causeText,
        @Size(max = TextLimits.FREE_TEXT) String preventionAction,
        @Size(max = TextLimits.FREE_TEXT) String resolution,
        Long version) {
}
