package org.tehai.region;

import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;

/** A service region: the unit of planning (one plan per region and day) with its own time zone. */
@Entity
@Table(name = "region")
public class Region extends TrackedEntity {

    public String code;
    public String name;
    public String timeZone;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public static Region findByCode(String code) {
        return find("code", code).firstResult();
    }
}
