package org.tehai.region;

/** A region as the API shows it. */
public record RegionView(long id, String code, String name, String timeZone, PublishPolicy publishPolicy,
        long version) {

    public static RegionView of(Region region) {
        return new RegionView(region.id, region.code, region.name, region.timeZone, region.publishPolicy, region.version);
    }
}
