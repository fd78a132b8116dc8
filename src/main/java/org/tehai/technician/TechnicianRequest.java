package org.tehai.technician;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;
import org.tehai.part.PartQuantityRequest;

/** A technician as a dispatcher or admin creates or edits it; {@code version} on update. */
public record TechnicianRequest(
        @NotBlank @Size(max = TextLimits.CODE) String code,
        @NotBlank @Size(max = TextLimits.LOGIN) @Pattern(regexp = "[a-z0-9._-]+", message = "use lower-case letters, digits, '.', '-' and '_'") String login,
        @NotBlank @Size(max = TextLimits.PERSON_NAME) String firstName,
        @NotBlank @Size(max = TextLimits.PERSON_NAME) String lastName,
        @Size(max = TextLimits.PHONE) String phone,
        @NotNull Long regionId,
        @Size(max = TextLimits.ADDRESS) String homeAddress,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double homeLatitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double homeLongitude,
        Boolean active,
        @NotNull @Size(max = TextLimits.LIST) List<@Valid Skill> skills,
        @NotNull @Size(max = TextLimits.LIST) Set<@NotBlank @Size(max = TextLimits.CODE) String> tools,
        @NotNull @Size(max = TextLimits.STOCK_LINES) List<@Valid PartQuantityRequest> vanStock,
        Long version) {

    public record Skill(@NotBlank @Size(max = TextLimits.CODE) String skill, @Min(1) @Max(5) int level) {
    }
}
