package org.tehai.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tehai.planning.Location;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Drive speeds learned from measured drives (EN_ROUTE → ARRIVED), by region and hour of departure. */
@QuarkusTest
class DriveSpeedsTest {

    private static final ZoneId TOKYO = ZoneId.of(TestData.ZONE);
    /** About 5 km from the test sites (35.7046, 139.6494): a base drive of about ten minutes. */
    private static final Location SET_OFF = new Location(35.66, 139.65);

    @Inject
    TravelTimes travelTimes;

    @Inject
    DriveSpeeds speeds;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldLearnThatRushHourDrivesAreSlowerAndPoolFewDrivesWithThePrior() {
        long region = TestData.region();
        TestData.Technician technician = TestData.technician(region);
        long base = travelTimes.base().travelSeconds(SET_OFF, new Location(35.7046, 139.6494));
        LocalDate day = LocalDate.now(TOKYO).minusDays(3);
        for (int i = 0; i < 10; i++) {
            drive(region, technician, day.atTime(8, 5 * i).atZone(TOKYO).toInstant(), Math.round(base * 2.0), false);
            drive(region, technician, day.atTime(13, 5 * i).atZone(TOKYO).toInstant(), Math.round(base * 1.2), false);
        }
        // Neither a drive with a break in it nor one four times as slow as the base teaches anything.
        drive(region, technician, day.atTime(13, 55).atZone(TOKYO).toInstant(), Math.round(base * 3.0), true);
        drive(region, technician, day.atTime(8, 55).atZone(TOKYO).toInstant(), base * 5, false);
        speeds.forget();

        DriveSpeeds.Model model = speeds.of(region, TOKYO, travelTimes.base());

        assertThat(model.drives()).isEqualTo(20);
        // The region: 20 drives averaging 1.6 pooled with the prior's 20 at 1.0; each hour pooled with the region.
        double regionFactor = (20 * 1.0 + 10 * 2.0 + 10 * 1.2) / 40;
        assertThat(model.factor(8)).isCloseTo((20 * regionFactor + 10 * 2.0) / 30, within(0.01));
        assertThat(model.factor(13)).isCloseTo((20 * regionFactor + 10 * 1.2) / 30, within(0.01));
        assertThat(model.factor(3)).isCloseTo(regionFactor, within(0.01));
        assertThat(model.cv(8, 0.25)).isGreaterThan(0).isLessThan(0.6);

        Duration rushDrive = travelTimes.drive(region, TOKYO, SET_OFF, new Location(35.7046, 139.6494),
                LocalDate.now(TOKYO).atTime(8, 30).atZone(TOKYO).toInstant());
        assertThat(rushDrive.toSeconds()).isCloseTo(Math.round(base * model.factor(8)), within(2L));
        assertThat(travelTimes.forRegion(region, TOKYO).driveFactor(13)).isEqualTo(model.factor(13));
    }

    @Test
    void shouldKeepTheBaseTimesWhereNothingWasMeasured() {
        long region = TestData.region();
        DriveSpeeds.Model model = speeds.of(region, TOKYO, travelTimes.base());
        assertThat(model.drives()).isZero();
        assertThat(model.factor(8)).isEqualTo(1.0);
        assertThat(model.cv(8, 0.25)).isCloseTo(0.25, within(1e-9));
    }

    /** A drive from {@link #SET_OFF} to a new visit's site: EN_ROUTE at {@code leftAt}, ARRIVED {@code seconds} later. */
    private void drive(long region, TestData.Technician technician, Instant leftAt, long seconds, boolean withBreak) {
        long visit = TestData.visit(TestData.ticket(region), LocalDate.ofInstant(leftAt, TOKYO));
        QuarkusTransaction.requiringNew().run(() -> {
            event(technician, "EN_ROUTE", visit, leftAt, SET_OFF.latitude(), SET_OFF.longitude());
            if (withBreak) {
                event(technician, "BREAK_STARTED", null, leftAt.plusSeconds(seconds / 3), null, null);
                event(technician, "BREAK_ENDED", null, leftAt.plusSeconds(seconds / 2), null, null);
            }
            event(technician, "ARRIVED", visit, leftAt.plusSeconds(seconds), 35.7046, 139.6494);
        });
    }

    private void event(TestData.Technician technician, String type, Long visit, Instant at, Double latitude,
            Double longitude) {
        entityManager.createNativeQuery("""
                insert into technician_event (technician_id, client_event_id, type, visit_id, occurred_at, received_at,
                                              latitude, longitude)
                values (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)""")
                .setParameter(1, technician.id()).setParameter(2, Api.unique("event")).setParameter(3, type)
                .setParameter(4, visit).setParameter(5, at).setParameter(6, latitude).setParameter(7, longitude)
                .executeUpdate();
    }
}
