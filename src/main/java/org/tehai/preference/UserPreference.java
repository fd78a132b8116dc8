package org.tehai.preference;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.hibernate.annotations.UpdateTimestamp;
import org.tehai.region.Region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The region a person works in and the language they read, by login; the pages start from them. */
@Entity
public class UserPreference extends PanacheEntityBase {

    @Id
    public String login;

    @ManyToOne
    public Region homeRegion;

    /** {@code en} or {@code ja}; null: as the browser asks. */
    public String language;

    @Version
    public long version;

    @UpdateTimestamp
    public Instant updatedAt;

    public static UserPreference of(String login) {
        return findById(login);
    }
}
