package org.tehai.field;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.technician.Technician;
import org.tehai.visit.Visit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event as the phone sent it; (technician, clientEventId) is unique, so a resent event is recognised. */
@Entity
@Table(name = "technician_event")
public class TechnicianEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Technician technician;
    public String clientEventId;
    @Enumerated(EnumType.STRING)
    public TechnicianEventType type;
    @ManyToOne
    public Visit visit;
    public Instant occurredAt;
    public Instant receivedAt;
    public Double latitude;
    public Double longitude;
    public String notes;
    /** RUNNING_LONG: how many more minutes the job on site takes, as the technician guessed. */
    public Integer minutesLeft;

    public static boolean exists(Technician technician, String clientEventId) {
        return count("technician = ?1 and clientEventId = ?2", technician, clientEventId) > 0;
    }
}
