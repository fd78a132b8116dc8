package org.tehai.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tehai.planning.Location;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The application with {@code tehai.routing.osm-file} set: a synthetic town with blocks of 1 km and a river that one
 * bridge crosses at the west end. A technician lives on the south bank at the east end; two customers live 1 km from
 * that door as the crow flies, one on the same bank, one across the water. The straight line gives both the same
 * few minutes' drive; on the roads the one across waits for an 11 km drive round by the bridge, and the desk offers
 * that customer a later window.
 */
@QuarkusTest
@TestProfile(RoadWindowsTest.RiverTown.class)
class RoadWindowsTest {

    static final SyntheticTown TOWN = new SyntheticTown(1_000);
    private static final LocalDate DAY = LocalDate.of(2031, 5, 20);
    private static final ZoneId ZONE = ZoneId.of(TestData.ZONE);
    /** TestData's shifts start at 08:30. */
    private static final OffsetDateTime SHIFT_START = DAY.atTime(8, 30).atZone(ZONE).toOffsetDateTime();

    /** The town written to a fresh data directory, which the graph is then imported into. */
    public static class RiverTown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path data = Files.createTempDirectory("tehai-road-");
                Path osm = TOWN.write(data.resolve("river-town.osm"));
                return Map.of("tehai.routing.osm-file", osm.toString(), "tehai.data-dir", data.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aCustomerAcrossTheRiverIsOfferedALaterWindowThanOneAsFarOnTheSameBank() {
        Location home = TOWN.beside(2, 5);
        Location sameBank = TOWN.beside(1, 5);
        Location acrossTheRiver = TOWN.beside(3, 5);
        StraightLineTravelTime straightLine = new StraightLineTravelTime();
        // As the crow flies both are about as far (30 m apart: the doors are back from the street), a 2-minute drive.
        assertThat(straightLine.travelSeconds(home, acrossTheRiver))
                .isCloseTo(straightLine.travelSeconds(home, sameBank), org.assertj.core.data.Offset.offset(10L))
                .isLessThan(3 * 60);

        long region = TestData.region();
        Map<String, Object> technician = new HashMap<>(TestData.technicianBody(region, TestData.newLogin()));
        technician.put("homeLatitude", home.latitude());
        technician.put("homeLongitude", home.longitude());
        long technicianId = as(DISPATCHER).body(technician).post("/api/technicians").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TestData.shift(technicianId, DAY);

        OffsetDateTime sameBankStart = earliestStart(visitAt(region, sameBank));
        OffsetDateTime acrossStart = earliestStart(visitAt(region, acrossTheRiver));

        assertThat(Duration.between(SHIFT_START, sameBankStart)).as("same bank: %s", sameBankStart)
                .isLessThan(Duration.ofMinutes(10));
        assertThat(Duration.between(SHIFT_START, acrossStart)).as("across the river: %s", acrossStart)
                .isGreaterThan(Duration.ofMinutes(15));
        assertThat(earliestWindowStart).as("quoted window starts").hasSize(2);
        assertThat(earliestWindowStart.get(1)).as("window across the river against the same bank's")
                .isAfter(earliestWindowStart.get(0));
    }

    private final List<OffsetDateTime> earliestWindowStart = new java.util.ArrayList<>();

    private static long visitAt(long region, Location location) {
        long customer = TestData.customer("Sato Hanako", TestData.tokyoPhone());
        long site = TestData.site(customer, region, null, null, location.latitude(), location.longitude());
        Map<String, Object> visit = new HashMap<>(TestData.visitBody(TestData.ticket(customer, site), DAY));
        visit.put("availability", List.of(TestData.window(DAY, 8, 12)));
        return as(DISPATCHER).body(visit).post("/api/visits").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /** The earliest planned start among the desk's slot offers on DAY; notes that offer's window start. */
    private OffsetDateTime earliestStart(long visit) {
        JsonPath answer = as(AGENT).get("/api/visits/" + visit + "/slot-options?from=" + DAY + "&days=1&count=5")
                .then().statusCode(200).extract().jsonPath();
        int size = answer.getList("options").size();
        assertThat(size).isPositive();
        int earliest = 0;
        for (int i = 1; i < size; i++) {
            if (start(answer, i).isBefore(start(answer, earliest))) {
                earliest = i;
            }
        }
        earliestWindowStart.add(OffsetDateTime.parse(answer.getString("options[" + earliest + "].window.start")));
        return start(answer, earliest);
    }

    private static OffsetDateTime start(JsonPath answer, int option) {
        return OffsetDateTime.parse(answer.getString("options[" + option + "].plannedStart"));
    }
}
