package org.tehai.incident;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.tehai.platform.KnownSentences;
import org.tehai.platform.KnownSentences.Sentence;
import org.tehai.site.Site;

/**
 * The sentences Tehai writes itself about incidents (a suspected incident's title and status text, why a ticket
 * joined an incident). They are stored in English, as the API has always given them; a page reads them in the
 * person's language through {@link #in(String, Locale)}, which recognises each sentence written here and gives it in
 * Japanese. Whatever a person typed (a manager's status text) is shown as it was written.
 */
public final class IncidentTexts {

    private IncidentTexts() {
    }

    /** The cause of a suspected incident that corrections took apart. */
    static final String NOT_SHARED = "Not a shared fault: after a correction, fewer than two addresses remained linked.";

    private static final KnownSentences SENTENCES = new KnownSentences(
            Sentence.of("Suspected (?<category>\\S+) fault on (?<model>.+) at (?<place>.+)",
                    "${place}の${model}で${category}の故障の疑い"),
            Sentence.of("Suspected fault on the shared (?<model>.+?) \\((?<address>.+)\\)\\. One technician "
                    + "visit \\(visit (?<visit>\\d+)\\) is arranged for the shared equipment; no visit per caller is "
                    + "needed\\.",
                    "共用の${model}(${address})の故障が疑われます。共用設備への技術者の訪問を1件(訪問 ${visit})手配しました。"
                            + "お客様ごとの訪問は不要です。"),
            Sentence.of("Suspected fault on the shared (?<model>.+?) \\((?<address>.+)\\)\\. The shared "
                    + "equipment's site has no coordinates or region: a dispatcher must arrange the visit; no visit per "
                    + "caller is needed\\.",
                    "共用の${model}(${address})の故障が疑われます。共用設備の場所に座標か地域がないため、訪問は配車担当が"
                            + "手配します。お客様ごとの訪問は不要です。"),
            Sentence.of("Calls from several addresses about equipment hanging off (?<model>.+) within "
                    + "(?<minutes>\\d+) minutes\\.",
                    "${minutes}分以内に、${model}につながる設備について複数の住所から連絡がありました。"),
            Sentence.of("Depends on the faulty (?<model>.+) like the other (?<category>\\S+) calls of this "
                    + "incident\\.",
                    "このインシデントのほかの${category}の連絡と同じく、故障した${model}につながっています。"),
            Sentence.of("Covered by the declared outage INC-(?<id>\\d+): (?<title>.+)",
                    "宣言された地域障害 INC-${id} の範囲内です: ${title}"),
            Sentence.of("Inside the declared outage: (?<title>.+)",
                    "宣言された地域障害の範囲内です: ${title}"),
            Sentence.of("Absorbed by the declared outage INC-(?<id>\\d+): (?<title>.+)",
                    "宣言された地域障害 INC-${id} に統合: ${title}"),
            Sentence.of("Earlier call from the same address about (?<category>\\S+) trouble: a repeat contact, not a "
                    + "second flat\\.",
                    "同じ住所からの${category}の以前の連絡です。別の部屋ではなく、繰り返しの連絡です。"),
            Sentence.of("Other trouble \\((?<category>\\S+)\\) at the same address: not the same fault\\.",
                    "同じ住所の別の症状(${category})です。同じ故障ではありません。"),
            Sentence.of("Other trouble \\((?<category>\\S+)\\) in the same building: not the same fault\\.",
                    "同じ建物の別の症状(${category})です。同じ故障ではありません。"),
            Sentence.of("Both depend on (?<equipment>.+) at (?<address>.+)\\.",
                    "どちらも${address}の${equipment}につながっています。"),
            Sentence.of("Same building: (?<building>.+)\\.",
                    "同じ建物です: ${building}。"),
            Sentence.of("Also (?<category>\\S+) trouble, (?<metres>\\d+) m away\\.",
                    "同じく${category}の症状で、${metres} m 離れています。"),
            Sentence.of(Pattern.quote(NOT_SHARED),
                    "共用設備の故障ではありませんでした: 訂正の結果、関連する住所が2件未満になりました。"))
            .finishedWith(Site::japanese);

    /** A suspected shared-equipment incident's title. */
    static String suspectedTitle(String category, String model, String place) {
        return "Suspected " + category + " fault on " + model + " at " + place;
    }

    /** What agents read out about a suspected shared-equipment incident, with its one visit when there is one. */
    static String suspectedStatusText(String model, String address, Long visitId) {
        return "Suspected fault on the shared " + model + " (" + address + "). " + (visitId != null
                ? "One technician visit (visit " + visitId + ") is arranged for the shared equipment; no visit per "
                        + "caller is needed."
                : "The shared equipment's site has no coordinates or region: a dispatcher must arrange the visit; no "
                        + "visit per caller is needed.");
    }

    /** Why the calls that opened a suspected incident belong to it. */
    static String suspectedReason(String model, long minutes) {
        return "Calls from several addresses about equipment hanging off " + model + " within " + minutes
                + " minutes.";
    }

    /** Why a later call joined a suspected incident. */
    static String joinedReason(String model, String category) {
        return "Depends on the faulty " + model + " like the other " + category + " calls of this incident.";
    }

    /** Why a suspected incident's call moved to the outage that absorbed it. */
    static String absorbedReason(long outageId, String title) {
        return "Covered by the declared outage INC-" + outageId + ": " + title;
    }

    /** The cause of a suspected incident a declared outage took in. */
    static String absorbedCause(long outageId, String title) {
        return "Absorbed by the declared outage INC-" + outageId + ": " + title;
    }

    /** Related tickets: the same address calling again about the same kind of trouble. */
    public static String repeatContact(String category) {
        return "Earlier call from the same address about " + category + " trouble: a repeat contact, not a second flat.";
    }

    /** Related tickets: other trouble at the same address. */
    public static String otherTroubleSameAddress(String category) {
        return "Other trouble (" + category + ") at the same address: not the same fault.";
    }

    /** Related tickets: other trouble in the same building. */
    public static String otherTroubleSameBuilding(String category) {
        return "Other trouble (" + category + ") in the same building: not the same fault.";
    }

    /** Related tickets: both hang off the same shared equipment. */
    public static String bothDependOn(String equipment, String address) {
        return "Both depend on " + equipment + " at " + address + ".";
    }

    /** Related tickets: the same building. */
    public static String sameBuilding(String building) {
        return "Same building: " + building + ".";
    }

    /** Related tickets: the same kind of trouble close by. */
    public static String nearby(String category, long metres) {
        return "Also " + category + " trouble, " + metres + " m away.";
    }

    /** Why a call joined a declared outage. */
    static String outageReason(String title) {
        return "Inside the declared outage: " + title;
    }

    /** The text in the language of {@code locale}: Tehai's own sentences in Japanese too, anything else as written. */
    public static String in(String text, Locale locale) {
        if (text == null || locale == null || !locale.getLanguage().equals("ja")) {
            return text;
        }
        return SENTENCES.japanese(text);
    }

    /** The text in English and in Japanese, for clients that show it in a person's language. */
    public static Map<String, String> inBoth(String text) {
        if (text == null) {
            return null;
        }
        return Map.of("en", text, "ja", in(text, Locale.JAPANESE));
    }
}
