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

import org.tehai.part.PartQuantityRequest;

/** A technician as a dispatcher or admin creates or edits it; {@code version} on update. */
public record TechnicianRequest(
        @NotBlank @Size(max = 40) String code,
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9._-]+", message = "use lower-case letters, digits, '.', '-' and '_'") String login,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 40) String phone,
        @NotNull Long regionId,
        @Size(max = 300) String homeAddress,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double homeLatitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double homeLongitude,
        Boolean active,
        @NotNull List<@Valid Skill> skills,
        @NotNull Set<@NotBlank @Size(max = 40) String> tools,
        @NotNull List<@Valid PartQuantityRequest> vanStock,
        Long version) {

    public record Skill(@NotBlank @Size(max = 40) String skill, @Min(1) @Max(5) int level) {
    }
}
