package org.tehai.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.tehai.platform.error.ApiProblem;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling. A technician user (built-in, or a JWT whose {@code upn} is the technician's login) is linked to
 * exactly one technician record and may read only that technician's data.
 */
@RequestScoped
public class CurrentUser {

    static final String TECHNICIAN_ID = "tehai.technician-id";

    @Inject
    SecurityIdentity identity;

    @Inject
    TechnicianLogins logins;

    private Optional<Long> technicianId;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** True for office roles (agent, dispatcher, manager, admin), which see every technician. */
    public boolean isStaff() {
        return identity.hasRole(Roles.AGENT) || identity.hasRole(Roles.DISPATCHER) || identity.hasRole(Roles.MANAGER)
                || identity.hasRole(Roles.ADMIN);
    }

    /** The technician record of a technician user, if the caller is one. */
    public Optional<Long> technicianId() {
        if (technicianId == null) {
            Object attribute = identity.getAttribute(TECHNICIAN_ID);
            if (attribute instanceof Long id) {
                technicianId = Optional.of(id);
            } else if (identity.hasRole(Roles.TECHNICIAN)) {
                technicianId = Optional.ofNullable(logins.activeTechnicianId(identity.getPrincipal().getName()));
            } else {
                technicianId = Optional.empty();
            }
        }
        return technicianId;
    }

    /** The technician user's own record id; fails with 403 when the caller is not linked to a technician. */
    public long requireOwnTechnicianId() {
        return technicianId().orElseThrow(() -> ApiProblem.forbidden("The user (" + name()
                + ") is not linked to a technician record."));
    }

    /** Staff may read any technician's data; a technician only its own. */
    public void requireStaffOrSelf(long technicianId) {
        if (isStaff()) {
            return;
        }
        if (technicianId().filter(own -> own == technicianId).isEmpty()) {
            throw ApiProblem.forbidden("The user (" + name() + ") may only read its own technician data.");
        }
    }
}
