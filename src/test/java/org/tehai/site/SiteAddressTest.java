package org.tehai.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An address line for people, in English and the Japanese way of saying a flat. */
class SiteAddressTest {

    private static Site site(String city, String building, String unit) {
        var site = new Site();
        site.street = "2-14-3 Koenji-minami";
        site.city = city;
        site.building = building;
        site.unit = unit;
        return site;
    }

    @Test
    void shouldSayAFlatAsGoushitsuAfterItsBuildingInJapanese() {
        Site flat = site("Suginami-ku", "Koenji Heights", "301");
        assertThat(flat.addressLine()).isEqualTo("2-14-3 Koenji-minami, Suginami-ku, flat 301 (Koenji Heights)");
        assertThat(flat.addressLineJapanese()).isEqualTo("2-14-3 Koenji-minami, Suginami-ku, Koenji Heights 301号室");
        assertThat(site(null, null, "12B").addressLineJapanese()).isEqualTo("2-14-3 Koenji-minami 12B号室");
        assertThat(site("Suginami-ku", "Koenji Heights", null).addressLineJapanese())
                .isEqualTo("2-14-3 Koenji-minami, Suginami-ku (Koenji Heights)");
    }

    @Test
    void shouldSayTheFlatsOfAddressesInsideASentence() {
        assertThat(Site.japanese("技術者が伺いましたが2-1 Nakano, flat 5 (Tower)にどなたもいませんでした。"))
                .isEqualTo("技術者が伺いましたが2-1 Nakano, Tower 5号室にどなたもいませんでした。");
        assertThat(Site.japanese(null)).isNull();
    }
}
