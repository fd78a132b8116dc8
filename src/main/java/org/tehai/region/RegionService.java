package org.tehai.region;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.platform.Records;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegionService {

    @Inject
    Audit audit;

    public List<RegionView> list() {
        return Region.<Region>listAll(Sort.by("code")).stream().map(RegionView::of).toList();
    }

    public Region get(long id) {
        return Records.require(Region.class, id, "region");
    }

    /** The region a request refers to by id, reported against {@code field} when it does not exist. */
    public static Region reference(String field, Long id) {
        return Records.reference(Region.class, field, id, "region");
    }

    @Transactional
    public RegionView create(RegionRequest request) {
        requireUniqueCode(request.code(), null);
        var region = new Region();
        apply(region, request);
        region.persist();
        audit.record("REGION_CREATED", "region", region.id, region.code);
        return RegionView.of(region);
    }

    @Transactional
    public RegionView update(long id, RegionRequest request) {
        Region region = get(id);
        region.requireVersion("region", request.version());
        requireUniqueCode(request.code(), region.id);
        apply(region, request);
        region.flush();
        audit.record("REGION_UPDATED", "region", region.id, region.code);
        return RegionView.of(region);
    }

    private static void requireUniqueCode(String code, Long exceptId) {
        Region sameCode = Region.findByCode(code);
        if (sameCode != null && !sameCode.id.equals(exceptId)) {
            throw ApiProblem.conflict("code", "A region with the code (" + code + ") already exists.");
        }
    }

    private static void apply(Region region, RegionRequest request) {
        region.code = request.code();
        region.name = request.name();
        region.publishPolicy = request.publishPolicy() == null ? PublishPolicy.MANUAL : request.publishPolicy();
        try {
            region.timeZone = ZoneId.of(request.timeZone()).getId();
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("timeZone", "The time zone (" + request.timeZone() + ") is not a known IANA zone "
                    + "such as Asia/Tokyo or Europe/Berlin.");
        }
    }
}
