package org.tehai.web;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The language of the pages: the one the person chose with the switch (a cookie), else the one kept for the
 * signed-in person, else the first of Japanese and English the browser asks for, else English.
 */
public final class PageLocale {

    /** The cookie the language switch sets. */
    public static final String COOKIE = "tehai-lang";

    static final List<String> SUPPORTED = List.of("en", "ja");

    private PageLocale() {
    }

    public static Locale of(HttpHeaders headers) {
        return of(headers, null);
    }

    /** {@code kept}: the language kept for the signed-in person (null: none). */
    public static Locale of(HttpHeaders headers, String kept) {
        var chosen = headers.getCookies().get(COOKIE);
        if (chosen != null && SUPPORTED.contains(chosen.getValue())) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        if (kept != null && SUPPORTED.contains(kept)) {
            return Locale.forLanguageTag(kept);
        }
        List<Locale> wanted;
        try {
            wanted = headers.getAcceptableLanguages();
        } catch (RuntimeException unreadable) {
            // A header no browser sends: the page is still shown, in English.
            return Locale.ENGLISH;
        }
        for (Locale language : wanted) {
            if (SUPPORTED.contains(language.getLanguage())) {
                return Locale.forLanguageTag(language.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
