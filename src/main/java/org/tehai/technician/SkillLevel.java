package org.tehai.technician;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A skill and how well it is mastered (1 = basic .. 5 = expert); on a visit, the minimum level needed. */
@Embeddable
public class SkillLevel {

    public String skill;

    @Column(name = "level")
    public int level;

    public SkillLevel() {
    }

    public SkillLevel(String skill, int level) {
        this.skill = skill;
        this.level = level;
    }
}
