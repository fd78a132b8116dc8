package org.tehai.incident;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

/**
 * A declared area outage: which trouble category, where (a list of buildings and/or a circle), and what agents read
 * to callers.
 */
public record OutageRequest(
        @NotNull Long regionId,
        @NotBlank @Size(max = TextLimits.CATEGORY) String category,
        @NotBlank @Size(max = TextLimits.TITLE) String title,
        @NotBlank @Size(max = TextLimits.FREE_TEXT) String statusText,
        @Size(max = 500) List<@NotBlank @Size(max = TextLimits.BUILDING) String> buildings,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Min(10) @Max(50_000) Integer radiusMetres) {
}
