package org.tehai.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An entry of the managed trouble-code catalogue, e.g. {@code TV/NO_SIGNAL} in category {@code TV}: what the
 * customer reports, how urgent it usually is, and the work it usually needs on site.
 */
@Entity
@Table(name = "trouble_code")
public class TroubleCode extends PanacheEntityBase {

    @Id
    public String code;

    public String category;
    public String name;

    @Enumerated(EnumType.STRING)
    public Priority basePriority;

    public boolean needsVisit = true;
    public String jobType;
    public String skill;
    public Integer skillLevel;
    public Integer durationMinutes;
    public boolean active = true;

    @Version
    public long version;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    /**
     * The default category of a new code: the part before the slash ({@code TV} of {@code TV/NO_SIGNAL}). The
     * catalogue may file a code elsewhere ({@code WIFI/WEAK} under INTERNET): use {@link #categoryFor} to match.
     */
    public static String categoryOf(String code) {
        int slash = code.indexOf('/');
        return slash < 0 ? code : code.substring(0, slash);
    }

    /**
     * The category the catalogue files a code under: the one list that trouble codes, incidents and declared
     * outages share ({@code INTERCOM/DEAD} is BUILDING trouble). A code missing from the catalogue falls back to
     * the part before its slash.
     */
    public static String categoryFor(String code) {
        TroubleCode entry = findById(code);
        return entry != null && entry.category != null ? entry.category : categoryOf(code);
    }
}
