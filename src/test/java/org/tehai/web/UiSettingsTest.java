package org.tehai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The map background: OpenStreetMap unless configured; set empty (or "none"), a plain background. */
class UiSettingsTest {

    private static Optional<String> tiles(Map<String, String> configured) {
        return new SmallRyeConfigBuilder().withMapping(UiSettings.class)
                .withSources(new PropertiesConfigSource(configured, "environment", 300)).build()
                .getConfigMapping(UiSettings.class).tiles();
    }

    @Test
    void shouldDrawOpenStreetMapUnlessConfigured() {
        assertThat(tiles(Map.of())).contains("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(tiles(Map.of("tehai.ui.map-tiles", "https://tiles.example/{z}/{x}/{y}.png")))
                .contains("https://tiles.example/{z}/{x}/{y}.png");
    }

    @Test
    void shouldDrawAPlainBackgroundWhenTheTilesAreSetEmptyOrNone() {
        assertThat(tiles(Map.of("tehai.ui.map-tiles", ""))).isEmpty();
        assertThat(tiles(Map.of("tehai.ui.map-tiles", "  "))).isEmpty();
        assertThat(tiles(Map.of("tehai.ui.map-tiles", "none"))).isEmpty();
    }
}
