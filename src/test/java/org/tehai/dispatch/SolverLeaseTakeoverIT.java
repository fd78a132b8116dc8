package org.tehai.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Processes.deleteRecursively;
import static org.tehai.support.Processes.freePort;
import static org.tehai.support.Processes.secondsSince;
import static org.tehai.support.Processes.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the packaged application ({@code target/quarkus-app/quarkus-run.jar}) against one PostgreSQL, the
 * way replicas run in production: the lease row keeps one solver per region-day, and when the instance that solves
 * dies (killed, no shutdown hook), the other one takes the solve over from its last saved best plan within a bounded
 * time, counting the restart; the solve is neither lost nor run twice.
 */
class SolverLeaseTakeoverIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "tehai";
    /**
     * Short, so the test is quick, but not shorter than building the problem may take on a busy machine: the new
     * owner renews its lease only once the tick that took it is done resuming (seen taking 7 s under heavy load).
     */
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);
    /** How long the survivor may take to resume the solve: the TTL, a tick, building the problem, and slack. */
    private static final Duration TAKEOVER_BOUND = LEASE_TTL.plusSeconds(20);
    private static final String SOLVING_STARTED = "Solving started";

    private EmbeddedPostgres postgres;
    private final List<Instance> instances = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();
    private boolean passed;

    /** One application process. */
    private record Instance(String name, int port, Path log, Process process) {

        String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        RequestSpecification as(String user) {
            return given().port(port).auth().preemptive().basic(user, user);
        }
    }

    @AfterEach
    void cleanUp() throws IOException, InterruptedException {
        for (Instance instance : instances) {
            instance.process().destroyForcibly();
        }
        for (Instance instance : instances) {
            instance.process().waitFor(30, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
        for (Path path : temporary) {
            deleteRecursively(path);
        }
        if (passed) {
            for (Instance instance : instances) {
                Files.deleteIfExists(instance.log());
            }
        }
    }

    @Test
    void shouldSolveEachRegionDayOnceAndResumeOnTheOtherInstanceWhenTheOwnerDies() throws Exception {
        try {
            takeOver();
            passed = true;
            for (Instance instance : instances) {
                String lines = instance.logText().lines()
                        .filter(line -> line.contains("org.tehai.dispatch") || line.contains("DefaultSolver")
                                || line.contains(" WARN ") || line.contains(" ERROR "))
                        .collect(Collectors.joining("\n"));
                log("what instance %s logged about solving:%n%s", instance.name(), lines);
            }
        } catch (Throwable failure) {
            StringBuilder logs = new StringBuilder();
            for (Instance instance : instances) {
                logs.append("\n===== log of instance ").append(instance.name()).append(" (").append(instance.log())
                        .append(") =====\n").append(tail(instance.logText(), 250));
            }
            System.err.println(logs);
            throw failure;
        }
    }

    private void takeOver() throws Exception {
        assertThat(JAR).as("the packaged application (run ./mvnw package)").exists();
        long begin = System.nanoTime();

        // One PostgreSQL for both instances.
        Path pgData = temporaryDirectory("tehai-lease-pg-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("timezone", "UTC").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement create = connection.createStatement()) {
            create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        }
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;

        // Two instances at once, as replicas start (both run the migrations against the same database).
        Process processA = launch("A", jdbcUrl);
        Process processB = launch("B", jdbcUrl);
        awaitReady(instances.get(0));
        awaitReady(instances.get(1));
        assertThat(processA.isAlive() && processB.isAlive()).isTrue();
        log("both instances ready after %.1f s", secondsSince(begin));

        // Demo data, loaded through one instance, visible on both.
        JsonPath demo = instances.get(0).as("admin").post("/api/admin/demo-data").then().statusCode(201).extract()
                .jsonPath();
        String region = demo.getString("region");
        LocalDate day = LocalDate.parse(demo.getString("secondDay"));
        List<Map<String, Object>> days = instances.get(1).as("dispatcher")
                .get("/api/regions/" + region + "/days?from=" + day + "&to=" + day).then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertThat(days).as("the day overview of %s on %s", region, day).hasSize(1);
        assertThat(((Number) days.get(0).get("open")).intValue()).as("open visits on %s", day).isGreaterThan(10);
        String proposals = "/api/regions/" + region + "/days/" + day + "/proposals";

        // Propose on A with limits well beyond the test: only a stop or a death ends this solve.
        long planId = instances.get(0).as("dispatcher").contentType("application/json")
                .body("{\"spentLimitSeconds\": 120, \"unimprovedSpentLimitSeconds\": 120}").post(proposals)
                .then().statusCode(202).extract().jsonPath().getLong("id");

        // Solving, with a best plan already saved (every tehai.dispatch.save-every).
        JsonPath solving = await(instances.get(0), proposals + "/current", Duration.ofSeconds(60),
                "status SOLVING with a saved best plan",
                p -> "SOLVING".equals(p.getString("status")) && p.getString("solvedBy") != null
                        && p.getInt("assigned") > 0);
        String firstOwner = solving.getString("solvedBy");
        assertThat(solving.getLong("id")).isEqualTo(planId);
        assertThat(solving.getInt("restarts")).isZero();

        // Which process solves: the one whose solver started. Normally A, where it was proposed; B's tick may win the
        // lease of a just-queued proposal, which is allowed, as long as exactly one of them solves.
        List<Instance> solvers = instances.stream().filter(i -> i.logText().contains(SOLVING_STARTED)).toList();
        assertThat(solvers).as("instances that started a solver").hasSize(1);
        Instance owner = solvers.get(0);
        Instance survivor = instances.get(0) == owner ? instances.get(1) : instances.get(0);
        log("plan %d solved by instance %s (%s)", planId, owner.name(), firstOwner);

        // The other instance can neither propose the same day again nor start a second solver.
        survivor.as("dispatcher").contentType("application/json").body("{\"spentLimitSeconds\": 10}")
                .post(proposals).then().statusCode(409);

        // Longer than the TTL: the owner keeps renewing its lease, and nobody else picks the solve up.
        long watchUntil = System.nanoTime() + LEASE_TTL.plusSeconds(2).toNanos();
        while (System.nanoTime() < watchUntil) {
            for (Instance instance : instances) {
                JsonPath seen = current(instance, proposals);
                assertThat(seen.getLong("id")).as("plan seen on %s", instance.name()).isEqualTo(planId);
                assertThat(seen.getString("status")).as("status seen on %s", instance.name()).isEqualTo("SOLVING");
                assertThat(seen.getString("solvedBy")).as("solver seen on %s", instance.name()).isEqualTo(firstOwner);
                assertThat(seen.getInt("restarts")).as("restarts seen on %s", instance.name()).isZero();
            }
            assertThat(leases(jdbcUrl)).as("lease rows while %s solves", owner.name())
                    .containsExactly(new Lease(firstOwner, planId, true));
            Thread.sleep(500);
        }
        assertThat(survivor.logText()).as("log of the instance that does not solve")
                .doesNotContain(SOLVING_STARTED).doesNotContain("Resuming plan");

        // Crash the owner: no shutdown hook, no hand-over, the lease just stops being renewed.
        owner.process().destroyForcibly();
        assertThat(owner.process().waitFor(30, TimeUnit.SECONDS)).as("the owner is dead").isTrue();
        long killedAt = System.nanoTime();
        // What the dead owner left in the database (its lease has not expired yet, so nobody has touched it since).
        JsonPath lastSaved = current(survivor, proposals);
        assertThat(lastSaved.getString("solvedBy")).isEqualTo(firstOwner);
        assertThat(lastSaved.getInt("restarts")).isZero();
        int assignedBeforeCrash = lastSaved.getInt("assigned");
        log("killed instance %s: last saved best %s with %d assigned", owner.name(), lastSaved.getString("score"),
                assignedBeforeCrash);

        // The survivor resumes the same plan within the bound, from the saved best plan. It takes the lease first
        // (solvedBy changes), then commits the resumed plan (restarts goes up) once its problem is built.
        double[] leaseTakenAfter = { -1 };
        JsonPath resumed = await(survivor, proposals + "/current", TAKEOVER_BOUND, "resumed solve after the crash",
                p -> {
                    boolean newSolver = p.getString("solvedBy") != null && !firstOwner.equals(p.getString("solvedBy"));
                    if (newSolver && leaseTakenAfter[0] < 0) {
                        leaseTakenAfter[0] = secondsSince(killedAt);
                    }
                    return newSolver && p.getInt("restarts") > 0 || !"SOLVING".equals(p.getString("status"));
                });
        double takeover = secondsSince(killedAt);
        String secondOwner = resumed.getString("solvedBy");
        log("instance %s took the lease of plan %d %.1f s after the crash and resumed it after %.1f s",
                survivor.name(), planId, leaseTakenAfter[0], takeover);
        assertThat(resumed.getLong("id")).as("the same plan is resumed, not a new one").isEqualTo(planId);
        assertThat(resumed.getString("status")).isEqualTo("SOLVING");
        assertThat(secondOwner).isNotNull().isNotEqualTo(firstOwner);
        assertThat(resumed.getInt("restarts")).as("restarts after one crash").isEqualTo(1);
        assertThat(resumed.getInt("assigned")).as("assigned visits right after the takeover")
                .isGreaterThanOrEqualTo(assignedBeforeCrash);
        assertThat(leases(jdbcUrl)).as("lease rows after the takeover")
                .containsExactly(new Lease(secondOwner, planId, true));
        assertThat(survivor.logText()).as("log of the survivor")
                .contains("Resuming plan " + planId + " of region " + region + " on " + day + " (restart 1)");

        // The survivor keeps solving from there (and saves whatever it improves) until it is stopped.
        Thread.sleep(3000);
        JsonPath later = current(survivor, proposals);
        assertThat(later.getString("status")).isEqualTo("SOLVING");
        assertThat(later.getString("solvedBy")).isEqualTo(secondOwner);
        assertThat(later.getInt("restarts")).isEqualTo(1);
        assertThat(leases(jdbcUrl)).containsExactly(new Lease(secondOwner, planId, true));
        assertThat(survivor.logText()).as("log of the survivor").contains(SOLVING_STARTED);
        // The score the resumed solve started from, which a faithful warm start makes equal to the saved one. Logged,
        // not asserted: plan_assignment keeps customer visits only (a depot stop is a restock_before flag on the next
        // one, and only the route's own depot stop is put back), so a best plan whose routes hold another
        // technician's depot stop, several of them or a final one resumes from a different, possibly infeasible
        // score. Turn this into an assertion once depot stops are saved with the plan.
        Matcher started = Pattern.compile(SOLVING_STARTED + ": time spent \\(\\d+\\), best score \\(([^)]+)\\)")
                .matcher(survivor.logText());
        String resumedFrom = started.find() ? started.group(1) : "(not logged)";
        log("%s: saved before the crash %s, resumed from %s", resumedFrom.equals(lastSaved.getString("score"))
                ? "warm start reproduced the saved plan" : "WARNING: warm start did not reproduce the saved plan",
                lastSaved.getString("score"), resumedFrom);

        // Stopped on the survivor: the best plan is kept and the lease given back.
        stop(survivor, proposals);
        JsonPath stopped = await(survivor, proposals + "/current", Duration.ofSeconds(20), "status STOPPED",
                p -> !"SOLVING".equals(p.getString("status")) && !"QUEUED".equals(p.getString("status")));
        assertThat(stopped.getLong("id")).isEqualTo(planId);
        assertThat(stopped.getString("status")).isEqualTo("STOPPED");
        assertThat(stopped.getString("solvedBy")).isNull();
        assertThat(stopped.getString("failure")).isNull();
        assertThat(stopped.getInt("restarts")).isEqualTo(1);
        assertThat(stopped.getInt("assigned")).as("assigned visits kept after the stop").isGreaterThan(0);
        assertThat(stopped.getString("score")).as("score kept after the stop").isNotNull();
        assertThat(stopped.getString("finishedAt")).isNotNull();
        assertThat(leases(jdbcUrl)).as("lease rows after the stop").isEmpty();
        // The lease history: the crashed owner's holding lapsed, the survivor's was given back, and they never overlap.
        assertThat(holdings(jdbcUrl)).as("holdings of the region-day, in order")
                .containsExactly(firstOwner + " EXPIRED", secondOwner + " RELEASED");
        assertThat(overlaps(jdbcUrl)).as("holdings of one region-day by two owners at once").isEmpty();
        log("stopped with %s and %d assigned (before the crash: %s and %d); whole test %.1f s",
                stopped.getString("score"), stopped.getInt("assigned"), lastSaved.getString("score"),
                assignedBeforeCrash, secondsSince(begin));
    }

    // ---- Processes ----

    private Process launch(String name, String jdbcUrl) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("tehai-lease-" + name + "-", ".log");
        Path dataDir = temporaryDirectory("tehai-lease-data-" + name + "-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-Dquarkus.profile=demo", "-jar",
                JAR.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("TEHAI_"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("TEHAI_DATA_DIR", dataDir.toString());
        env.put("TEHAI_DISPATCH_LEASE_TTL", LEASE_TTL.toString());
        // The test loads the demo data itself, through one instance. Said explicitly because the packaged artifact
        // carries tehai.embedded-db.active=true from the build, which would otherwise make both instances load it
        // into the empty database at start-up, racing on the region code.
        env.put("TEHAI_DEMO_LOAD_WHEN_EMPTY", "false");
        Process process = builder.start();
        instances.add(new Instance(name, port, log, process));
        return process;
    }

    private static void awaitReady(Instance instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                throw new AssertionError("Instance " + instance.name() + " stopped during start-up");
            }
            try {
                if (given().port(instance.port()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Instance " + instance.name() + " was not ready within 2 minutes");
    }

    /**
     * DELETE of the current proposal. Retried when it fails with 500: the stop request's update of the plan row races
     * with the owner saving its best plan (both bump the plan's version) and loses with an OptimisticLockException.
     * Logged, so the race stays visible; the stop itself must go through.
     */
    private static void stop(Instance instance, String proposals) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            var response = instance.as("dispatcher").delete(proposals + "/current");
            if (response.statusCode() == 200 || attempt == 5) {
                assertThat(response.statusCode()).as("stop on %s: %s", instance.name(), response.asString())
                        .isEqualTo(200);
                return;
            }
            log("WARNING: stop attempt %d on %s answered %d (plan row saved at the same time?); retrying", attempt,
                    instance.name(), response.statusCode());
            Thread.sleep(300);
        }
    }

    // ---- Observations ----

    private static JsonPath current(Instance instance, String proposals) {
        return instance.as("dispatcher").get(proposals + "/current").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath await(Instance instance, String path, Duration timeout, String what,
            Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            var response = instance.as("dispatcher").get(path);
            last = response.statusCode() + " " + response.asString();
            if (response.statusCode() == 200) {
                JsonPath body = response.jsonPath();
                if (condition.test(body)) {
                    return body;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No " + what + " on instance " + instance.name() + " within " + timeout.toSeconds()
                + " s; last answer: " + last);
    }

    /** A solver_lease row: who, for which plan, and whether it is still valid by the database clock. */
    private record Lease(String owner, long planId, boolean valid) {
    }

    private static List<Lease> leases(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(
                        "select owner, plan_id, expires_at > now() from solver_lease order by owner");
                ResultSet rows = query.executeQuery()) {
            List<Lease> leases = new ArrayList<>();
            while (rows.next()) {
                leases.add(new Lease(rows.getString(1), rows.getLong(2), rows.getBoolean(3)));
            }
            return leases;
        }
    }

    /** Holdings in solver_lease_history, oldest first, as "owner how-it-ended". */
    private static List<String> holdings(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(
                        "select owner, coalesce(ended, 'HELD') from solver_lease_history order by held_from");
                ResultSet rows = query.executeQuery()) {
            List<String> holdings = new ArrayList<>();
            while (rows.next()) {
                holdings.add(rows.getString(1) + " " + rows.getString(2));
            }
            return holdings;
        }
    }

    /** Overlapping holdings of one region-day by two owners (SolverLeases.OVERLAPS), one line each. */
    static List<String> overlaps(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(SolverLeases.OVERLAPS);
                ResultSet rows = query.executeQuery()) {
            List<String> overlaps = new ArrayList<>();
            while (rows.next()) {
                overlaps.add("region " + rows.getLong(1) + " on " + rows.getDate(2) + ": " + rows.getString(3) + " "
                        + rows.getString(4) + " .. " + rows.getString(5) + " and " + rows.getString(6) + " "
                        + rows.getString(7) + " .. " + rows.getString(8));
            }
            return overlaps;
        }
    }

    // ---- Helpers ----

    private Path temporaryDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        temporary.add(directory);
        return directory;
    }


    private static void log(String format, Object... arguments) {
        System.out.println("[SolverLeaseTakeoverIT] " + String.format(format, arguments));
    }



}
