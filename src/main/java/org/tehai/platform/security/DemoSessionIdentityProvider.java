package org.tehai.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * A page's signed-in session: the encrypted session cookie names a built-in user, who gets the same roles as at
 * sign-in (a technician who was deactivated since is signed out). Off where the built-in users are off.
 */
@ApplicationScoped
public class DemoSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    SecuritySettings settings;

    @Inject
    DemoUserIdentityProvider users;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!settings.demoUsers()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Built-in users are disabled"));
        }
        return users.identityOf(request.getPrincipal(), context);
    }
}
