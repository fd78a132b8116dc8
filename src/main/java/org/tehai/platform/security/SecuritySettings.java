package org.tehai.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authentication beyond bearer tokens; production uses tokens only. */
@ConfigMapping(prefix = "tehai.security")
public interface SecuritySettings {

    /** Accept the built-in HTTP Basic users of the README (on in the demo, dev and test profiles). */
    @WithDefault("false")
    boolean demoUsers();
}
