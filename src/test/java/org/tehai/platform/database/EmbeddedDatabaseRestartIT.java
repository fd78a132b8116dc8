package org.tehai.platform.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Processes.freePort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

/**
 * Runs the packaged application ({@code target/quarkus-app/quarkus-run.jar}) the way a newcomer does, twice on
 * the same data directory: what was written before the stop is there after the restart, and the demo data is
 * loaded only on the first start.
 */
class EmbeddedDatabaseRestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private Process application;

    @AfterEach
    void stopApplication() throws InterruptedException {
        stop();
    }

    @Test
    void shouldKeepEveryRecordAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("tehai-restart-");
        int port = freePort();

        start(dataDir, port);
        int demoTickets = as(port, "agent").get("/api/tickets?size=1").then().statusCode(200)
                .extract().path("total");
        assertThat(demoTickets).as("demo tickets loaded on the first start").isGreaterThan(100);
        int customerId = as(port, "agent").contentType("application/json")
                .body("{\"name\":\"Restart Kept\",\"phones\":[{\"number\":\"03-9999-0001\"}]}")
                .post("/api/customers").then().statusCode(201).extract().path("id");
        stop();

        start(dataDir, port);
        as(port, "agent").get("/api/customers/" + customerId).then().statusCode(200)
                .body("name", equalTo("Restart Kept"));
        as(port, "agent").get("/api/customers?phone=+81 3 9999 0001").then().statusCode(200)
                .body("total", equalTo(1));
        as(port, "agent").get("/api/tickets?size=1").then().statusCode(200)
                .body("total", equalTo(demoTickets));
        as(port, "agent").get("/api/regions").then().statusCode(200).body("size()", equalTo(1));
    }

    private void start(Path dataDir, int port) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged application (run ./mvnw verify)").exists();
        Path log = Files.createTempFile("tehai-restart-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dquarkus.profile=demo", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TEHAI_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        application = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!application.isAlive()) {
                throw new AssertionError("The application stopped during start-up:\n" + Files.readString(log));
            }
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The application was not ready within 3 minutes:\n" + Files.readString(log));
    }

    private void stop() throws InterruptedException {
        if (application != null && application.isAlive()) {
            application.destroy();
            if (!application.waitFor(60, TimeUnit.SECONDS)) {
                application.destroyForcibly().waitFor();
            }
        }
        application = null;
    }

    private static RequestSpecification as(int port, String user) {
        return given().port(port).auth().preemptive().basic(user, user);
    }

}
