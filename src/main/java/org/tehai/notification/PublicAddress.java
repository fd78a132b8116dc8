package org.tehai.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Where customers reach Tehai from outside ({@code tehai.public-url}): the base of every link a notification carries.
 * A mapping of its own key, so that it claims nothing else under {@code tehai}.
 */
@ConfigMapping(prefix = "tehai.public-url")
public interface PublicAddress {

    /** Scheme, host and optional path prefix, e.g. {@code https://tehai.example.com}. */
    @WithParentName
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The base without a trailing slash. */
    default String base() {
        String url = publicUrl().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
