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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tehai.support.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Writing a plan's rows. A solve's periodic save and its final save can run at the same moment (the tick still
 * holds the run when the solver ends); both must succeed, or the plan stays "solving" until its lease expires.
 */
@QuarkusTest
class PlanStoreTest {

    private static final LocalDate DAY = LocalDate.of(2030, 4, 9);

    @Inject
    PlanStore store;

    @Test
    void shouldLetTwoWritersOfOnePlanTakeTurns() throws Exception {
        long region = TestData.region();
        long technician = TestData.technician(region).id();
        TestData.shift(technician, DAY);
        for (int i = 0; i < 6; i++) {
            TestData.visit(TestData.ticket(region), DAY);
        }
        String path = "/api/regions/" + region + "/days/" + DAY;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", 2, "unimprovedSpentLimitSeconds", 1))
                .post(path + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(as(DISPATCHER)
                .get(path + "/proposals/current").then().extract().jsonPath().getString("status")));
        var solved = as(DISPATCHER).get(path + "/proposals/current").then().extract().jsonPath();
        long planId = solved.getLong("id");
        int assigned = solved.getInt("assigned");
        assertThat(assigned).isPositive();

        int writers = 2;
        int rounds = 25;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        together.await();
                        QuarkusTransaction.requiringNew().run(() -> {
                            Plan plan = Plan.findById(planId);
                            store.save(plan, new PlanSnapshot(plan.score(), store.assignments(plan), List.of(),
                                    store.routes(plan)));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(); // rethrows a writer's failure
            }
        } finally {
            pool.shutdownNow();
        }
        var proposal = as(DISPATCHER).get(path + "/proposals/current").then().extract().jsonPath();
        assertThat(proposal.getInt("assigned")).isEqualTo(assigned);
        int rows = QuarkusTransaction.requiringNew().call(() -> store.assignments(Plan.findById(planId)).size());
        assertThat(rows).isEqualTo(6); // every visit of the day once, assigned or not
    }
}
