package org.tehai.field;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tehai.planning.Location;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;

import io.quarkus.scheduler.Scheduled;

/**
 * The trail of positions a technician's phone reports, and the drives measured from it: when a technician arrives at
 * a visit, the drive since the EN_ROUTE report at that visit is written down with the distance the trail shows, its
 * longest stop and whether a break was reported in between. The drive ends where the trail first reached the site
 * (a van early for the customer's window waits outside; that wait is not driving), else at the ARRIVED report. Drive speeds are learned from these rows (in
 * {@code routing}); a detour or a long stop tells something about the day, not about the roads, and is told apart
 * there.
 */
@ApplicationScoped
public class DriveLog {

    /** Positions are kept this long: enough to measure every drive when its arrival is reported. */
    static final Duration TRAIL_KEPT = Duration.ofDays(7);
    /** Measured drives are kept this long. */
    static final Duration DRIVES_KEPT = Duration.ofDays(400);
    /** Points closer than this to where a stop began belong to the stop (GPS jitter, walking to the door). */
    static final double STOP_RADIUS_METERS = 150;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Keeps a reported position in the trail (once per technician and instant). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void position(Technician technician, double latitude, double longitude, Instant at) {
        entityManager.createNativeQuery("""
                insert into technician_position (technician_id, recorded_at, latitude, longitude)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, technician.id).setParameter(2, at).setParameter(3, latitude).setParameter(4, longitude)
                .executeUpdate();
    }

    /** The technician reported arriving at the visit at {@code at}: the drive since its EN_ROUTE is measured. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(Technician technician, Visit visit, Instant at) {
        if (visit.site == null || visit.site.latitude == null || visit.site.longitude == null) {
            return;
        }
        TechnicianEvent departure = TechnicianEvent.find("technician = ?1 and visit = ?2 and type = ?3 "
                + "and occurredAt < ?4 and latitude is not null order by occurredAt desc", technician, visit,
                TechnicianEventType.EN_ROUTE, at).firstResult();
        if (departure == null) {
            return;
        }
        Location from = new Location(departure.latitude, departure.longitude);
        Location to = new Location(visit.site.latitude, visit.site.longitude);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select extract(epoch from recorded_at), latitude, longitude from technician_position
                where technician_id = ?1 and recorded_at > ?2 and recorded_at < ?3 order by recorded_at""")
                .setParameter(1, technician.id).setParameter(2, departure.occurredAt).setParameter(3, at)
                .getResultList();
        List<Point> trail = new ArrayList<>();
        trail.add(new Point(departure.occurredAt, from));
        for (Object[] row : rows) {
            trail.add(new Point(Instant.ofEpochMilli(Math.round(((Number) row[0]).doubleValue() * 1000)),
                    new Location(((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue())));
        }
        trail.add(new Point(at, to));
        // A van that reached the site early and waited to ring ends its drive where the trail first reached the site.
        Instant reached = at;
        for (int i = 1; i < trail.size() - 1; i++) {
            if (trail.get(i).location().metersTo(to) <= STOP_RADIUS_METERS) {
                reached = trail.get(i).at();
                trail.subList(i + 1, trail.size() - 1).clear();
                break;
            }
        }
        boolean hadBreak = TechnicianEvent.count("technician = ?1 and type in ?2 and occurredAt > ?3 "
                + "and occurredAt < ?4", technician, List.of(TechnicianEventType.BREAK_STARTED,
                        TechnicianEventType.BREAK_ENDED), departure.occurredAt, at) > 0;
        entityManager.createNativeQuery("""
                insert into measured_drive (visit_id, technician_id, region_id, departed_at, arrived_at,
                    from_latitude, from_longitude, to_latitude, to_longitude, direct_meters, trail_meters, trail_points,
                    longest_stop_seconds, had_break)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                on conflict (visit_id) do update set technician_id = excluded.technician_id,
                    departed_at = excluded.departed_at, arrived_at = excluded.arrived_at,
                    from_latitude = excluded.from_latitude, from_longitude = excluded.from_longitude,
                    direct_meters = excluded.direct_meters, trail_meters = excluded.trail_meters,
                    trail_points = excluded.trail_points, longest_stop_seconds = excluded.longest_stop_seconds,
                    had_break = excluded.had_break""")
                .setParameter(1, visit.id).setParameter(2, technician.id).setParameter(3, visit.region.id)
                .setParameter(4, departure.occurredAt).setParameter(5, reached)
                .setParameter(6, from.latitude()).setParameter(7, from.longitude())
                .setParameter(8, to.latitude()).setParameter(9, to.longitude())
                .setParameter(10, from.metersTo(to)).setParameter(11, length(trail)).setParameter(12, trail.size() - 2)
                .setParameter(13, longestStop(trail).toSeconds()).setParameter(14, hadBreak)
                .executeUpdate();
    }

    /** Old positions and drives go; the learned speeds only look back a few weeks. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        Instant now = Instant.now(clock);
        entityManager.createNativeQuery("delete from technician_position where recorded_at < ?1")
                .setParameter(1, now.minus(TRAIL_KEPT)).executeUpdate();
        entityManager.createNativeQuery("delete from measured_drive where departed_at < ?1")
                .setParameter(1, now.minus(DRIVES_KEPT)).executeUpdate();
    }

    record Point(Instant at, Location location) {
    }

    static double length(List<Point> trail) {
        double meters = 0;
        for (int i = 1; i < trail.size(); i++) {
            meters += trail.get(i - 1).location().metersTo(trail.get(i).location());
        }
        return meters;
    }

    /** The longest time the trail stayed within {@link #STOP_RADIUS_METERS} of one point, the arrival excluded. */
    static Duration longestStop(List<Point> trail) {
        Duration longest = Duration.ZERO;
        int anchor = 0;
        for (int i = 1; i < trail.size() - 1; i++) {
            if (trail.get(anchor).location().metersTo(trail.get(i).location()) > STOP_RADIUS_METERS) {
                anchor = i;
                continue;
            }
            Duration stop = Duration.between(trail.get(anchor).at(), trail.get(i).at());
            longest = stop.compareTo(longest) > 0 ? stop : longest;
        }
        return longest;
    }
}
