package org.tehai.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tehai.support.Api.as;
import static org.tehai.support.Processes.freePort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.support.Api;
import org.tehai.support.TestData;
import org.tehai.visit.Visit;

import com.sun.net.httpserver.HttpServer;

import jakarta.inject.Inject;

import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The outbox keeps a notification while the gateway is down or failing and delivers it once it recovers. */
@QuarkusTest
@TestProfile(NotificationDeliveryTest.WithWebhook.class)
class NotificationDeliveryTest {

    static final int PORT = freePort();

    public static class WithWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tehai.notifications.webhook-url", "http://localhost:" + PORT + "/sms",
                    "tehai.notifications.poll-every", "0.3s",
                    "tehai.notifications.first-backoff", "PT0.2S",
                    "tehai.notifications.max-backoff", "PT0.5S");
        }
    }

    @Inject
    Notifications notifications;

    @Inject
    NotificationDelivery delivery;

    private HttpServer gateway;
    private final AtomicInteger answer = new AtomicInteger(503);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void shouldKeepRetryingWhileTheGatewayIsDownAndDeliverOnceItRecovers() throws Exception {
        long notificationId = quoteWindowOfANewVisit();

        // Gateway not even listening: the notification stays pending and keeps its error.
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptsOf(notificationId) >= 2);
        assertThat(view(notificationId).get("status")).isEqualTo("PENDING");
        assertThat((String) view(notificationId).get("lastError")).contains("ConnectException");

        // Gateway up but failing.
        startGateway();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(view(notificationId).get("status")).isEqualTo("PENDING");
        assertThat((String) view(notificationId).get("lastError")).startsWith("HTTP 503");

        // Gateway recovers: delivered, once more, and then left alone.
        answer.set(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(view(notificationId).get("status")));
        int deliveredAfter = received.size();
        Thread.sleep(1500);
        assertThat(received).hasSize(deliveredAfter);
        assertThat(received.get(received.size() - 1)).contains("\"kind\":\"WINDOW_QUOTED\"").contains("10:00–11:00");
        assertThat(idempotencyKeys).containsOnly("tehai-notification-" + notificationId);
    }

    @Test
    void shouldDeliverTheWindowQuotedWhenADispatcherPublishesThePlan() throws Exception {
        startGateway();
        answer.set(202);
        LocalDate day = LocalDate.of(2030, 5, 14);
        long region = TestData.region();
        TestData.shift(TestData.technician(region).id(), day);
        long ticket = TestData.ticket(region);
        String number = as("agent").get("/api/tickets/" + ticket).then().extract().jsonPath().getString("number");
        TestData.visit(ticket, day);
        String path = "/api/regions/" + region + "/days/" + day;
        as("dispatcher").body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1))
                .post(path + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(as("dispatcher")
                .get(path + "/proposals/current").then().extract().jsonPath().getString("status")));
        as("dispatcher").post(path + "/proposals/current/publish").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(body -> body.contains(number)));
        String delivered = received.stream().filter(body -> body.contains(number)).findFirst().orElseThrow();
        assertThat(delivered).contains("\"kind\":\"WINDOW_QUOTED\"").contains("between");
    }

    @Test
    void shouldGiveTheRestOfItsBatchBackAtOnceWhenTheInstanceIsStopping() throws Exception {
        // The gateway holds the first call until told to answer, so the batch is claimed and its first send in flight.
        CountDownLatch answering = new CountDownLatch(1);
        gateway = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        gateway.createContext("/sms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                answering.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        gateway.start();
        List<Long> visits = List.of(newVisitWithQuotedWindow(), newVisitWithQuotedWindow());
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> visits.stream()
                .map(id -> notifications.about(Visit.findById(id), NotificationKind.WINDOW_QUOTED).id).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Instant stoppedAt = Instant.now();
        try {
            delivery.onStop(null);
            answering.countDown();
            // The notification in flight is delivered; the other is due again now, not when the claim would run out.
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().map(this::view)
                    .anyMatch(n -> "DELIVERED".equals(n.get("status"))));
            Map<String, Object> unsent = ids.stream().map(this::view)
                    .filter(n -> "PENDING".equals(n.get("status"))).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> Instant.parse((String) view(
                    ((Number) unsent.get("id")).longValue()).get("nextAttemptAt")).isBefore(stoppedAt.plusSeconds(5)));
            assertThat(received).hasSize(1);
            assertThat(view(((Number) unsent.get("id")).longValue()).get("attempts")).isEqualTo(0);
            assertThat(delivery.claimLease()).isGreaterThan(Duration.ofSeconds(60));
        } finally {
            ClientProxy.unwrap(delivery).stopping = false;
        }
        // Another instance (here: this one, running again) sends it at its next poll.
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().map(this::view)
                .allMatch(n -> "DELIVERED".equals(n.get("status"))));
    }

    private long newVisitWithQuotedWindow() {
        long region = TestData.region();
        long customer = TestData.customer("Notified Customer", TestData.tokyoPhone());
        long site = TestData.site(customer, region, null, null, 35.70, 139.65);
        long ticket = as("agent").body(Map.of("customerId", customer, "siteId", site, "troubleCode", "TV/NO_SIGNAL"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        long visitId = as("agent").body(Map.of("ticketId", ticket, "estimatedDurationMinutes", 45,
                "requiredSkills", List.of(), "requiredTools", List.of(), "requiredParts", List.of(),
                "availability", List.of(Map.of("startsAt", "2030-05-07T09:00:00+09:00",
                        "endsAt", "2030-05-07T12:00:00+09:00"))))
                .post("/api/visits").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Visit visit = Visit.findById(visitId);
            visit.quotedWindowStart = Instant.parse("2030-05-07T01:00:00Z");
            visit.quotedWindowEnd = Instant.parse("2030-05-07T02:00:00Z");
        });
        return visitId;
    }

    private long quoteWindowOfANewVisit() {
        long visitId = newVisitWithQuotedWindow();
        return QuarkusTransaction.requiringNew()
                .call(() -> notifications.about(Visit.findById(visitId), NotificationKind.WINDOW_QUOTED).id);
    }

    private Map<String, Object> view(long id) {
        List<Map<String, Object>> items = as("manager").get("/api/notifications?size=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(n -> ((Number) n.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    private int attemptsOf(long id) {
        return ((Number) view(id).get("attempts")).intValue();
    }

    private void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        gateway.createContext("/sms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        gateway.start();
    }

}
