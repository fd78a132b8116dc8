package org.tehai.asset;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tehai.platform.api.TextLimits;

/** An asset as a client creates or edits it. Serial number and parent are optional; {@code version} on update. */
public record AssetRequest(
        @NotNull Long siteId,
        Long parentAssetId,
        @NotBlank @Size(max = TextLimits.MODEL) String model,
        @Size(max = TextLimits.ASSET_KIND) String kind,
        @Size(max = TextLimits.SERIAL_NUMBER) String serialNumber,
        LocalDate installedOn,
        Long version) {
}
