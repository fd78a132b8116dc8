package org.tehai.preference;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.tehai.platform.security.CurrentUser;

import io.quarkus.security.Authenticated;

/** The signed-in person's home region and language, which every page starts from. */
@Path("/api/me/preferences")
@Authenticated
public class PreferencesResource {

    /** {@code homeRegion}: a region code; {@code language}: en or ja; either may be null (not chosen). */
    public record Choice(String homeRegion, String language) {
    }

    @Inject
    Preferences preferences;

    @Inject
    CurrentUser user;

    @GET
    public Preferences.View mine() {
        return preferences.of(user.name());
    }

    @PUT
    public Preferences.View choose(Choice choice) {
        Choice given = choice == null ? new Choice(null, null) : choice;
        return preferences.choose(user.name(), given.homeRegion(), given.language());
    }
}
