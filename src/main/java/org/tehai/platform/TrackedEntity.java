package org.tehai.platform;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.tehai.platform.error.ApiProblem;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A record users edit: generated id, optimistic-locking version, creation and update instants.
 * A client sends back the version it read; {@link #requireVersion} rejects edits of an older copy with 409.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public void requireVersion(String what, Long sentVersion) {
        if (sentVersion == null) {
            throw ApiProblem.invalid("version", "An update of the " + what + " (" + id + ") must send the version "
                    + "it read (currently " + version + ").");
        }
        if (sentVersion != version) {
            throw ApiProblem.staleVersion(what, id, sentVersion, version);
        }
    }
}
