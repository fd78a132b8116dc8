package org.tehai.platform.security;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tehai.platform.api.InputRules;
import org.tehai.platform.api.TextLimits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The built-in HTTP Basic users of the demo, dev and test profiles ({@code tehai.security.demo-users=true}).
 * <p>
 * Staff users have their role as user name and password ({@code dispatcher:dispatcher}); every technician record
 * is a user with its login as user name and password ({@code tanaka.k:tanaka.k}). Production turns this off and
 * accepts JWT bearer tokens only.
 */
@ApplicationScoped
public class DemoUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Map<String, Set<String>> STAFF = Map.of(
            "admin", Set.of(Roles.ADMIN),
            "dispatcher", Set.of(Roles.DISPATCHER),
            "agent", Set.of(Roles.AGENT),
            "manager", Set.of(Roles.MANAGER));

    @Inject
    SecuritySettings settings;

    @Inject
    TechnicianLogins logins;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!settings.demoUsers()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Built-in users are disabled"));
        }
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        if (!user.equals(password) || user.length() > TextLimits.LOGIN || InputRules.textProblem(user) != null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return identityOf(user, context);
    }

    /**
     * The identity of a built-in user who signed in: a staff role, or the active technician of that login. Also
     * used when a page's session cookie names the user again.
     */
    Uni<SecurityIdentity> identityOf(String user, AuthenticationRequestContext context) {
        Set<String> staffRoles = STAFF.get(user);
        if (staffRoles != null) {
            return Uni.createFrom().item(identity(user, staffRoles, null));
        }
        return context.runBlocking(() -> {
            Long technicianId = QuarkusTransaction.requiringNew().call(() -> logins.activeTechnicianId(user));
            if (technicianId == null) {
                throw new AuthenticationFailedException();
            }
            return identity(user, Set.of(Roles.TECHNICIAN), technicianId);
        });
    }

    private static SecurityIdentity identity(String user, Set<String> roles, Long technicianId) {
        var builder = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRoles(roles);
        if (technicianId != null) {
            builder.addAttribute(CurrentUser.TECHNICIAN_ID, technicianId);
        }
        return builder.build();
    }
}
