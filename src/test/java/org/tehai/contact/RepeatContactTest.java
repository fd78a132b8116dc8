package org.tehai.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.support.AdjustableClock;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RepeatContactTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCountACustomerContactingAgainWithinSevenDaysAsARepeat() {
        long customer = TestData.customer("Repeat Caller", TestData.tokyoPhone());
        long ticket = as("agent").body(Map.of("customerId", customer, "troubleCode", "INTERNET/SLOW"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");

        clock.advance(Duration.ofDays(2));
        boolean secondCall = as("agent").body(Map.of("kind", "ARRIVAL_INQUIRY", "notes", "When will they come?"))
                .post("/api/tickets/" + ticket + "/contacts").then().statusCode(201).extract().path("repeatContact");
        boolean ourCall = as("agent").body(Map.of("kind", "OTHER", "direction", "OUTBOUND", "notes", "Informed"))
                .post("/api/tickets/" + ticket + "/contacts").then().statusCode(201).extract().path("repeatContact");

        clock.advance(Duration.ofDays(8));
        boolean muchLater = as("agent").body(Map.of("kind", "OTHER", "notes", "Something else"))
                .post("/api/tickets/" + ticket + "/contacts").then().statusCode(201).extract().path("repeatContact");

        assertThat(secondCall).as("second inbound contact within 7 days").isTrue();
        assertThat(ourCall).as("our own call is not the customer contacting again").isFalse();
        assertThat(muchLater).as("more than 7 days after the last inbound contact").isFalse();
    }
}
