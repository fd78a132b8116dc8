package org.tehai.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The searchable form of a name, so that a caller is found however the name was typed: full-width or half-width
 * Latin and kana ("Ｓａｔｏ", "ｻﾄｳ"), hiragana or katakana ("さとう", "サトウ"), upper or lower case, with or without
 * spaces and the katakana middle dot. Stored with every customer ({@code customer.search_name}, kept by the entity
 * on every write) and applied to the query, which then matches with a plain {@code like}.
 * <p>
 * The rule, in this order: Unicode NFKC (width variants, half-width kana with their voicing marks, the ideographic
 * space), hiragana to katakana, lower case, then spaces and '・' removed. Migration {@code V6__caller_search.sql}
 * applies the same rule in SQL to the rows that existed before it.
 */
public final class SearchName {

    private static final int HIRAGANA_FIRST = 0x3041; // ぁ
    private static final int HIRAGANA_LAST = 0x3096; // ゖ
    private static final int HIRAGANA_ITERATION = 0x309D; // ゝ (and ゞ)
    private static final int TO_KATAKANA = 0x60;
    private static final char MIDDLE_DOT = '\u30FB';

    private SearchName() {
    }

    public static String fold(String name) {
        if (name == null) {
            return null;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= HIRAGANA_FIRST && c <= HIRAGANA_LAST) || c == HIRAGANA_ITERATION || c == HIRAGANA_ITERATION + 1) {
                c = (char) (c + TO_KATAKANA);
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == MIDDLE_DOT) {
                continue;
            }
            folded.append(c);
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether two names are the same person's name as people say it: equal after folding, in either order of family
     * and given name ("Ito Aoi", "aoi ito", "伊藤　葵" and "伊藤 葵" are all one name).
     */
    public static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return fold(a).equals(fold(b)) || Arrays.equals(words(a), words(b));
    }

    private static String[] words(String name) {
        String[] words = Normalizer.normalize(name, Normalizer.Form.NFKC).trim().split("[\\s\u30FB]+");
        String[] folded = Arrays.stream(words).map(SearchName::fold).filter(w -> !w.isEmpty()).toArray(String[]::new);
        Arrays.sort(folded);
        return folded;
    }
}
