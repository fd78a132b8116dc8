package org.tehai.visit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;
import org.tehai.part.PartQuantityRequest;

/**
 * A visit as a client creates or edits it: what the job needs and when the customer is available. The site defaults
 * to the ticket's site. {@code version} on update. A ticket that an open incident or declared outage covers is served
 * by the incident's one visit (or by fixing the outage): a visit of its own needs {@code separateVisitReason}.
 */
public record VisitRequest(
        @NotNull Long ticketId,
        Long siteId,
        Long assetId,
        @Size(max = TextLimits.TROUBLE_CODE) String jobType,
        @Min(5) @Max(720) int estimatedDurationMinutes,
        @NotNull @Size(max = TextLimits.LIST) List<@Valid SkillNeed> requiredSkills,
        @NotNull @Size(max = TextLimits.LIST) Set<@NotBlank @Size(max = TextLimits.CODE) String> requiredTools,
        @NotNull @Size(max = TextLimits.LIST) List<@Valid PartQuantityRequest> requiredParts,
        @NotEmpty @Size(max = 10) List<@Valid Window> availability,
        Long version,
        @Size(max = TextLimits.FREE_TEXT) String separateVisitReason) {

    public record SkillNeed(@NotBlank @Size(max = TextLimits.CODE) String skill, @Min(1) @Max(5) int minLevel) {
    }

    public record Window(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
    }
}
