package org.tehai.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Processes.deleteRecursively;
import static org.tehai.support.Processes.freePort;
import static org.tehai.support.Processes.secondsSince;
import static org.tehai.support.Processes.tail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.dispatch.SolverLeases;
import org.tehai.notification.NotificationDelivery;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Scale-out on one machine: three instances of the packaged application ({@code target/quarkus-app}) on one
 * PostgreSQL 17 (a server of its own, from the embedded binaries), several regions with live days (more region-days
 * than instances), and while HTTP load runs over the instances:
 * <ul>
 * <li>every region-day is solved by exactly one instance at a time (the lease history has no overlapping owners);</li>
 * <li>{@code kill -9} of the instance holding the most region-days: each is resumed elsewhere from its last saved plan
 * within the lease TTL + 20 s, and a visit added just before the kill is in the resumed solve;</li>
 * <li>SIGTERM of another instance: its region-days are handed over within 5 s;</li>
 * <li>the notifications that publishing writes reach a webhook that is down for a while: each one delivered, twice
 * at most for the batches the stopped instances had in flight, and never twice within its claim (a repeated delivery
 * comes at least {@link NotificationDelivery#CLAIM_MARGIN} after the one before);</li>
 * <li>no HTTP answer is a 5xx.</li>
 * </ul>
 * In every build as a smoke (two regions); {@code ./mvnw -Pscale-out verify} runs the larger proof and writes its
 * figures to {@code target/scale-out/summary.txt} (docs/scale-out.md). Sizes come from system properties
 * {@code scaleout.*} (see {@link Settings}).
 */
class ScaleOutIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATABASE = "tehai";
    private static final String ZONE = "Asia/Tokyo";
    /** The outbox settings the instances get: they size a notification's claim. */
    private static final int NOTIFICATION_BATCH_SIZE = 5;
    private static final Duration NOTIFICATION_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The run's sizes: system properties, smoke defaults. */
    private record Settings(int regions, int days, int visitsPerDay, int technicians, Duration leaseTtl,
            int loadThreads, Duration webhookDown, Duration soak, String heap, Path out) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("scaleout.regions", 2), Integer.getInteger("scaleout.days", 2),
                    Integer.getInteger("scaleout.visits-per-day", 8), Integer.getInteger("scaleout.technicians", 3),
                    Duration.parse(System.getProperty("scaleout.lease-ttl", "PT10S")),
                    Integer.getInteger("scaleout.load-threads", 2),
                    Duration.parse(System.getProperty("scaleout.webhook-down", "PT8S")),
                    Duration.parse(System.getProperty("scaleout.soak", "PT5S")),
                    System.getProperty("scaleout.heap", "640m"),
                    Path.of(System.getProperty("scaleout.out", "target/scale-out")));
        }

        int partitions() {
            return regions * days;
        }
    }

    private final Settings settings = Settings.fromSystemProperties();
    private EmbeddedPostgres postgres;
    private String jdbcUrl;
    private HttpServer webhook;
    private final List<Instance> instances = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private boolean passed;

    /** One application process; {@code host} is its HOSTNAME, which starts its lease owner name. */
    /** {@code cpu}: CPU clock ticks and the time at the first and the latest sample (ticks, nanos, ticks, nanos). */
    private record Instance(String host, int port, Path log, Process process, long[] maxRssKb, long[] cpu) {

        RequestSpecification as(String user) {
            return given().port(port).auth().preemptive().basic(user, user).contentType(ContentType.JSON)
                    .accept(ContentType.JSON);
        }

        boolean owns(String solvedBy) {
            return solvedBy != null && solvedBy.startsWith(host + "-");
        }

        String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }
    }

    /** A region-day and the paths of its plan. */
    private record Partition(String region, LocalDate day) {

        String days() {
            return "/api/regions/" + region + "/days/" + day;
        }

        String current() {
            return days() + "/proposals/current";
        }

        @Override
        public String toString() {
            return region + "/" + day;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Instance instance : instances) {
            instance.process().destroyForcibly();
        }
        for (Instance instance : instances) {
            instance.process().waitFor(30, TimeUnit.SECONDS);
        }
        if (webhook != null) {
            webhook.stop(0);
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
    void shouldSolveEachRegionDayOnceAcrossThreeInstancesThroughCrashesShutdownsAndLoad() throws Exception {
        try {
            scaleOut();
            passed = true;
        } catch (Throwable failure) {
            StringBuilder logs = new StringBuilder();
            for (Instance instance : instances) {
                logs.append("\n===== log of instance ").append(instance.host()).append(" (").append(instance.log())
                        .append(") =====\n").append(tail(instance.logText(), 150));
            }
            System.err.println(logs);
            throw failure;
        } finally {
            writeSummary();
        }
    }

    private void scaleOut() throws Exception {
        assertThat(JAR).as("the packaged application (run ./mvnw package)").exists();
        long begin = System.nanoTime();
        summary.put("settings", settings.toString());
        summary.put("cores", Runtime.getRuntime().availableProcessors());

        // PostgreSQL 17 as a server of its own, the webhook receiver, three instances.
        Path pgData = temporaryDirectory("tehai-scale-pg-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "200").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            try (ResultSet version = statement.executeQuery("show server_version")) {
                version.next();
                summary.put("postgresql", version.getString(1));
            }
        }
        jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        Webhook receiver = startWebhook();
        for (String host : List.of("scale-a", "scale-b", "scale-c")) {
            launch(host, receiver.url());
        }
        for (Instance instance : instances) {
            awaitReady(instance);
        }
        summary.put("three instances ready (s)", round(secondsSince(begin)));

        // Regions with live days, written through the instances in turn.
        List<Partition> partitions = generate();
        Map<Partition, Integer> visits = new HashMap<>();
        for (Partition partition : partitions) {
            visits.put(partition, openVisits(partition));
        }
        log("%d region-days, %d visits, generated after %.1f s", partitions.size(),
                visits.values().stream().mapToInt(Integer::intValue).sum(), secondsSince(begin));

        // HTTP load over the instances in rotation from here to the end.
        Load load = new Load(partitions);
        load.start();

        // A proposal for every region-day, solved briefly and published while the webhook is down: the quoted windows'
        // notifications wait in the outbox and are retried. Proposed and published through the instances in turn.
        for (int i = 0; i < partitions.size(); i++) {
            instances.get(i % instances.size()).as("dispatcher").body(Map.of("spentLimitSeconds", 3,
                    "unimprovedSpentLimitSeconds", 2)).post(partitions.get(i).days() + "/proposals").then()
                    .statusCode(202);
        }
        for (Partition partition : partitions) {
            await(partition, Duration.ofSeconds(90), "a solved proposal", p -> "DONE".equals(p.getString("status")));
        }
        receiver.downUntil(System.nanoTime() + settings.webhookDown().toNanos());
        int published = 0;
        for (int i = 0; i < partitions.size(); i++) {
            Partition partition = partitions.get(i);
            Response answer = publish(instances.get((i + 1) % instances.size()), partition);
            published += answer.jsonPath().getInt("windowsQuoted") + answer.jsonPath().getInt("windowsRequoted");
        }
        summary.put("windows quoted by publishing", published);

        // Live re-planning of every published region-day, asked of the instances in turn.
        for (int i = 0; i < partitions.size(); i++) {
            instances.get((i + 2) % instances.size()).as("dispatcher").post(partitions.get(i).days() + "/live")
                    .then().statusCode(202);
        }
        Map<Partition, JsonPath> solving = new LinkedHashMap<>();
        for (Partition partition : partitions) {
            solving.put(partition, await(partition, Duration.ofSeconds(90), "live, solving with a saved best plan",
                    p -> p.getBoolean("live") && "SOLVING".equals(p.getString("status"))
                            && p.getString("solvedBy") != null && p.getInt("assigned") > 0));
        }
        Map<String, List<Partition>> byOwner = owners(solving);
        log("live: %s", describe(byOwner));
        summary.put("region-days per instance at start", counts(byOwner));
        assertThat(overlaps()).isEmpty();

        // kill -9 of the instance holding the most region-days, just after a visit was added to one of them.
        Instance victim = busiest(byOwner, instances);
        List<Partition> victimDays = byOwner.get(ownerOf(victim, byOwner));
        Partition changed = victimDays.get(0);
        Instance other = alive().stream().filter(i -> i != victim).findFirst().orElseThrow();
        long addedVisit = addVisit(other, changed);
        Map<Partition, JsonPath> before = new HashMap<>();
        for (Partition partition : victimDays) {
            before.put(partition, current(other, partition));
        }
        load.remove(victim);
        victim.process().destroyForcibly();
        assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        Duration bound = settings.leaseTtl().plusSeconds(20);
        Map<String, Double> takeovers = new TreeMap<>();
        for (Partition partition : victimDays) {
            String dead = before.get(partition).getString("solvedBy");
            int restarts = before.get(partition).getInt("restarts");
            JsonPath resumed = await(partition, bound.minus(Duration.ofNanos(System.nanoTime() - killedAt)),
                    "resumed by another instance after kill -9", p -> "SOLVING".equals(p.getString("status"))
                            && p.getString("solvedBy") != null && !dead.equals(p.getString("solvedBy"))
                            && p.getInt("restarts") > restarts);
            double after = secondsSince(killedAt);
            takeovers.put(partition.toString(), round(after));
            assertThat(resumed.getInt("assigned")).as("%s resumed from its saved plan", partition)
                    .isGreaterThan(0);
        }
        double slowestTakeover = Collections.max(takeovers.values());
        log("kill -9 of %s: %s resumed after %s s (bound %d s)", victim.host(), victimDays, takeovers,
                bound.toSeconds());
        summary.put("kill -9: instance", victim.host());
        summary.put("kill -9: resumed after (s), per region-day", takeovers);
        summary.put("kill -9: lease TTL (s)", settings.leaseTtl().toSeconds());
        // The visit added just before the kill is in the resumed solve, and no visit went missing.
        JsonPath withNew = await(changed, Duration.ofSeconds(30), "the added visit in the resumed solve",
                p -> p.getInt("assigned") + p.getInt("unassigned") == visits.get(changed) + 1);
        assertThat(withNew.getInt("assigned") + withNew.getInt("unassigned")).isEqualTo(visits.get(changed) + 1);
        other.as("dispatcher").get("/api/visits/" + addedVisit).then().statusCode(200);
        visits.merge(changed, 1, Integer::sum);

        // SIGTERM of the survivor holding the most region-days: it saves and hands them over at once.
        Map<Partition, JsonPath> now = new LinkedHashMap<>();
        for (Partition partition : partitions) {
            now.put(partition, current(alive().get(0), partition));
        }
        Map<String, List<Partition>> survivorsOwn = owners(now);
        Instance stopping = busiest(survivorsOwn, alive());
        List<Partition> handed = survivorsOwn.getOrDefault(ownerOf(stopping, survivorsOwn), List.of());
        assertThat(handed).as("region-days of %s", stopping.host()).isNotEmpty();
        Instance remaining = alive().stream().filter(i -> i != stopping).findFirst().orElseThrow();
        load.remove(stopping);
        long termAt = System.nanoTime();
        stopping.process().destroy();
        Map<String, Double> handovers = new TreeMap<>();
        for (Partition partition : handed) {
            String leaving = now.get(partition).getString("solvedBy");
            JsonPath resumed = await(remaining, partition, Duration.ofSeconds(30), "handed over after SIGTERM",
                    p -> "SOLVING".equals(p.getString("status")) && p.getString("solvedBy") != null
                            && !leaving.equals(p.getString("solvedBy")));
            handovers.put(partition.toString(), round(secondsSince(termAt)));
            assertThat(remaining.owns(resumed.getString("solvedBy"))).isTrue();
        }
        assertThat(stopping.process().waitFor(60, TimeUnit.SECONDS)).as("%s ends after SIGTERM", stopping.host())
                .isTrue();
        double exited = secondsSince(termAt);
        log("SIGTERM of %s: %s handed over after %s s; exited after %.1f s with %d", stopping.host(), handed,
                handovers, exited, stopping.process().exitValue());
        summary.put("SIGTERM: instance", stopping.host());
        summary.put("SIGTERM: handed over after (s), per region-day", handovers);
        summary.put("SIGTERM: process exited after (s)", round(exited));
        assertThat(Collections.max(handovers.values())).as("hand-over after SIGTERM (s)").isLessThanOrEqualTo(5.0);
        assertThat(slowestTakeover).as("takeover after kill -9 (s)").isLessThanOrEqualTo(bound.toSeconds());

        // Keep going a while on the last instance, under load.
        Thread.sleep(settings.soak().toMillis());
        for (Partition partition : partitions) {
            JsonPath last = current(remaining, partition);
            assertThat(last.getString("status")).as("%s at the end", partition).isEqualTo("SOLVING");
            assertThat(remaining.owns(last.getString("solvedBy"))).as("%s solved by %s", partition,
                    remaining.host()).isTrue();
            assertThat(last.getInt("assigned") + last.getInt("unassigned")).as("visits of %s", partition)
                    .isEqualTo(visits.get(partition));
        }

        // Every notification delivered, whichever instance claimed it. Delivery is at least once: a notification the
        // killed instance had sent but not yet recorded as delivered goes out again once its claim runs out (the
        // gateway de-duplicates it by its Idempotency-Key); so may the one an instance told to stop was sending when
        // its database connection closed. So at most the batches of the two stopped instances come twice. And never
        // twice within its claim: a claim lasts REQUEST_TIMEOUT x BATCH_SIZE + CLAIM_MARGIN, every notification of a
        // batch is sent within REQUEST_TIMEOUT x BATCH_SIZE of the claim, and another instance may claim it only once
        // the claim has run out; so a repeated delivery comes at least CLAIM_MARGIN after the one before, and two
        // instances sending one notification at the same time would fail here.
        long notifications = awaitNotificationsDelivered(Duration.ofSeconds(60));
        Map<Long, Integer> received = receiver.deliveries();
        Map<Long, Integer> twice = received.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Duration claim = NOTIFICATION_REQUEST_TIMEOUT.multipliedBy(NOTIFICATION_BATCH_SIZE)
                .plus(NotificationDelivery.CLAIM_MARGIN);
        Duration minimumGap = claim.minus(NOTIFICATION_REQUEST_TIMEOUT.multipliedBy(NOTIFICATION_BATCH_SIZE));
        Map<Long, List<Duration>> gaps = receiver.repeatGaps();
        Duration smallestGap = gaps.values().stream().flatMap(List::stream).min(Comparator.naturalOrder())
                .orElse(null);
        summary.put("notifications written", notifications);
        summary.put("notifications delivered (distinct)", received.size());
        summary.put("webhook answers 503 while down", receiver.refused());
        summary.put("notification attempts (max, database)", maxAttempts());
        assertThat(notifications).as("notifications written by publishing").isPositive();
        assertThat(received.size()).as("distinct notifications the webhook accepted").isEqualTo(notifications);
        summary.put("notifications sent twice (in flight when an instance stopped)", twice.size());
        summary.put("notification claim (s)", claim.toMillis() / 1000.0);
        summary.put("repeated deliveries: smallest gap (s), bound", (smallestGap == null ? "-"
                : round(smallestGap.toMillis() / 1000.0)) + ", at least " + minimumGap.toMillis() / 1000.0);
        assertThat(twice).as("notifications delivered twice").hasSizeLessThanOrEqualTo(2 * NOTIFICATION_BATCH_SIZE)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
        assertThat(gaps).as("repeated deliveries less than %s s after the one before (within its claim)",
                minimumGap.toSeconds()).allSatisfy((id, between) -> assertThat(between)
                        .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(minimumGap)));
        assertThat(receiver.refused()).as("requests refused while the webhook was down").isPositive();

        // Stop the live days; the lease history has one owner at a time for every region-day.
        load.stop();
        for (Partition partition : partitions) {
            remaining.as("dispatcher").delete(partition.days() + "/live").then().statusCode(200);
        }
        for (Partition partition : partitions) {
            await(remaining, partition, Duration.ofSeconds(30), "stopped",
                    p -> "STOPPED".equals(p.getString("status")));
        }
        List<String> overlaps = overlaps();
        summary.put("lease holdings (history rows)", holdings());
        summary.put("overlapping holdings", overlaps.size());
        assertThat(overlaps).as("holdings of one region-day by two owners at once").isEmpty();

        load.report(summary);
        assertThat(load.serverErrors()).as("5xx answers under load").isEmpty();
        assertThat(load.ok()).as("successful requests").isPositive();
        Map<String, Long> rss = new TreeMap<>();
        for (Instance instance : instances) {
            rss.put(instance.host(), instance.maxRssKb()[0] / 1024);
        }
        summary.put("max resident memory per instance (MiB)", rss);
        Map<String, Double> cores = new TreeMap<>();
        for (Instance instance : instances) {
            long[] cpu = instance.cpu();
            double wall = (cpu[3] - cpu[1]) / 1e9;
            if (cpu[0] >= 0 && wall > 1) {
                cores.put(instance.host(), Math.round((cpu[2] - cpu[0]) / CLOCK_TICKS / wall * 100) / 100.0);
            }
        }
        summary.put("CPU per instance while it ran (cores, average)", cores);
        summary.put("whole run (s)", round(secondsSince(begin)));
    }

    // ---- The data ----

    /** Regions, each with technicians on shift and open visits on the next days. */
    private List<Partition> generate() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of(ZONE)).plusDays(1);
        List<Partition> partitions = new ArrayList<>();
        int phone = 0;
        for (int r = 0; r < settings.regions(); r++) {
            Instance through = instances.get(r % instances.size());
            String code = "SCALE-" + (char) ('A' + r);
            long region = through.as("admin").body(Map.of("code", code, "name", "Scale-out " + code, "timeZone",
                    ZONE)).post("/api/regions").then().statusCode(201).extract().jsonPath().getLong("id");
            List<Long> technicians = new ArrayList<>();
            for (int t = 0; t < settings.technicians(); t++) {
                String login = ("sc" + (char) ('a' + r) + t).toLowerCase();
                Map<String, Object> body = new HashMap<>();
                body.put("code", login.toUpperCase());
                body.put("login", login);
                body.put("firstName", "Tech");
                body.put("lastName", code + "-" + t);
                body.put("regionId", region);
                body.put("homeLatitude", 35.68 + 0.01 * t);
                body.put("homeLongitude", 139.62 + 0.01 * r);
                body.put("skills", List.of(Map.of("skill", "FIBER", "level", 3)));
                body.put("tools", List.of("LADDER"));
                body.put("vanStock", List.of());
                technicians.add(through.as("dispatcher").body(body).post("/api/technicians").then().statusCode(201)
                        .extract().jsonPath().getLong("id"));
            }
            for (int d = 0; d < settings.days(); d++) {
                LocalDate day = tomorrow.plusDays(d);
                for (long technician : technicians) {
                    through.as("dispatcher").body(Map.of("start", "08:30", "end", "17:30", "maxOvertimeMinutes", 30,
                            "breaks", List.of())).put("/api/technicians/" + technician + "/shifts/" + day).then()
                            .statusCode(200);
                }
                Partition partition = new Partition(code, day);
                for (int v = 0; v < settings.visitsPerDay(); v++) {
                    addVisit(through, partition, region, phone++, v);
                }
                partitions.add(partition);
            }
        }
        return partitions;
    }

    private long addVisit(Instance through, Partition partition) {
        long region = through.as("dispatcher").get("/api/regions").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.code == '" + partition.region() + "' }.id");
        return addVisit(through, partition, region, 9000 + (int) (System.nanoTime() % 999), 3);
    }

    /** A customer with a site in the region, a ticket and its visit on the partition's day. */
    private static long addVisit(Instance through, Partition partition, long region, int serial, int slot) {
        String number = String.format("03-%04d-%04d", 5000 + partition.region().charAt(6), serial);
        long customer = through.as("agent").body(Map.of("name", "Customer " + serial, "phones", List.of(Map.of(
                "number", number, "label", "home")))).post("/api/customers").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        Map<String, Object> site = new HashMap<>();
        site.put("customerId", customer);
        site.put("regionId", region);
        site.put("street", serial + " Koenji-minami");
        site.put("city", "Suginami-ku");
        site.put("latitude", 35.66 + 0.004 * (serial % 20));
        site.put("longitude", 139.60 + 0.005 * (serial % 13));
        long siteId = through.as("agent").body(site).post("/api/sites").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long ticket = through.as("agent").body(Map.of("customerId", customer, "siteId", siteId, "troubleCode",
                "TV/NO_SIGNAL", "description", "No picture")).post("/api/tickets").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        boolean morning = slot % 2 == 0;
        Map<String, Object> visit = new HashMap<>();
        visit.put("ticketId", ticket);
        visit.put("jobType", "TV_BOOSTER_REPAIR");
        visit.put("estimatedDurationMinutes", 45);
        visit.put("requiredSkills", List.of(Map.of("skill", "FIBER", "minLevel", 2)));
        visit.put("requiredTools", List.of("LADDER"));
        visit.put("requiredParts", List.of());
        visit.put("availability", List.of(window(partition.day(), morning ? 9 : 13, morning ? 12 : 17)));
        return through.as("dispatcher").body(visit).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> window(LocalDate date, int fromHour, int toHour) {
        ZoneId zone = ZoneId.of(ZONE);
        return Map.of("startsAt", date.atTime(fromHour, 0).atZone(zone).toOffsetDateTime().toString(), "endsAt",
                date.atTime(toHour, 0).atZone(zone).toOffsetDateTime().toString());
    }

    private int openVisits(Partition partition) {
        long region = instances.get(0).as("dispatcher").get("/api/regions").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.code == '" + partition.region() + "' }.id");
        return instances.get(0).as("dispatcher").get("/api/visits?regionId=" + region + "&date=" + partition.day()
                + "&size=1").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private static Response publish(Instance through, Partition partition) throws InterruptedException {
        // A publish and the owner's periodic save both write the plan row; retried like a client would on 409.
        for (int attempt = 1;; attempt++) {
            Response answer = through.as("dispatcher").post(partition.current() + "/publish");
            if (answer.statusCode() == 200 || attempt == 5) {
                assertThat(answer.statusCode()).as("publish %s: %s", partition, answer.asString()).isEqualTo(200);
                return answer;
            }
            assertThat(answer.statusCode()).as("publish %s: %s", partition, answer.asString()).isEqualTo(409);
            Thread.sleep(300);
        }
    }

    // ---- Processes ----

    private void launch(String host, String webhookUrl) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("tehai-scale-" + host + "-", ".log");
        Path dataDir = temporaryDirectory("tehai-scale-data-" + host + "-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx" + settings.heap(), "-Dquarkus.profile=demo", "-jar",
                JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("TEHAI_"));
        env.put("HOSTNAME", host);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_TIMEFOLD_SOLVER_MANAGER_PARALLEL_SOLVER_COUNT", Integer.toString(settings.partitions()));
        env.put("TEHAI_DATA_DIR", dataDir.toString());
        env.put("TEHAI_DEMO_LOAD_WHEN_EMPTY", "false");
        env.put("TEHAI_DISPATCH_LEASE_TTL", settings.leaseTtl().toString());
        env.put("TEHAI_NOTIFICATIONS_WEBHOOK_URL", webhookUrl);
        env.put("TEHAI_NOTIFICATIONS_POLL_EVERY", "1s");
        env.put("TEHAI_NOTIFICATIONS_FIRST_BACKOFF", "PT1S");
        env.put("TEHAI_NOTIFICATIONS_MAX_BACKOFF", "PT2S");
        env.put("TEHAI_NOTIFICATIONS_BATCH_SIZE", Integer.toString(NOTIFICATION_BATCH_SIZE));
        env.put("TEHAI_NOTIFICATIONS_REQUEST_TIMEOUT", NOTIFICATION_REQUEST_TIMEOUT.toString());
        Process process = builder.start();
        instances.add(new Instance(host, port, log, process, new long[1], new long[] { -1, 0, 0, 0 }));
    }

    private static void awaitReady(Instance instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                throw new AssertionError("Instance " + instance.host() + " stopped during start-up");
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
        throw new AssertionError("Instance " + instance.host() + " was not ready within 3 minutes");
    }

    private List<Instance> alive() {
        return instances.stream().filter(i -> i.process().isAlive()).toList();
    }

    // ---- Observations ----

    private JsonPath current(Instance instance, Partition partition) {
        return instance.as("dispatcher").get(partition.current()).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath await(Partition partition, Duration timeout, String what, Predicate<JsonPath> condition)
            throws InterruptedException {
        return await(null, partition, timeout, what, condition);
    }

    /** Polls the partition's current plan (through the given instance, or any alive one) until the condition. */
    private JsonPath await(Instance through, Partition partition, Duration timeout, String what,
            Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        String last = null;
        do {
            Instance instance = through != null ? through : alive().get(0);
            try {
                Response response = instance.as("dispatcher").get(partition.current());
                last = response.statusCode() + " " + response.asString();
                if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                    return response.jsonPath();
                }
            } catch (Exception e) {
                last = e.toString();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No " + what + " for " + partition + " within " + timeout.toMillis() / 1000.0
                + " s; last answer: " + last);
    }

    private Map<String, List<Partition>> owners(Map<Partition, JsonPath> plans) {
        Map<String, List<Partition>> byOwner = new TreeMap<>();
        plans.forEach((partition, plan) -> byOwner.computeIfAbsent(plan.getString("solvedBy"), o -> new ArrayList<>())
                .add(partition));
        return byOwner;
    }

    private static String ownerOf(Instance instance, Map<String, List<Partition>> byOwner) {
        return byOwner.keySet().stream().filter(instance::owns).findFirst().orElse(null);
    }

    private static Instance busiest(Map<String, List<Partition>> byOwner, List<Instance> among) {
        return among.stream().max(Comparator.comparingInt(i -> {
            String owner = ownerOf(i, byOwner);
            return owner == null ? 0 : byOwner.get(owner).size();
        })).orElseThrow();
    }

    private static String describe(Map<String, List<Partition>> byOwner) {
        return byOwner.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Map<String, Integer> counts(Map<String, List<Partition>> byOwner) {
        Map<String, Integer> counts = new TreeMap<>();
        byOwner.forEach((owner, days) -> counts.put(owner.substring(0, owner.lastIndexOf('-')), days.size()));
        return counts;
    }

    private List<String> overlaps() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SolverLeases.OVERLAPS)) {
            List<String> overlaps = new ArrayList<>();
            while (rows.next()) {
                overlaps.add(rows.getString(1) + " " + rows.getString(2) + ": " + rows.getString(3) + " "
                        + rows.getString(4) + ".." + rows.getString(5) + " / " + rows.getString(6) + " "
                        + rows.getString(7) + ".." + rows.getString(8));
            }
            return overlaps;
        }
    }

    private int holdings() throws SQLException {
        return intQuery("select count(*) from solver_lease_history");
    }

    private int maxAttempts() throws SQLException {
        return intQuery("select coalesce(max(attempts), 0) from notification");
    }

    private int intQuery(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Waits until no notification is pending; returns how many there are. */
    private long awaitNotificationsDelivered(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int pending = intQuery("select count(*) from notification where status <> 'DELIVERED'");
            if (pending == 0) {
                return intQuery("select count(*) from notification");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pending + " notifications not delivered within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    // ---- The webhook receiver ----

    /**
     * Records when each notification (its Idempotency-Key) was accepted, by the monotonic clock; answers 503 while
     * "down".
     */
    private record Webhook(String url, Map<Long, List<Long>> acceptedAt, AtomicInteger refusedCount, AtomicLong upAt) {

        void downUntil(long nanos) {
            upAt.set(nanos);
        }

        /** How many times each notification was accepted. */
        Map<Long, Integer> deliveries() {
            Map<Long, Integer> counts = new TreeMap<>();
            acceptedAt.forEach((id, times) -> {
                synchronized (times) {
                    counts.put(id, times.size());
                }
            });
            return counts;
        }

        /** For each notification accepted more than once: the gaps between its consecutive deliveries. */
        Map<Long, List<Duration>> repeatGaps() {
            Map<Long, List<Duration>> gaps = new TreeMap<>();
            acceptedAt.forEach((id, times) -> {
                List<Long> sorted;
                synchronized (times) {
                    sorted = new ArrayList<>(times);
                }
                Collections.sort(sorted);
                for (int i = 1; i < sorted.size(); i++) {
                    gaps.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1)));
                }
            });
            return gaps;
        }

        int refused() {
            return refusedCount.get();
        }
    }

    private Webhook startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        Map<Long, List<Long>> acceptedAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong upAt = new AtomicLong(0);
        webhook.createContext("/notify", exchange -> {
            long arrived = System.nanoTime();
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            int status;
            if (arrived < upAt.get()) {
                refused.incrementAndGet();
                status = 503;
            } else {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                List<Long> times = acceptedAt.computeIfAbsent(Long.parseLong(key.substring(key.lastIndexOf('-') + 1)),
                        id -> new ArrayList<>());
                synchronized (times) {
                    times.add(arrived);
                }
                status = 202;
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        webhook.setExecutor(Executors.newFixedThreadPool(4));
        webhook.start();
        return new Webhook("http://127.0.0.1:" + webhook.getAddress().getPort() + "/notify", acceptedAt, refused,
                upAt);
    }

    // ---- HTTP load ----

    /**
     * Reading clients spread over the instances in rotation (an instance leaves the rotation when it is killed or told
     * to stop, as a Service's endpoints do); every answer's status and time is counted.
     */
    private final class Load {

        private final List<Partition> partitions;
        private final List<Instance> rotation = new CopyOnWriteArrayList<>(instances);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        private final List<String> serverErrors = new CopyOnWriteArrayList<>();
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger connectionFailures = new AtomicInteger();
        private final Map<String, AtomicInteger> perInstance = new ConcurrentHashMap<>();
        private ExecutorService pool;
        private long startedAt;
        private long stoppedAt;

        Load(List<Partition> partitions) {
            this.partitions = partitions;
        }

        void start() {
            startedAt = System.nanoTime();
            pool = Executors.newFixedThreadPool(settings.loadThreads() + 1);
            for (int t = 0; t < settings.loadThreads(); t++) {
                int seed = t;
                pool.submit(() -> run(seed));
            }
            pool.submit(this::sampleMemory);
        }

        void remove(Instance instance) {
            rotation.remove(instance);
        }

        private void run(int seed) {
            int n = seed;
            while (running.get()) {
                List<Instance> now = rotation;
                Instance instance = now.get(n % now.size());
                Partition partition = partitions.get((n / 3) % partitions.size());
                String path = switch (n % 4) {
                case 0 -> partition.current();
                case 1 -> partition.days() + "/board";
                case 2 -> "/api/regions/" + partition.region() + "/days?from=" + partition.day() + "&to="
                        + partition.day();
                default -> "/api/technicians?size=20";
                };
                n++;
                long start = System.nanoTime();
                try {
                    int status = instance.as("dispatcher").get(path).statusCode();
                    micros.add((System.nanoTime() - start) / 1000);
                    perInstance.computeIfAbsent(instance.host(), h -> new AtomicInteger()).incrementAndGet();
                    if (status >= 500) {
                        serverErrors.add(status + " " + instance.host() + " " + path);
                    } else {
                        ok.incrementAndGet();
                    }
                } catch (Exception e) {
                    connectionFailures.incrementAndGet();
                }
            }
        }

        private void sampleMemory() {
            while (running.get()) {
                for (Instance instance : instances) {
                    long rss = rssKb(instance.process());
                    instance.maxRssKb()[0] = Math.max(instance.maxRssKb()[0], rss);
                    long ticks = cpuTicks(instance.process());
                    if (ticks > 0) {
                        long[] cpu = instance.cpu();
                        if (cpu[0] < 0) {
                            cpu[0] = ticks;
                            cpu[1] = System.nanoTime();
                        }
                        cpu[2] = ticks;
                        cpu[3] = System.nanoTime();
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            stoppedAt = System.nanoTime();
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }

        List<String> serverErrors() {
            return serverErrors;
        }

        int ok() {
            return ok.get();
        }

        void report(Map<String, Object> into) {
            List<Long> sorted;
            synchronized (micros) {
                sorted = new ArrayList<>(micros);
            }
            Collections.sort(sorted);
            double seconds = (stoppedAt - startedAt) / 1e9;
            into.put("load: client threads", settings.loadThreads());
            into.put("load: requests", sorted.size());
            into.put("load: duration (s)", round(seconds));
            into.put("load: requests per second", round(sorted.size() / seconds));
            into.put("load: requests per instance", new TreeMap<>(perInstance));
            into.put("load: latency p50 / p95 / p99 / max (ms)", sorted.isEmpty() ? "-"
                    : String.format("%.1f / %.1f / %.1f / %.1f", percentile(sorted, 0.50), percentile(sorted, 0.95),
                            percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0));
            into.put("load: 5xx answers", serverErrors.size());
            into.put("load: connection failures (instance already gone)", connectionFailures.get());
        }
    }

    private static double percentile(List<Long> sortedMicros, double share) {
        int index = (int) Math.min(sortedMicros.size() - 1, Math.ceil(share * sortedMicros.size()) - 1);
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }

    /** Linux's USER_HZ: the unit of the CPU times in /proc/<pid>/stat. */
    private static final double CLOCK_TICKS = 100.0;

    /** CPU time a process used so far, user and system, in clock ticks (Linux); 0 when it cannot be read. */
    private static long cpuTicks(Process process) {
        if (!process.isAlive()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Resident memory of a process (Linux), 0 when it cannot be read. */
    private static long rssKb(Process process) {
        if (!process.isAlive()) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    // ---- Helpers ----

    private void writeSummary() throws IOException {
        summary.put("date", OffsetDateTime.now().toString());
        String text = summary.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
        log("summary%n%s", text);
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve("summary.txt"), text + "\n");
    }

    private Path temporaryDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        temporary.add(directory);
        return directory;
    }


    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void log(String format, Object... arguments) {
        System.out.println("[ScaleOutIT] " + String.format(format, arguments));
    }



}
