package org.tehai.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo service region: the western wards of Tokyo (Shinjuku, Nakano, Suginami, Setagaya, Meguro, Shibuya,
 * Nerima, Toshima), an inland area of dense housing. Each neighbourhood is a real station area; generated sites
 * are scattered within a few hundred metres of it, which keeps every point on land and in built-up streets.
 */
final class DemoRegion {

    static final String CODE = "TOKYO-WEST";
    static final String NAME = "Tokyo West";
    static final String TIME_ZONE = "Asia/Tokyo";

    record Neighbourhood(String name, String ward, String postalPrefix, double latitude, double longitude) {
    }

    static final List<Neighbourhood> NEIGHBOURHOODS = List.of(
            new Neighbourhood("Nishi-Shinjuku", "Shinjuku", "160", 35.6938, 139.6920),
            new Neighbourhood("Okubo", "Shinjuku", "169", 35.7005, 139.6975),
            new Neighbourhood("Nakano", "Nakano", "164", 35.7074, 139.6638),
            new Neighbourhood("Nogata", "Nakano", "165", 35.7197, 139.6523),
            new Neighbourhood("Koenji", "Suginami", "166", 35.7054, 139.6496),
            new Neighbourhood("Asagaya", "Suginami", "166", 35.7047, 139.6358),
            new Neighbourhood("Ogikubo", "Suginami", "167", 35.7046, 139.6200),
            new Neighbourhood("Eifukucho", "Suginami", "168", 35.6767, 139.6427),
            new Neighbourhood("Shimokitazawa", "Setagaya", "155", 35.6616, 139.6670),
            new Neighbourhood("Sangenjaya", "Setagaya", "154", 35.6437, 139.6706),
            new Neighbourhood("Kyodo", "Setagaya", "156", 35.6502, 139.6360),
            new Neighbourhood("Jiyugaoka", "Meguro", "152", 35.6075, 139.6688),
            new Neighbourhood("Nakameguro", "Meguro", "153", 35.6440, 139.6988),
            new Neighbourhood("Yoyogi-Uehara", "Shibuya", "151", 35.6690, 139.6800),
            new Neighbourhood("Hatagaya", "Shibuya", "151", 35.6776, 139.6764),
            new Neighbourhood("Nerima", "Nerima", "176", 35.7379, 139.6540),
            new Neighbourhood("Ekoda", "Nerima", "176", 35.7376, 139.6727),
            new Neighbourhood("Mejiro", "Toshima", "171", 35.7212, 139.7065));

    static final List<String> FAMILY_NAMES = List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito",
            "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto",
            "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto", "Ishikawa",
            "Ogawa", "Fujita", "Okada", "Goto", "Hasegawa", "Murakami", "Kondo", "Ishii", "Saito", "Sakamoto");

    static final List<String> GIVEN_NAMES = List.of("Haruto", "Yuto", "Sota", "Riku", "Ren", "Kaito", "Daiki", "Kenji",
            "Takumi", "Shota", "Hiroshi", "Akira", "Yui", "Aoi", "Hina", "Sakura", "Mei", "Yuna", "Rin", "Emi", "Keiko",
            "Naoko", "Aya", "Miho", "Tomoko", "Kazuki", "Makoto", "Nao", "Saki", "Ryo");

    static final List<String> BUILDING_SUFFIXES = List.of("Heights", "Residence", "Mansion", "Court", "Terrace",
            "Park House", "Maison", "Grand Coop");

    /** The parts the demo's jobs need, by code. */
    static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("ONT-7", "Optical network terminal, model 7"),
            Map.entry("STB-4K", "4K set-top box"),
            Map.entry("ROUTER-AX", "Wi-Fi 6 router"),
            Map.entry("COAX-F", "F-connector coax patch cable"),
            Map.entry("DROP-50", "Fibre drop cable, 50 m"),
            Map.entry("SSD-1TB", "1 TB SSD"),
            Map.entry("INTERCOM-PSU", "Intercom power supply"),
            Map.entry("BOOSTER-AMP", "Building TV booster amplifier"),
            Map.entry("SPLITTER-4", "4-way TV splitter"),
            Map.entry("PSU-12V", "12 V power adapter"));

    private DemoRegion() {
    }
}
