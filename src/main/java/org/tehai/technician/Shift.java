package org.tehai.technician;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;

/** A technician's working time on one local date, with breaks and the overtime a dispatcher may use. */
@Entity
@Table(name = "shift")
public class Shift extends TrackedEntity {

    @ManyToOne(optional = false)
    public Technician technician;

    public LocalDate workDate;
    public Instant startsAt;
    public Instant endsAt;
    public int maxOvertimeMinutes;

    @ElementCollection
    @CollectionTable(name = "shift_break", joinColumns = @JoinColumn(name = "shift_id"))
    @OrderColumn(name = "position")
    public List<ShiftBreak> breaks = new ArrayList<>();

    /**
     * The technician stops for the day at {@code at}, before the shift's end: the shift ends then (a minute after
     * its start at the earliest). Returns false, changing nothing, when {@code at} is not before the end.
     */
    public boolean endEarlyAt(Instant at) {
        if (!at.isBefore(endsAt)) {
            return false;
        }
        endsAt = at.isAfter(startsAt) ? at : startsAt.plus(Duration.ofMinutes(1));
        return true;
    }

    public static Shift find(long technicianId, LocalDate date) {
        return find("technician.id = ?1 and workDate = ?2", technicianId, date).firstResult();
    }
}
