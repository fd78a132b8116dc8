package org.tehai.support;

import java.util.List;

/** Text as typed on a Japanese keyboard: full-width Latin and digits, kana of both widths, dash look-alikes. */
public final class JapaneseText {

    /** What people type between the digit groups of a phone number instead of '-'. */
    public static final List<String> DASH_LOOK_ALIKES = List.of("ー", "－", "―", "‐", "‒", "–", "—", "−", "ｰ");

    private static final String KATAKANA = "アイウエオカキクケコ";
    private static final String HIRAGANA = "あいうえおかきくけこ";
    private static final String HALF_WIDTH_KATAKANA = "ｱｲｳｴｵｶｷｸｹｺ";

    private JapaneseText() {
    }

    /** ASCII letters, digits and signs in their full-width forms ("Sato-1" becomes "Ｓａｔｏ－１"). */
    public static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            wide.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return wide.toString();
    }

    /** A national number in full-width digits with {@code dash} between the groups: "０３ー１２３４ー５６７８". */
    public static String fullWidthPhone(String nationalWithHyphens, String dash) {
        return fullWidth(nationalWithHyphens).replace("－", dash);
    }

    /** A run of katakana no other test uses (digits spelled アイウ...), for unique kana names. */
    public static String uniqueKatakana(int length) {
        return spell(Api.uniqueDigits(length), KATAKANA);
    }

    public static String toHiragana(String katakanaFromUnique) {
        return respell(katakanaFromUnique, KATAKANA, HIRAGANA);
    }

    public static String toHalfWidth(String katakanaFromUnique) {
        return respell(katakanaFromUnique, KATAKANA, HALF_WIDTH_KATAKANA);
    }

    private static String spell(String digits, String alphabet) {
        StringBuilder kana = new StringBuilder();
        for (char d : digits.toCharArray()) {
            kana.append(alphabet.charAt(d - '0'));
        }
        return kana.toString();
    }

    private static String respell(String text, String from, String to) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int i = from.indexOf(c);
            out.append(i >= 0 ? to.charAt(i) : c);
        }
        return out.toString();
    }
}
