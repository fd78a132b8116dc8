package org.tehai.technician;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.OptimisticLock;
import org.tehai.part.PartQuantity;
import org.tehai.platform.TrackedEntity;
import org.tehai.region.Region;

/**
 * A field technician: what they can do (skills with levels, tools), what they carry (van stock), where they start
 * (home base) and in which region they work. Shifts are separate records per work date.
 */
@Entity
@Table(name = "technician")
public class Technician extends TrackedEntity {

    public String code;
    /** The user name the technician signs in with (JWT {@code upn}). */
    public String login;
    public String firstName;
    public String lastName;
    public String phone;

    @ManyToOne(optional = false)
    public Region region;

    public String homeAddress;
    public double homeLatitude;
    public double homeLongitude;

    /** Where the phone last was; written by every position ping, so not an edit of the technician record. */
    @OptimisticLock(excluded = true)
    public Double lastLatitude;
    @OptimisticLock(excluded = true)
    public Double lastLongitude;
    @OptimisticLock(excluded = true)
    public Instant lastPositionAt;

    public boolean active = true;

    @ElementCollection
    @CollectionTable(name = "technician_skill", joinColumns = @JoinColumn(name = "technician_id"))
    public List<SkillLevel> skills = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "technician_tool", joinColumns = @JoinColumn(name = "technician_id"))
    @Column(name = "tool")
    public Set<String> tools = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "van_stock", joinColumns = @JoinColumn(name = "technician_id"))
    public List<PartQuantity> vanStock = new ArrayList<>();

    /** The phone was here at {@code at}; a position without coordinates, or not newer than the last, is ignored. */
    public void positionedAt(Double latitude, Double longitude, Instant at) {
        if (latitude == null || (lastPositionAt != null && !at.isAfter(lastPositionAt))) {
            return;
        }
        lastLatitude = latitude;
        lastLongitude = longitude;
        lastPositionAt = at;
    }

    /**
     * The technician used {@code quantity} of the part from the van: its stock goes down, never below zero. Returns
     * how many the van held before (0 when the part is not stocked).
     */
    public int takeFromVan(String partCode, int quantity) {
        PartQuantity line = vanStock.stream().filter(l -> l.part.code.equals(partCode)).findFirst().orElse(null);
        if (line == null) {
            return 0;
        }
        int had = line.quantity;
        line.quantity = Math.max(0, had - quantity);
        return had;
    }

    public Optional<Integer> levelOf(String skill) {
        return skills.stream().filter(s -> s.skill.equals(skill)).map(s -> s.level).findFirst();
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** The record id of an active technician with this login, or null: who may sign in. */
    public static Long activeIdForLogin(String login) {
        return find("select t.id from Technician t where t.login = ?1 and t.active = true", login).project(Long.class)
                .firstResult();
    }

    /** The technician record id of a login, or null: used to link a signed-in technician to its data. */
    public static Long idForLogin(String login) {
        return find("select t.id from Technician t where t.login = ?1", login).project(Long.class).firstResult();
    }
}
