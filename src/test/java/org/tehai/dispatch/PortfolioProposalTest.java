package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With {@code tehai.dispatch.portfolio=2} a proposal is solved by two solvers at once, and stops as one. */
@QuarkusTest
@TestProfile(PortfolioProposalTest.TwoSolvers.class)
class PortfolioProposalTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 12);

    public static class TwoSolvers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tehai.dispatch.portfolio", "2");
        }
    }

    private static String smallDay(int technicianCount, int visitCount) {
        long region = TestData.region();
        for (int i = 0; i < technicianCount; i++) {
            TestData.shift(TestData.technician(region).id(), DAY);
        }
        for (int i = 0; i < visitCount; i++) {
            TestData.visit(TestData.ticket(region), DAY);
        }
        return "/api/regions/" + region + "/days/" + DAY;
    }

    private static JsonPath current(String day) {
        return as(DISPATCHER).get(day + "/proposals/current").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath waitUntilSolved(String day) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> List
                .of("DONE", "STOPPED", "FAILED").contains(current(day).getString("status")));
        return current(day);
    }

    /** The names of the portfolio members' threads alive now. */
    private static List<String> memberThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("solver-portfolio-seed-")) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    @Test
    void solvesAProposalToAFeasiblePlan() {
        String day = smallDay(2, 4);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 3, "unimprovedSpentLimitSeconds", 1))
                .post(day + "/proposals").then().statusCode(202);

        JsonPath done = waitUntilSolved(day);

        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("assigned")).isEqualTo(4);
        assertThat(done.getBoolean("feasible")).isTrue();
        assertThat(done.getList("history")).isNotEmpty();
    }

    @Test
    void aStopEndsBothSolversAndKeepsTheBestSoFar() {
        String day = smallDay(2, 4);
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 600)).post(day + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> current(day).getInt("assigned") == 4);
        assertThat(memberThreads()).containsExactlyInAnyOrder("solver-portfolio-seed-0", "solver-portfolio-seed-1");

        as(DISPATCHER).delete(day + "/proposals/current").then().statusCode(200);
        JsonPath stopped = waitUntilSolved(day);

        assertThat(stopped.getString("status")).isEqualTo("STOPPED");
        assertThat(stopped.getInt("assigned")).isEqualTo(4);
        assertThat(stopped.getBoolean("feasible")).isTrue();
        assertThat(stopped.getDouble("elapsedSeconds")).isLessThan(60);
        await().atMost(Duration.ofSeconds(10)).until(() -> memberThreads().isEmpty());
    }
}
