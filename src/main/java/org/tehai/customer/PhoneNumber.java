package org.tehai.customer;

import java.text.Normalizer;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Phone numbers in whatever form callers and agents type them ("03-1234-5678", "+81 3 1234 5678",
 * "0081 (3) 1234-5678") reduced to one international form ("+81312345678") that lookups compare.
 * <p>
 * A national number (leading trunk 0) gets the country code of {@code tehai.phone.country-code} (default 81).
 */
public final class PhoneNumber {

    private static volatile String countryCode;

    private PhoneNumber() {
    }

    public static String normalize(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("A phone number is required.");
        }
        // NFKC turns full-width digits and signs typed with a Japanese IME into ASCII; "+81 (0)3 ..." repeats the
        // trunk prefix, which an international number drops.
        String trimmed = Normalizer.normalize(typed, Normalizer.Form.NFKC).trim();
        if (trimmed.startsWith("+") || trimmed.startsWith("00")) {
            trimmed = trimmed.replace("(0)", "");
        }
        StringBuilder digits = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            if (Character.isDigit(c)) {
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
            international = countryCode() + number.substring(1);
        } else if (number.startsWith(countryCode()) && number.length() >= 11) {
            international = number;
        } else {
            international = countryCode() + number;
        }
        if (international.length() < 8 || international.length() > 15) {
            throw new IllegalArgumentException("The phone number (" + typed + ") is not a complete number: it has "
                    + international.length() + " digits in international form, expected 8 to 15.");
        }
        return "+" + international;
    }

    /** Like {@link #normalize} but returns null for input that cannot be a phone number (for searches). */
    public static String normalizeOrNull(String typed) {
        try {
            return normalize(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String countryCode() {
        String code = countryCode;
        if (code == null) {
            code = ConfigProvider.getConfig().getOptionalValue("tehai.phone.country-code", String.class).orElse("81");
            countryCode = code;
        }
        return code;
    }
}
