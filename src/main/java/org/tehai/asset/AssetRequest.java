package org.tehai.asset;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An asset as a client creates or edits it. Serial number and parent are optional; {@code version} on update. */
public record AssetRequest(
        @NotNull Long siteId,
        Long parentAssetId,
        @NotBlank @Size(max = 120) String model,
        @Size(max = 60) String kind,
        @Size(max = 80) String serialNumber,
        LocalDate installedOn,
        Long version) {
}
