package org.tehai.region;

import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;

/** A service region: the unit of planning (one plan per region and day) with its own time zone. */
@Entity
@Table(name = "region")
public class Region extends TrackedEntity {

    public String code;
    public String name;
    public String timeZone;
    /** What a live re-planning does with a better plan: MANUAL (a dispatcher publishes) or AUTOMATIC. */
    @Enumerated(EnumType.STRING)
    public PublishPolicy publishPolicy = PublishPolicy.MANUAL;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public static Region findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** The region a URL or query names, by id ("1") or by code ("TOKYO-WEST"); null when there is none. */
    public static Region findByIdOrCode(String reference) {
        String trimmed = reference.trim();
        return !trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)
                ? findById(Long.parseLong(trimmed)) : findByCode(trimmed);
    }
}
