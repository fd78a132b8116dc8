package org.tehai.part;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;

/** A spare part type of the catalogue, e.g. ONT-7, an optical network terminal. */
@Entity
@Table(name = "part")
public class Part extends TrackedEntity {

    public String code;
    public String name;

    public static Part findByCode(String code) {
        return find("code", code).firstResult();
    }
}
