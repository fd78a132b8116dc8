package org.tehai.demo;

import io.smallrye.config.ConfigMapping;

/** When the demo region is loaded without being asked for. */
@ConfigMapping(prefix = "tehai.demo")
public interface DemoSettings {

    /**
     * Load the demo region when the database is empty at start. Its default lives in application.properties: it is
     * true exactly when the embedded database runs ({@code ${tehai.embedded-db.active:false}}).
     */
    boolean loadWhenEmpty();
}
