package org.tehai.customer;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.tehai.platform.error.ApiProblem;

/**
 * Phone numbers in whatever form callers and agents type them ("03-1234-5678", "+81 3 1234 5678",
 * "0081 (3) 1234-5678", "０３ー１２３４ー５６７８") reduced to one international form ("+81312345678") that lookups
 * compare. Every place that reads a phone number (customer create and update, {@code ?phone=} searches, the caller
 * lookup, intake, "where is the technician?") goes through this one rule.
 * <p>
 * A national number (leading trunk 0) gets the country code it is given; the application gives the one of
 * {@code tehai.phone.country-code} through {@link NumberingPlan}, which callers inject. This class reads no
 * configuration, so it works the same in a unit test and at run time.
 */
public final class PhoneNumber {

    /**
     * Characters a Japanese keyboard or a copied web page puts between digit groups instead of '-': the long-vowel
     * mark (ー, and half-width ｰ) an IME gives for the dash key in kana mode, full-width and small hyphen-minus,
     * the Unicode hyphens and dashes (‐ ‑ ‒ – — ― ⁃) and the minus sign (−).
     */
    static final String DASH_LOOK_ALIKES = "\u30FC\uFF70\uFF0D\uFE63\uFE58\u2010\u2011\u2012\u2013\u2014\u2015"
            + "\u2043\u2212";

    private static final Pattern LOOKS_LIKE_NUMBER = Pattern.compile("\\s*\\+?[\\d\\s()./-]{8,}\\s*");

    private static final String HINT = "use e.g. 03-1234-5678 or +81 3 1234 5678.";

    private PhoneNumber() {
    }

    /**
     * The number as typed with full-width characters made ASCII (NFKC: digits, '＋', '（）', the ideographic space)
     * and every dash look-alike made '-'; nothing else changes.
     */
    public static String plain(String typed) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            plain.append(DASH_LOOK_ALIKES.indexOf(c) >= 0 ? '-' : c);
        }
        return plain.toString().trim();
    }

    /** Whether a search text is meant as a phone number: digits and separators only, at least eight of them. */
    public static boolean looksLikeNumber(String typed) {
        return typed != null && LOOKS_LIKE_NUMBER.matcher(plain(typed)).matches();
    }

    /** The international form ("+81312345678") of a typed number; national numbers get {@code countryCode}. */
    public static String normalize(String typed, String countryCode) {
        if (typed == null) {
            throw new IllegalArgumentException("A phone number is required.");
        }
        // "+81 (0)3 ..." repeats the trunk prefix, which an international number drops.
        String trimmed = plain(typed);
        if (trimmed.startsWith("+") || trimmed.startsWith("00")) {
            trimmed = trimmed.replace("(0)", "");
        }
        StringBuilder digits = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(Character.isWhitespace(c) || "+-().,/".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("The phone number (" + typed + ") contains the character '" + c
                        + "'; use digits, spaces, '+', '-', '(' and ')'.");
            }
        }
        String number = digits.toString();
        String international;
        if (trimmed.startsWith("+")) {
            international = number;
        } else if (number.startsWith("00")) {
            international = number.substring(2);
        } else if (number.startsWith("0")) {
            international = countryCode + number.substring(1);
        } else if (number.startsWith(countryCode) && number.length() >= 11) {
            international = number;
        } else {
            international = countryCode + number;
        }
        if (international.length() < 8 || international.length() > 15) {
            throw new IllegalArgumentException("The phone number (" + typed + ") is not a complete number: it has "
                    + international.length() + " digits in international form, expected 8 to 15; " + HINT);
        }
        return "+" + international;
    }

    /** Like {@link #normalize} but returns null for input that cannot be a phone number (for searches). */
    public static String normalizeOrNull(String typed, String countryCode) {
        try {
            return normalize(typed, countryCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The normal form of a number a client sent in {@code field}; a number that cannot be one is a 400 naming the
     * field and saying what is wrong with it (a stray character, or too few or too many digits).
     */
    public static String require(String field, String typed, String countryCode) {
        if (typed == null || typed.isBlank()) {
            throw ApiProblem.invalid(field, "Give a phone number: " + HINT);
        }
        try {
            return normalize(typed, countryCode);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, e.getMessage());
        }
    }
}
