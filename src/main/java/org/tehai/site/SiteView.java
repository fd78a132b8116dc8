package org.tehai.site;

/** A site as the API shows it. */
public record SiteView(long id, Long customerId, Long regionId, String street, String postalCode, String city,
        String building, String unit, String floor, Double latitude, Double longitude, String accessNotes,
        String addressLine, long version, String addressLineJapanese) {

    public static SiteView of(Site site) {
        return new SiteView(site.id, site.customer == null ? null : site.customer.id,
                site.region == null ? null : site.region.id, site.street, site.postalCode, site.city, site.building,
                site.unit, site.floor, site.latitude, site.longitude, site.accessNotes, site.addressLine(),
                site.version, site.addressLineJapanese());
    }
}
