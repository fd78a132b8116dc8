package org.tehai.dispatch;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.tehai.dispatch.PlanSnapshot.Assignment;
import org.tehai.dispatch.PlanSnapshot.RouteFigures;
import org.tehai.dispatch.PlanningProblemBuilder.Placement;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The rows of a plan: assignments, route figures and the score history, written in JDBC batches inside the
 * caller's transaction (a 1,000-visit plan is one round trip per table).
 */
@ApplicationScoped
public class PlanStore {

    /** One point of a proposal's progress: the best score after {@code elapsedMillis}. */
    public record Progress(long elapsedMillis, HardMediumSoftLongScore score) {
    }

    @Inject
    EntityManager em;

    /**
     * Replaces the plan's rows by the snapshot. The plan's row is read again and locked first, so two writers of
     * one plan (the periodic save and the final one of a solve, or a publish flushing it) take turns instead of one
     * inserting rows the other has not yet deleted, and the second writes over the first's version, not an older
     * one. The caller's plan is as the database has it afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Plan plan, PlanSnapshot snapshot) {
        em.refresh(plan, LockModeType.PESSIMISTIC_WRITE);
        plan.score(snapshot.score());
        plan.assignedCount = (int) snapshot.assignedCount();
        plan.unassignedCount = (int) snapshot.unassignedCount();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from plan_assignment where plan_id = ?")) {
                delete.setLong(1, plan.id);
                delete.executeUpdate();
            }
            for (String table : List.of("plan_route", "plan_depot_stop")) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where plan_id = ?")) {
                    delete.setLong(1, plan.id);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into plan_depot_stop (plan_id, stop_id, "
                    + "shift_id, stop_index) values (?, ?, ?, ?)")) {
                for (var stop : snapshot.depotStops()) {
                    insert.setLong(1, plan.id);
                    insert.setString(2, stop.stopId());
                    insert.setLong(3, stop.shiftId());
                    insert.setInt(4, stop.stopIndex());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into plan_assignment (plan_id, visit_id, "
                    + "technician_id, shift_id, position, stop_index, arrival, planned_start, planned_end, travel_s, "
                    + "restock_before, break_before, pinned) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Assignment a : snapshot.assignments()) {
                    insert.setLong(1, plan.id);
                    insert.setLong(2, a.visitId());
                    setLong(insert, 3, a.technicianId());
                    setLong(insert, 4, a.shiftId());
                    setInt(insert, 5, a.position());
                    setInt(insert, 6, a.stopIndex());
                    insert.setTimestamp(7, timestamp(a.arrival()));
                    insert.setTimestamp(8, timestamp(a.plannedStart()));
                    insert.setTimestamp(9, timestamp(a.plannedEnd()));
                    setInt(insert, 10, a.travelSeconds());
                    insert.setBoolean(11, a.restockBefore());
                    insert.setBoolean(12, a.breakBefore());
                    insert.setBoolean(13, a.pinned());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into plan_route (plan_id, shift_id, "
                    + "technician_id, visit_count, travel_s, working_s, overtime_s, leaves_at, returns_at, depot_stop) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RouteFigures r : snapshot.routes()) {
                    insert.setLong(1, plan.id);
                    insert.setLong(2, r.shiftId());
                    insert.setLong(3, r.technicianId());
                    insert.setInt(4, r.visitCount());
                    insert.setInt(5, r.travelSeconds());
                    insert.setInt(6, r.workingSeconds());
                    insert.setInt(7, r.overtimeSeconds());
                    insert.setTimestamp(8, timestamp(r.leavesAt()));
                    insert.setTimestamp(9, timestamp(r.returnsAt()));
                    insert.setBoolean(10, r.depotStop());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Copies the rows of one plan to another (publishing copies the proposal it publishes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copy(Plan from, Plan to) {
        em.createNativeQuery("insert into plan_assignment (plan_id, visit_id, technician_id, shift_id, position, "
                + "stop_index, arrival, planned_start, planned_end, travel_s, restock_before, break_before, pinned) "
                + "select ?1, visit_id, technician_id, shift_id, position, stop_index, arrival, planned_start, "
                + "planned_end, travel_s, restock_before, break_before, pinned from plan_assignment where plan_id = ?2").setParameter(1, to.id)
                .setParameter(2, from.id).executeUpdate();
        em.createNativeQuery("insert into plan_depot_stop (plan_id, stop_id, shift_id, stop_index) select ?1, stop_id, "
                + "shift_id, stop_index from plan_depot_stop where plan_id = ?2").setParameter(1, to.id)
                .setParameter(2, from.id).executeUpdate();
        em.createNativeQuery("insert into plan_route (plan_id, shift_id, technician_id, visit_count, travel_s, working_s, "
                + "overtime_s, leaves_at, returns_at, depot_stop) select ?1, shift_id, technician_id, visit_count, "
                + "travel_s, working_s, overtime_s, leaves_at, returns_at, depot_stop from plan_route where plan_id = ?2")
                .setParameter(1, to.id).setParameter(2, from.id).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addProgress(Plan plan, List<Progress> points) {
        for (Progress point : points) {
            em.createNativeQuery("insert into plan_progress (plan_id, elapsed_ms, hard_score, medium_score, soft_score) "
                    + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing").setParameter(1, plan.id)
                    .setParameter(2, point.elapsedMillis()).setParameter(3, point.score().hardScore())
                    .setParameter(4, point.score().mediumScore()).setParameter(5, point.score().softScore())
                    .executeUpdate();
        }
    }

    public List<Progress> progress(Plan plan) {
        List<Progress> points = new ArrayList<>();
        for (Object[] row : rows("select elapsed_ms, hard_score, medium_score, soft_score from plan_progress "
                + "where plan_id = ?1 order by elapsed_ms", plan.id)) {
            points.add(new Progress(((Number) row[0]).longValue(), HardMediumSoftLongScore.of(((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue())));
        }
        return points;
    }

    public List<Assignment> assignments(Plan plan) {
        List<Assignment> assignments = new ArrayList<>();
        for (Object[] r : rows("select visit_id, technician_id, shift_id, position, stop_index, arrival, planned_start, "
                + "planned_end, travel_s, restock_before, break_before, pinned from plan_assignment where plan_id = ?1 "
                + "order by technician_id nulls last, position, visit_id", plan.id)) {
            assignments.add(new Assignment(((Number) r[0]).longValue(), longOrNull(r[1]), longOrNull(r[2]),
                    intOrNull(r[3]), intOrNull(r[4]), instant(r[5]), instant(r[6]), instant(r[7]), intOrNull(r[8]),
                    (Boolean) r[9], (Boolean) r[10], (Boolean) r[11]));
        }
        return assignments;
    }

    public List<RouteFigures> routes(Plan plan) {
        List<RouteFigures> routes = new ArrayList<>();
        for (Object[] r : rows("select shift_id, technician_id, visit_count, travel_s, working_s, overtime_s, leaves_at, "
                + "returns_at, depot_stop from plan_route where plan_id = ?1 order by technician_id", plan.id)) {
            routes.add(new RouteFigures(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                    ((Number) r[5]).intValue(), instant(r[6]), instant(r[7]), (Boolean) r[8]));
        }
        return routes;
    }

    /** Where each assigned visit and depot stop sits (by planning id), to rebuild this plan or start from it. */
    public Map<String, Placement> placements(Plan plan) {
        Map<String, Placement> placements = new HashMap<>();
        if (plan == null) {
            return placements;
        }
        for (Assignment a : assignments(plan)) {
            if (a.assigned()) {
                placements.put(Long.toString(a.visitId()), new Placement(a.shiftId(),
                        a.stopIndex() == null ? a.position() : a.stopIndex()));
            }
        }
        for (Object[] r : rows("select stop_id, shift_id, stop_index from plan_depot_stop where plan_id = ?1", plan.id)) {
            placements.put((String) r[0], new Placement(((Number) r[1]).longValue(), ((Number) r[2]).intValue()));
        }
        return placements;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long planId) {
        return em.createNativeQuery(sql).setParameter(1, planId).getResultList();
    }

    private static Integer intOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

}
