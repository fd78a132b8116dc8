package org.tehai.arrival;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.tehai.arrival.ArrivalAnswers.State;
import org.tehai.arrival.ArrivalAnswers.WindowView;

/**
 * What an agent says to a caller asking where the technician is, and what the tracking page tells the customer:
 * one natural sentence per language from the facts of the answer. In Japanese the technician is "担当の…" without
 * an honorific (the company speaks of its own staff), the customer is "お客様".
 */
public final class CallerSentences {

    /** The languages every sentence exists in. */
    public static final String ENGLISH = "en";
    public static final String JAPANESE = "ja";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    /** The facts a sentence is made of; {@code estimate} and {@code lateMinutes} only when the window no longer holds. */
    public record Facts(State state, String firstName, Integer visitsBefore, WindowView told, OffsetDateTime estimate,
            Long lateMinutes, String lateReason) {
    }

    private CallerSentences() {
    }

    /** The sentence in each language, by language tag. */
    public static Map<String, String> of(Facts facts) {
        return Map.of(ENGLISH, english(facts), JAPANESE, japanese(facts));
    }

    static String english(Facts f) {
        String name = f.firstName() == null ? "The technician" : f.firstName();
        return switch (f.state()) {
            case NOT_YET_PLANNED -> "The visit is not scheduled yet; we will tell you the time as soon as it is.";
            case DONE -> "The visit is finished.";
            case ON_SITE -> name + " is at your address now.";
            case ON_THE_WAY -> name + " is on the way to you" + englishWindow(f);
            case PLANNED -> englishQueue(name, f.visitsBefore()) + englishWindow(f);
        };
    }

    private static String englishQueue(String name, Integer before) {
        if (before == null) {
            return name + " will come to you";
        }
        return switch (before) {
            case 0 -> name + "'s next visit is yours";
            case 1 -> name + " has one visit before yours";
            default -> name + " has " + before + " visits before yours";
        };
    }

    private static String englishWindow(Facts f) {
        if (f.told() == null) {
            return ".";
        }
        String told = "; we told you " + span(f.told(), "–");
        if (f.estimate() == null) {
            return told + ", and that still holds.";
        }
        if ("technician off shift".equals(f.lateReason())) {
            return told + ", but the working day ends before your visit; we will call you to agree a new time.";
        }
        String late = f.lateMinutes() == null || f.lateMinutes() < 5 ? "" : ", about " + minutesEnglish(f.lateMinutes())
                + " late";
        String why = switch (f.lateReason() == null ? "" : f.lateReason()) {
            case "previous job overran" -> " because the previous job ran long";
            case "traffic" -> " because of traffic";
            default -> "";
        };
        return told + ", but the arrival now looks like about " + TIME.format(f.estimate()) + late + why + ".";
    }

    private static String minutesEnglish(long minutes) {
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours + (hours == 1 ? " hour" : " hours") + (rest == 0 ? "" : " " + rest + " minutes");
    }

    static String japanese(Facts f) {
        String name = f.firstName() == null ? "担当者" : "担当の" + f.firstName();
        return switch (f.state()) {
            case NOT_YET_PLANNED -> "訪問の日時はまだ決まっていません。決まりしだいお知らせします。";
            case DONE -> "訪問は完了しています。";
            case ON_SITE -> name + "がただいまお客様のところで作業しています。";
            case ON_THE_WAY -> name + "がお客様のところへ向かっています。" + japaneseWindow(f);
            case PLANNED -> japaneseQueue(name, f.visitsBefore()) + japaneseWindow(f);
        };
    }

    private static String japaneseQueue(String name, Integer before) {
        if (before == null) {
            return name + "がお伺いします。";
        }
        return before == 0 ? name + "は次にお客様のところへお伺いします。"
                : name + "はお客様の前に" + before + "件の訪問があります。";
    }

    private static String japaneseWindow(Facts f) {
        if (f.told() == null) {
            return "";
        }
        if (f.estimate() == null) {
            return "お伝えした" + span(f.told(), "〜") + "のご予定に変わりはありません。";
        }
        String why = switch (f.lateReason() == null ? "" : f.lateReason()) {
            case "previous job overran" -> "前の作業が長引いたため、";
            case "traffic" -> "道路が混雑しているため、";
            case "technician off shift" -> "本日の作業時間が終わったため、";
            default -> "";
        };
        if ("technician off shift".equals(f.lateReason())) {
            return why + "お伝えした" + span(f.told(), "〜") + "には伺えません。改めてお電話で日時をご相談します。";
        }
        String late = f.lateMinutes() == null || f.lateMinutes() < 5 ? "" : "約" + minutesJapanese(f.lateMinutes())
                + "遅れて、";
        return why + "お伝えした" + span(f.told(), "〜") + "より" + late + TIME.format(f.estimate()) + "ごろの到着となる見込みです。";
    }

    private static String minutesJapanese(long minutes) {
        if (minutes < 60) {
            return minutes + "分";
        }
        return minutes / 60 + "時間" + (minutes % 60 == 0 ? "" : minutes % 60 + "分");
    }

    private static String span(WindowView window, String between) {
        return TIME.format(window.start()) + between + TIME.format(window.end());
    }
}
