package org.tehai.field;

import java.time.Instant;

import org.tehai.technician.Technician;

/**
 * A technician's phone reported progress or a newer position, up to {@code at}. Fired inside the transaction that
 * applied the report, so what observers write (the re-estimated day) commits or rolls back with it.
 *
 * @param visitCompleted true when a visit was completed: durations learned from finished visits are out of date
 */
public record TechnicianReported(Technician technician, Instant at, boolean visitCompleted) {
}
