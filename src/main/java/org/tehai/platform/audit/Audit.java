package org.tehai.platform.audit;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;

/** Records who changed what. Joins the caller's transaction, so a rolled-back change leaves no entry. */
@ApplicationScoped
public class Audit {

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, String detail) {
        var entry = new AuditEntry();
        entry.occurredAt = Instant.now(clock);
        entry.actor = actor();
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId == null ? null : entityId.toString();
        entry.detail = detail;
        entry.persist();
    }

    private String actor() {
        try {
            return identity == null || identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        } catch (RuntimeException e) {
            // No request context (a scheduled job or the demo loader).
            return "system";
        }
    }
}
