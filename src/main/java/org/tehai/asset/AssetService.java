package org.tehai.asset;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.site.SiteService;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssetService {

    @Inject
    Audit audit;

    public Page<AssetView> search(Long siteId, Long parentAssetId, String serialNumber, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (siteId != null) {
            conditions.add("site.id = :site");
            parameters.and("site", siteId);
        }
        if (parentAssetId != null) {
            conditions.add("parent.id = :parent");
            parameters.and("parent", parentAssetId);
        }
        if (serialNumber != null && !serialNumber.isBlank()) {
            conditions.add("serialNumber = :serial");
            parameters.and("serial", serialNumber.trim());
        }
        var query = conditions.isEmpty() ? Asset.<Asset>findAll(Sort.by("id"))
                : Asset.<Asset>find(String.join(" and ", conditions), Sort.by("id"), parameters);
        return Page.of(query, page, AssetView::of);
    }

    public Asset get(long id) {
        return Records.require(Asset.class, id, "asset");
    }

    public static Asset reference(String field, Long id) {
        return Records.reference(Asset.class, field, id, "asset");
    }

    @Transactional
    public AssetView create(AssetRequest request) {
        var asset = new Asset();
        apply(asset, request);
        asset.persist();
        audit.record("ASSET_CREATED", "asset", asset.id, asset.model);
        return AssetView.of(asset);
    }

    @Transactional
    public AssetView update(long id, AssetRequest request) {
        Asset asset = get(id);
        asset.requireVersion("asset", request.version());
        apply(asset, request);
        asset.flush();
        audit.record("ASSET_UPDATED", "asset", asset.id, asset.model);
        return AssetView.of(asset);
    }

    private static void apply(Asset asset, AssetRequest request) {
        String serial = request.serialNumber() == null || request.serialNumber().isBlank() ? null
                : request.serialNumber().trim();
        if (serial != null) {
            Asset sameSerial = Asset.find("serialNumber", serial).firstResult();
            if (sameSerial != null && !sameSerial.id.equals(asset.id)) {
                throw ApiProblem.conflict("serialNumber", "The serial number (" + serial + ") is already recorded "
                        + "on asset (" + sameSerial.id + ").");
            }
        }
        Asset parent = reference("parentAssetId", request.parentAssetId());
        if (parent != null && asset.wouldLoopWith(parent)) {
            throw ApiProblem.unprocessable("parentAssetId", "The asset (" + parent.id + ") cannot be the parent: it "
                    + "already depends on this asset.");
        }
        asset.site = SiteService.reference("siteId", request.siteId());
        asset.parent = parent;
        asset.model = request.model().trim();
        asset.kind = request.kind();
        asset.serialNumber = serial;
        asset.installedOn = request.installedOn();
    }
}
