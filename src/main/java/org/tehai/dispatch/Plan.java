package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;
import org.tehai.region.Region;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One version of a region-day's schedule: a proposal being solved or reviewed, or a published plan. Its
 * assignments and per-route figures live in {@link PlanStore}.
 */
@Entity
@Table(name = "plan")
public class Plan extends TrackedEntity {

    @ManyToOne(optional = false)
    public Region region;
    public LocalDate workDate;
    /** Version number within the region-day, from 1. */
    public int number;
    @Enumerated(EnumType.STRING)
    public PlanKind kind;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    /** A live proposal keeps solving and takes changes until stopped or the day ends. */
    public boolean live;
    @ManyToOne
    public Plan basedOnPlan;
    public Long hardScore;
    public Long mediumScore;
    public Long softScore;
    public int assignedCount;
    public int unassignedCount;
    @Column(name = "spent_limit_s")
    public Integer spentLimitSeconds;
    @Column(name = "unimproved_limit_s")
    public Integer unimprovedLimitSeconds;
    public String requestedBy;
    public Instant requestedAt;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant bestFoundAt;
    public boolean stopRequested;
    public int restarts;
    public String failure;
    public String publishedBy;
    public Instant publishedAt;

    public HardMediumSoftLongScore score() {
        return hardScore == null ? null : HardMediumSoftLongScore.of(hardScore, mediumScore, softScore);
    }

    public void score(HardMediumSoftLongScore score) {
        hardScore = score.hardScore();
        mediumScore = score.mediumScore();
        softScore = score.softScore();
    }

    public static int nextNumber(Region region, LocalDate date) {
        Integer max = getEntityManager().createQuery("select max(p.number) from Plan p where p.region = ?1 "
                + "and p.workDate = ?2", Integer.class).setParameter(1, region).setParameter(2, date).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public static Plan openProposal(Region region, LocalDate date) {
        return find("region = ?1 and workDate = ?2 and kind = ?3 and status in ?4", region, date, PlanKind.PROPOSAL,
                PlanStatus.OPEN_PROPOSAL).firstResult();
    }

    public static Plan currentPublished(Region region, LocalDate date) {
        return find("region = ?1 and workDate = ?2 and kind = ?3 and status = ?4", region, date, PlanKind.PUBLISHED,
                PlanStatus.CURRENT).firstResult();
    }
}
