package org.tehai.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the pages look outward: the map background is the only thing they may fetch from another host. */
@ConfigMapping(prefix = "tehai.ui")
public interface UiSettings {

    /**
     * The map tile URL template ({z}/{x}/{y}); empty (or {@code none}) for a plain background with a scale, which
     * reaches no other host. The default is OpenStreetMap's standard tiles.
     */
    @WithDefault("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    Optional<String> mapTiles();

    /** The attribution the tile provider asks for, shown on the map. */
    @WithDefault("© OpenStreetMap contributors")
    String mapAttribution();

    /** How often an open caller card at the desk asks again for its banners (changed status texts, resolved outages). */
    @WithDefault("PT12S")
    Duration bannerRefresh();

    /** The tile URL, or nothing for the plain background. */
    default Optional<String> tiles() {
        return mapTiles().map(String::strip).filter(url -> !url.isEmpty() && !url.equalsIgnoreCase("none"));
    }
}
