package org.tehai.incident;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the desk calls tickets related, and when related calls become a suspected incident. */
@ConfigMapping(prefix = "tehai.desk")
public interface LinkingRules {

    /** Open tickets opened this long before a new one are compared with it. */
    @WithDefault("PT24H")
    Duration relatedWindow();

    /** "Nearby" for tickets of the same trouble category. */
    @WithDefault("300")
    int nearbyRadiusMetres();

    /** Two calls of one category on one shared asset within this span open a suspected incident. */
    @WithDefault("PT3H")
    Duration incidentWindow();

    /** How long the incident's visit may be planned, from when the incident opens. */
    @WithDefault("P2D")
    Duration incidentVisitHorizon();
}
