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

    /**
     * The region a URL or query names, by code ("TOKYO-WEST") or by id ("1"); null when there is none. Codes always
     * hold a letter (see {@link RegionRequest}), so a reference never means two regions.
     */
    public static Region findByIdOrCode(String reference) {
        String trimmed = reference.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() <= 18 && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return findById(Long.parseLong(trimmed));
        }
        return trimmed.length() > 40 ? null : findByCode(trimmed);
    }
}
