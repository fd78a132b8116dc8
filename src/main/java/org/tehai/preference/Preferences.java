package org.tehai.preference;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;

/** Reads and keeps a person's home region and language. */
@ApplicationScoped
public class Preferences {

    /** The languages the pages speak. */
    public static final List<String> LANGUAGES = List.of("en", "ja");

    /** A person's choices; {@code homeRegion} is a region code. Null fields: not chosen. */
    public record View(String login, String homeRegion, String language) {
        static View of(String login, UserPreference stored) {
            return stored == null ? new View(login, null, null)
                    : new View(login, stored.homeRegion == null ? null : stored.homeRegion.code, stored.language);
        }
    }

    /** Longest login kept (user_preference.login); longer names keep no choices. */
    static final int LOGIN_LENGTH = 100;

    @Transactional
    public View of(String login) {
        return View.of(login, login.length() > LOGIN_LENGTH ? null : UserPreference.of(login));
    }

    /**
     * Keeps both choices; null leaves one unchosen. A region that does not exist or a language the pages do not
     * speak is refused, naming the field, and nothing is written.
     */
    @Transactional
    public View choose(String login, String homeRegion, String language) {
        if (login.length() > LOGIN_LENGTH) {
            throw ApiProblem.invalid("login", "Choices are kept for logins of up to " + LOGIN_LENGTH + " characters.");
        }
        Region region = null;
        if (homeRegion != null && !homeRegion.isBlank()) {
            region = Region.find("code", homeRegion.strip()).firstResult();
            if (region == null) {
                throw ApiProblem.unknownReference("homeRegion", "region", homeRegion);
            }
        }
        if (language != null && !LANGUAGES.contains(language)) {
            throw ApiProblem.invalid("language", "The pages speak " + String.join(" and ", LANGUAGES) + ", not "
                    + ApiProblem.echo(language) + ".");
        }
        UserPreference stored = stored(login);
        stored.homeRegion = region;
        stored.language = language;
        return View.of(login, stored);
    }

    /** The language switch of the pages: remembered for the signed-in person, the region left as it is. */
    @Transactional
    public void speak(String login, String language) {
        if (LANGUAGES.contains(language) && login.length() <= LOGIN_LENGTH) {
            stored(login).language = language;
        }
    }

    private static UserPreference stored(String login) {
        UserPreference stored = UserPreference.of(login);
        if (stored == null) {
            stored = new UserPreference();
            stored.login = login;
            stored.persist();
        }
        return stored;
    }
}
