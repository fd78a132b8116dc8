package org.tehai.platform.database;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Where Tehai keeps its files ({@code tehai.data-dir}): the embedded PostgreSQL's under {@code postgres/}, the road
 * graph's under {@code routing-graph/}. A mapping of its own key, so that it claims nothing else under {@code tehai}.
 * Its default is in {@code application.properties}, because {@link EmbeddedPostgresConfigSourceFactory} reads the
 * key before any mapping exists.
 */
@ConfigMapping(prefix = EmbeddedPostgresConfigSourceFactory.DATA_DIR)
public interface DataDirectory {

    /** The directory, relative to the working directory unless absolute. */
    @WithParentName
    Path path();

    /** A directory of its own under the data directory. */
    default Path resolve(String name) {
        return path().resolve(name);
    }
}
