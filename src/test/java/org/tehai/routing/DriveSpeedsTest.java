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
import org.tehai.support.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Drive speeds learned from measured drives (EN_ROUTE → ARRIVED), by region and hour of departure. */
@QuarkusTest
class DriveSpeedsTest {

    private static final ZoneId TOKYO = ZoneId.of(TestData.ZONE);
    /** About 5 km from the test sites (35.7046, 139.6494): a base drive of about ten minutes. */
    private static final Location SET_OFF = new Location(35.66, 139.65);
    private static final Location SITE = new Location(35.7046, 139.6494);

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
            double jitter = i % 2 == 0 ? 0.2 : -0.2;
            drive(region, technician, day.atTime(8, 5 * i).atZone(TOKYO).toInstant(), Math.round(base * (2.0
                    + jitter)), false);
            drive(region, technician, day.atTime(13, 5 * i).atZone(TOKYO).toInstant(), Math.round(base * (1.2
                    + jitter)), false);
        }
        // Nothing is learned from a drive with a break in it, a detour, a long stop, or one five times the base.
        drive(region, technician, day.atTime(13, 55).atZone(TOKYO).toInstant(), Math.round(base * 3.0), true);
        drive(region, technician, day.atTime(13, 56).atZone(TOKYO).toInstant(), Math.round(base * 3.0), false, 2.5, 0);
        drive(region, technician, day.atTime(13, 57).atZone(TOKYO).toInstant(), Math.round(base * 3.0), false, 1.1,
                900);
        drive(region, technician, day.atTime(8, 55).atZone(TOKYO).toInstant(), base * 5, false);
        speeds.forget();

        DriveSpeeds.Model model = speeds.of(region, TOKYO, travelTimes.base());

        assertThat(model.drives()).isEqualTo(20);
        // The region: 20 drives averaging 1.6 pooled with the prior's 20 at 1.0. The two hours differ far more than
        // their drives scatter (±0.2), so each hour's ten drives outweigh the region's mean, which counts as one drive.
        double regionFactor = (20 * 1.0 + 10 * 2.0 + 10 * 1.2) / 40;
        assertThat(model.hourWeight()).isEqualTo(1.0);
        assertThat(model.factor(8)).isCloseTo((regionFactor + 10 * 2.0) / 11, within(0.01));
        assertThat(model.factor(13)).isCloseTo((regionFactor + 10 * 1.2) / 11, within(0.01));
        assertThat(model.factor(3)).isCloseTo(regionFactor, within(0.01));
        assertThat(model.cv(8, 0.25)).isGreaterThan(0).isLessThan(0.6);

        Duration rushDrive = travelTimes.drive(region, TOKYO, SET_OFF, new Location(35.7046, 139.6494),
                LocalDate.now(TOKYO).atTime(8, 30).atZone(TOKYO).toInstant());
        assertThat(rushDrive.toSeconds()).isCloseTo(Math.round(base * model.factor(8)), within(2L));
        assertThat(travelTimes.forRegion(region, TOKYO).driveFactor(13)).isEqualTo(model.factor(13));
    }

    @Test
    void shouldPullHoursThatDoNotReallyDifferTowardsTheRegion() {
        long[] count = new long[24];
        double[] mean = new double[24];
        double[] variance = new double[24];
        count[10] = 10;
        mean[10] = 1.30;
        variance[10] = 0.09;
        count[14] = 10;
        mean[14] = 1.34;
        variance[14] = 0.09;
        DriveSpeeds.Model model = new DriveSpeeds.Model(count, mean, variance, 20);

        // Two hours 0.04 apart with drives scattering ±0.3: chance, not a slower hour; the prior's weight holds.
        assertThat(model.hourWeight()).isEqualTo(20);
        double region = (20 + 10 * 1.30 + 10 * 1.34) / 40;
        assertThat(model.factor(14)).isCloseTo((20 * region + 10 * 1.34) / 30, within(1e-9));
    }

    @Test
    void shouldKeepTheBaseTimesWhereNothingWasMeasured() {
        long region = TestData.region();
        DriveSpeeds.Model model = speeds.of(region, TOKYO, travelTimes.base());
        assertThat(model.drives()).isZero();
        assertThat(model.factor(8)).isEqualTo(1.0);
        assertThat(model.cv(8, 0.25)).isCloseTo(0.25, within(1e-9));
    }

    /**
     * A measured drive from {@link #SET_OFF} to a new visit's site, as {@code field/DriveLog} writes it: left at
     * {@code leftAt}, arrived {@code seconds} later, with a trail of {@code trailFactor} times the straight line.
     */
    private void drive(long region, TestData.Technician technician, Instant leftAt, long seconds, boolean withBreak) {
        drive(region, technician, leftAt, seconds, withBreak, 1.2, 0);
    }

    private void drive(long region, TestData.Technician technician, Instant leftAt, long seconds, boolean withBreak,
            double trailFactor, long longestStopSeconds) {
        long visit = TestData.visit(TestData.ticket(region), LocalDate.ofInstant(leftAt, TOKYO));
        double direct = SET_OFF.metersTo(SITE);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into measured_drive (visit_id, technician_id, region_id, departed_at, arrived_at,
                    from_latitude, from_longitude, to_latitude, to_longitude, direct_meters, trail_meters, trail_points,
                    longest_stop_seconds, had_break)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 3, ?12, ?13)""")
                .setParameter(1, visit).setParameter(2, technician.id()).setParameter(3, region)
                .setParameter(4, leftAt).setParameter(5, leftAt.plusSeconds(seconds))
                .setParameter(6, SET_OFF.latitude()).setParameter(7, SET_OFF.longitude())
                .setParameter(8, SITE.latitude()).setParameter(9, SITE.longitude())
                .setParameter(10, direct).setParameter(11, direct * trailFactor).setParameter(12, longestStopSeconds)
                .setParameter(13, withBreak).executeUpdate());
    }
}
