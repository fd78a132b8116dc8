package org.tehai.platform.database;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the datasource URL of the {@link EmbeddedPostgres embedded PostgreSQL} when none is configured.
 * <p>
 * With {@code QUARKUS_DATASOURCE_JDBC_URL} (or {@code quarkus.datasource.jdbc.url}) set, this factory adds nothing and
 * no server is started. Otherwise it adds a low-ordinal source whose values are computed on first read, so the
 * server starts when the datasource is created at run time, never during the build.
 * <p>
 * Settings: {@code tehai.data-dir} (env {@code TEHAI_DATA_DIR}, default {@code ./data}) holds the database files
 * under {@code postgres/}; {@code tehai.embedded-db.ephemeral=true} (the test profile) uses a throw-away server;
 * {@code tehai.embedded-db.database} names the database on it (default {@code tehai}, created when missing), so a
 * test profile can start on an empty database of its own.
 * They are read here, while the configuration is still being built, before any {@code @ConfigMapping} exists; what
 * reads the data directory once the application runs uses {@link DataDirectory}.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";
    /** Where the embedded server keeps its files ({@code <dir>/postgres}). */
    public static final String DATA_DIR = "tehai.data-dir";
    /** "true": a throw-away server in a temporary directory (the test profile). */
    public static final String EPHEMERAL = "tehai.embedded-db.ephemeral";
    /** The database on the embedded server (default {@code tehai}); a test profile may take one of its own. */
    public static final String DATABASE = "tehai.embedded-db.database";
    /** "true" when the embedded server is in use; the demo data loads on its first start. */
    static final String ACTIVE = "tehai.embedded-db.active";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(JDBC_URL))) {
            return Collections.emptyList();
        }
        boolean ephemeral = Boolean.parseBoolean(valueOr(context.getValue(EPHEMERAL), "false"));
        Path dataDirectory = ephemeral ? null
                : Path.of(valueOr(context.getValue(DATA_DIR), "data")).resolve("postgres");
        return Collections.singletonList(new LazySource(dataDirectory,
                valueOr(context.getValue(DATABASE), EmbeddedPostgres.DATABASE)));
    }

    @Override
    public java.util.OptionalInt getPriority() {
        return java.util.OptionalInt.of(LazySource.ORDINAL);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigValue value, String fallback) {
        return isSet(value) ? value.getValue() : fallback;
    }

    /** Below application.properties (250), so any explicitly configured datasource wins. */
    private static final class LazySource implements ConfigSource {

        static final int ORDINAL = 120;

        private final Path dataDirectory;
        private final String database;

        LazySource(Path dataDirectory, String database) {
            this.dataDirectory = dataDirectory;
            this.database = database;
        }

        @Override
        public Set<String> getPropertyNames() {
            return isBuildTime() ? Set.of() : Set.of(JDBC_URL, USERNAME, PASSWORD, ACTIVE);
        }

        @Override
        public String getValue(String propertyName) {
            if (isBuildTime()) {
                // The build (QuarkusAugmentor) reads configuration too and records what it sees as runtime
                // defaults: a URL would start a server inside the build, and "active" would make every later
                // start, even against an external database, believe it runs the embedded one.
                return null;
            }
            return switch (propertyName) {
                case ACTIVE -> "true";
                case JDBC_URL -> EmbeddedPostgres.start(dataDirectory).jdbcUrl(database);
                case USERNAME -> EmbeddedPostgres.USER;
                case PASSWORD -> "postgres";
                default -> null;
            };
        }

        private static boolean isBuildTime() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                    frame -> frame.getClassName().equals("io.quarkus.deployment.QuarkusAugmentor")));
        }

        @Override
        public Map<String, String> getProperties() {
            // Listing the properties must not start a server.
            return isBuildTime() ? Map.of() : Map.of(USERNAME, EmbeddedPostgres.USER, PASSWORD, "postgres", ACTIVE, "true");
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }

        @Override
        public String getName() {
            return "EmbeddedPostgres";
        }
    }
}
