package org.tehai.callback;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tehai.platform.KnownSentences;
import org.tehai.platform.KnownSentences.Sentence;
import org.tehai.site.Site;

/**
 * Why Tehai itself put a call-back on the desk's queue, in English as stored and given by the API, and in Japanese
 * for the desk's page ({@link #japanese(String)}); a reason an agent typed stays as it was written.
 */
public final class CallbackTexts {

    private CallbackTexts() {
    }

    /** The visit's states as the tracking page knows them, in the words of each language. */
    private static final Map<String, String> STATES = Map.of("not yet planned", "訪問は未計画", "planned",
            "訪問は予定済み", "on the way", "技術者は移動中", "on site", "技術者は作業中", "done", "訪問は完了",
            "not finished", "作業は未完了", "cancelled", "訪問は取消");

    private static final KnownSentences SENTENCES = new KnownSentences(Stream.concat(STATES.entrySet().stream()
            .map(state -> Sentence.of("The customer asked on the tracking page to be called \\(visit: "
                    + Pattern.quote(state.getKey()) + "\\)\\.",
                    "お客様が追跡ページから折り返しの電話を希望しました(" + state.getValue() + ")。")), Stream.of(
            Sentence.of("Technician found nobody at (?<address>.+); agree a new time for the follow-up visit\\.",
                    "技術者が伺いましたが${address}にどなたもいませんでした。再訪問の時間をお客様と決めてください。"),
            Sentence.of("Arrival at risk: told (?<told>\\S+), now expected about (?<expected>\\S+) \\(previous job "
                    + "overran\\)\\. Offer a new window\\.",
                    "到着が遅れるおそれ: お伝えした時間は${told}、いまの見込みは${expected}ごろ(前の作業が長引いたため)。"
                            + "新しい時間帯をご案内してください。"),
            Sentence.of("Arrival at risk: told (?<told>\\S+), now expected about (?<expected>\\S+) \\(traffic\\)\\. "
                    + "Offer a new window\\.",
                    "到着が遅れるおそれ: お伝えした時間は${told}、いまの見込みは${expected}ごろ(交通事情のため)。"
                            + "新しい時間帯をご案内してください。"),
            Sentence.of("Arrival at risk: told (?<told>\\S+), now expected about (?<expected>\\S+) \\(little margin "
                    + "left\\)\\. Offer a new window\\.",
                    "到着が遅れるおそれ: お伝えした時間は${told}、いまの見込みは${expected}ごろ(時間帯の終わりまで余裕が少ないため)。"
                            + "新しい時間帯をご案内してください。"),
            Sentence.of("Arrival at risk: told (?<told>\\S+), now expected about (?<expected>\\S+) \\(technician off "
                    + "shift\\)\\. Offer a new window\\.",
                    "到着が遅れるおそれ: お伝えした時間は${told}、いまの見込みは${expected}ごろ(技術者の勤務時間外のため)。"
                            + "新しい時間帯をご案内してください。"),
            Sentence.of("Arrival at risk: told (?<told>\\S+), now expected about (?<expected>\\S+) \\((?<why>.*)\\)\\. "
                    + "Offer a new window\\.",
                    "到着が遅れるおそれ: お伝えした時間は${told}、いまの見込みは${expected}ごろ(${why})。"
                            + "新しい時間帯をご案内してください。"))).toArray(Sentence[]::new))
            .finishedWith(Site::japanese);

    /** The customer pressed "please call me" on the tracking page; {@code state} is the visit's state then. */
    public static String askedOnTrackingPage(String state) {
        return "The customer asked on the tracking page to be called (visit: " + state.toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ").";
    }

    /** The technician found nobody at the address. */
    public static String nobodyThere(String address) {
        return "Technician found nobody at " + address + "; agree a new time for the follow-up visit.";
    }

    /** The window told no longer holds. */
    public static String arrivalAtRisk(String told, String expected, String why) {
        return "Arrival at risk: told " + told + ", now expected about " + expected + " (" + why + "). Offer a new "
                + "window.";
    }

    /** The reason in Japanese when Tehai wrote it, else as it was written. */
    public static String japanese(String reason) {
        return SENTENCES.japanese(reason);
    }
}
