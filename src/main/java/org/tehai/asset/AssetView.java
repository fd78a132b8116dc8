package org.tehai.asset;

import java.time.LocalDate;

/** An asset as the API shows it. */
public record AssetView(long id, long siteId, Long parentAssetId, String model, String kind, String serialNumber,
        LocalDate installedOn, long version) {

    public static AssetView of(Asset asset) {
        return new AssetView(asset.id, asset.site.id, asset.parent == null ? null : asset.parent.id, asset.model,
                asset.kind, asset.serialNumber, asset.installedOn, asset.version);
    }
}
