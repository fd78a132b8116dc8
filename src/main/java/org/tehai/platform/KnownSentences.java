package org.tehai.platform;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences Tehai writes itself and stores in English (as its API gives them), recognised again to be given in
 * Japanese where a page shows them to a person who reads Japanese. Anything not recognised (what a person typed) is
 * given as it was written.
 */
public final class KnownSentences {

    /** One sentence: its English form as a pattern with named parts, and the Japanese with the same parts. */
    public record Sentence(Pattern english, String japanese) {

        public static Sentence of(String englishPattern, String japanese) {
            return new Sentence(Pattern.compile(englishPattern), japanese);
        }
    }

    private final List<Sentence> sentences;
    private final UnaryOperator<String> finish;

    public KnownSentences(Sentence... sentences) {
        this(List.of(sentences), UnaryOperator.identity());
    }

    private KnownSentences(List<Sentence> sentences, UnaryOperator<String> finish) {
        this.sentences = sentences;
        this.finish = finish;
    }

    /**
     * The same sentences, each recognised one given in Japanese and then passed through {@code finish} (e.g. what
     * Tehai wrote into it in English, such as an address, said the Japanese way).
     */
    public KnownSentences finishedWith(UnaryOperator<String> finish) {
        return new KnownSentences(sentences, finish);
    }

    /** The text in Japanese when it is one of these sentences, else as it was written; null stays null. */
    public String japanese(String text) {
        if (text == null) {
            return null;
        }
        for (Sentence sentence : sentences) {
            Matcher found = sentence.english().matcher(text);
            if (found.matches()) {
                return finish.apply(found.replaceFirst(sentence.japanese()));
            }
        }
        return text;
    }
}
