package org.tehai.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.tehai.planning.TechnicianRoutingConstraints;

/**
 * The sentences the dispatcher reads about a plan: why a visit sits where it does, why it is left unassigned, and
 * what a move by hand would break. Each is made in English and in Japanese at once, from the same facts (times,
 * durations, skill levels, parts, tools and technicians' names), so neither language is a translation of the other
 * after the fact. The English is what the API has always given; the Japanese is its twin.
 */
final class PlanReasons {

    private PlanReasons() {
    }

    /** One sentence, in English and in Japanese. */
    record Reason(String english, String japanese) {

        static List<String> english(List<Reason> reasons) {
            return reasons.stream().map(Reason::english).toList();
        }

        static List<String> japanese(List<Reason> reasons) {
            return reasons.stream().map(Reason::japanese).toList();
        }
    }

    /** A time window as the board shows it, times as HH:mm; {@link #ANY} when the customer is in all day. */
    record Span(String start, String end) {

        static final Span ANY = new Span(null, null);
    }

    /** Where the technician drives from to reach a visit. */
    enum From {
        HOME("home", "自宅"), PREVIOUS("the previous visit", "前の訪問先"), DEPOT("the depot", "デポ");

        final String english;
        final String japanese;

        From(String english, String japanese) {
            this.english = english;
            this.japanese = japanese;
        }
    }

    // ---- Why a visit sits where it does ----

    static Reason alreadyStarted(String technician) {
        return new Reason("Already started by " + technician + ": stays where it is.",
                technician + "さんが作業を開始済みのため、このままです。");
    }

    static Reason pinned(String technician) {
        return new Reason("Stays with " + technician + ": pinned or already dispatched to them.",
                technician + "さんに固定済みか出動済みのため、" + technician + "さんの担当のままです。");
    }

    /** Whether the technician has the skill levels the visit needs, each skill with the level had and needed. */
    static Reason skills(String technician, boolean masters, Map<String, Integer> required, Map<String, Integer> has) {
        SortedMap<String, Integer> needed = new TreeMap<>(required);
        String english = needed.entrySet().stream().map(e -> e.getKey() + " level " + has.getOrDefault(e.getKey(), 0)
                + ", needs " + e.getValue()).collect(Collectors.joining("; "));
        String japanese = needed.entrySet().stream().map(e -> e.getKey() + " レベル" + has.getOrDefault(e.getKey(), 0)
                + "・必要レベル" + e.getValue()).collect(Collectors.joining("、"));
        return masters
                ? new Reason(technician + " has the skills it needs (" + english + ").",
                        technician + "さんは必要なスキルを持っています（" + japanese + "）。")
                : new Reason(technician + " lacks skills it needs (" + english + ").",
                        technician + "さんには必要なスキルが足りません（" + japanese + "）。");
    }

    static Reason partsMissing(SortedSet<String> parts, SortedSet<String> tools) {
        return new Reason("Parts missing in the van for " + needs(parts, tools, ", ") + ".",
                "車両の在庫に" + needs(parts, tools, "、") + "が足りません。");
    }

    static Reason restockedBefore(SortedSet<String> parts, SortedSet<String> tools) {
        return new Reason("Picks up " + needs(parts, tools, ", ") + " at the depot earlier on the route.",
                "この訪問の前にデポに寄り、" + needs(parts, tools, "、") + "を受け取ります。");
    }

    static Reason inTheVan(SortedSet<String> parts, SortedSet<String> tools) {
        return new Reason("Has " + needs(parts, tools, ", ") + " in the van.",
                needs(parts, tools, "、") + "は車両に積んであります。");
    }

    private static String needs(SortedSet<String> parts, SortedSet<String> tools, String between) {
        List<String> all = new ArrayList<>(parts);
        all.addAll(tools);
        return String.join(between, all);
    }

    static Reason drive(long seconds, From from, int stop) {
        return new Reason(minutes(seconds) + " drive from " + from.english + ", stop " + stop + " of the day.",
                from.japanese + "から移動" + minutesJapanese(seconds) + "、本日" + stop + "件目の訪問です。");
    }

    /** When the visit starts against the customer's availability; {@code wait}: seconds between arrival and start. */
    static Reason start(String start, long missSeconds, List<Span> availability, long wait) {
        String english = "Starts " + start + (missSeconds > 0
                ? ", " + minutes(missSeconds) + " after the customer's availability (" + windows(availability) + ") ends"
                : ", inside the customer's availability (" + windows(availability) + ")")
                + (wait > 60 ? "; waits " + minutes(wait) + " at the door." : ".");
        String japanese = start + "開始で、お客様の在宅時間（" + windowsJapanese(availability) + "）" + (missSeconds > 0
                ? "の終了から" + minutesJapanese(missSeconds) + "遅れます。" : "内です。")
                + (wait > 60 ? "到着後" + minutesJapanese(wait) + "待ちます。" : "");
        return new Reason(english, japanese);
    }

    /** The service-level due time of the ticket's priority, kept or missed by {@code latenessSeconds}. */
    static Reason serviceLevel(String priority, String due, long latenessSeconds) {
        return latenessSeconds > 0
                ? new Reason(minutes(latenessSeconds) + " after the " + priority + " service-level due time " + due + ".",
                        priority + "の対応期限（" + due + "）を" + minutesJapanese(latenessSeconds) + "過ぎます。")
                : new Reason("Within the " + priority + " service-level due time " + due + ".",
                        priority + "の対応期限（" + due + "）に間に合います。");
    }

    static Reason quotedWindow(Span quoted, long missSeconds) {
        return missSeconds > 0
                ? new Reason("Moves " + minutes(missSeconds) + " outside the window quoted to the customer ("
                        + windows(List.of(quoted)) + ").",
                        "お客様に案内済みの時間帯（" + windowsJapanese(List.of(quoted)) + "）から"
                                + minutesJapanese(missSeconds) + "外れます。")
                : new Reason("Keeps the window quoted to the customer (" + windows(List.of(quoted)) + ").",
                        "お客様に案内済みの時間帯（" + windowsJapanese(List.of(quoted)) + "）を守ります。");
    }

    static Reason continuity(boolean kept) {
        return kept ? new Reason("Same technician as the earlier visit of this ticket.",
                "このチケットの前回の訪問と同じ技術者です。")
                : new Reason("Another technician than the one who came before (continuity not kept).",
                        "前回とは別の技術者です（担当の継続は保たれません）。");
    }

    // ---- Why a visit is left unassigned ----

    static Reason noTechnician(String region, LocalDate date) {
        return new Reason("No technician works " + where(region, date) + ".",
                whereJapanese(region, date) + "勤務する技術者がいません。");
    }

    /**
     * Nobody on shift has what the visit needs: the skills, and with {@code noDepot} also the parts and tools
     * (there being no depot to restock from).
     */
    static Reason nobodyWith(String region, LocalDate date, Map<String, Integer> skills, Map<String, Integer> parts,
            SortedSet<String> tools, boolean noDepot) {
        List<String> english = new ArrayList<>();
        List<String> japanese = new ArrayList<>();
        new TreeMap<>(skills).forEach((skill, level) -> {
            english.add("skill " + skill + " level " + level);
            japanese.add("スキル " + skill + " レベル" + level);
        });
        if (noDepot) {
            new TreeMap<>(parts).forEach((part, quantity) -> {
                english.add("part " + part + (quantity > 1 ? " ×" + quantity : ""));
                japanese.add("部品 " + part + (quantity > 1 ? " ×" + quantity : ""));
            });
            tools.forEach(tool -> {
                english.add("tool " + tool);
                japanese.add("工具 " + tool);
            });
        }
        return new Reason("No technician with " + String.join(" and ", english) + " works " + where(region, date)
                + (noDepot ? " (and no depot to restock from)." : "."),
                whereJapanese(region, date) + "勤務する技術者に、" + String.join("、", japanese) + "を持つ人がいません"
                        + (noDepot ? "（在庫を補充できるデポもありません）。" : "。"));
    }

    static Reason outsideEveryShift(List<Span> availability, List<String> technicians) {
        return new Reason("The customer's availability (" + windows(availability) + ") does not overlap the shift of "
                + "any technician who can do the job (" + names(technicians) + ").",
                "お客様の在宅時間（" + windowsJapanese(availability) + "）が、この作業ができる技術者（"
                        + namesJapanese(technicians) + "）の勤務時間と重なりません。");
    }

    static Reason fullyBooked(List<String> technicians) {
        return new Reason("The technicians who can do the job (" + names(technicians) + ") are fully booked.",
                "この作業ができる技術者（" + namesJapanese(technicians) + "）は予定がいっぱいです。");
    }

    /** Where the visit would fit best, with the hard constraints that place breaks (none: it pushes out work). */
    static Reason bestPlace(String technician, String start, List<String> brokenConstraints) {
        return new Reason("The best place would be with " + technician + " at " + start + (brokenConstraints.isEmpty()
                ? ", which would push out more urgent work."
                : ", which would " + brokenConstraints.stream().map(PlanReasons::words)
                        .collect(Collectors.joining(" and ")) + "."),
                "最適な位置は" + technician + "さんの" + start + "開始ですが、" + (brokenConstraints.isEmpty()
                        ? "より緊急の作業を押し出すことになります。"
                        : brokenConstraints.stream().map(c -> wordsJapanese(c) + "ことにな")
                                .collect(Collectors.joining("り、")) + "ります。"));
    }

    // ---- What a move by hand breaks ----

    /** A hard constraint the move breaks, as a warning. */
    static Reason moveWarning(String constraint) {
        return new Reason("This move would " + words(constraint) + ".",
                "この移動では、" + wordsJapanese(constraint) + "ことになります。");
    }

    /** A hard constraint the move breaks, with how much it worsens the hard score. */
    static Reason broken(String constraint, long hardScore) {
        return new Reason(constraint + " (" + hardScore + ")", constraintJapanese(constraint) + " (" + hardScore + ")");
    }

    // ---- Words ----

    /** A hard constraint, as what breaking it means. */
    static String words(String constraint) {
        return switch (constraint) {
            case TechnicianRoutingConstraints.MISSING_SKILL -> "send a technician without the skill";
            case TechnicianRoutingConstraints.MISSING_TOOL -> "send a technician without the tools";
            case TechnicianRoutingConstraints.MISSING_PARTS -> "run out of parts";
            case TechnicianRoutingConstraints.OUTSIDE_AVAILABILITY -> "start after the customer's availability ends";
            case TechnicianRoutingConstraints.SHIFT_END_EXCEEDED -> "run past the shift end and allowed overtime";
            case TechnicianRoutingConstraints.BREAK_MISSED -> "push the break out of its allowed time";
            case TechnicianRoutingConstraints.PINNED_VISIT_MOVED -> "move work already dispatched to someone else";
            default -> "worsen " + constraint.toLowerCase();
        };
    }

    /** A hard constraint, as what breaking it means in Japanese, in the plain form that "ことになります" follows. */
    static String wordsJapanese(String constraint) {
        return switch (constraint) {
            case TechnicianRoutingConstraints.MISSING_SKILL -> "スキルのない技術者を送る";
            case TechnicianRoutingConstraints.MISSING_TOOL -> "工具を持たない技術者を送る";
            case TechnicianRoutingConstraints.MISSING_PARTS -> "部品が足りなくなる";
            case TechnicianRoutingConstraints.OUTSIDE_AVAILABILITY -> "お客様の在宅時間が終わってから開始する";
            case TechnicianRoutingConstraints.SHIFT_END_EXCEEDED -> "勤務終了と許容される残業時間を超える";
            case TechnicianRoutingConstraints.BREAK_MISSED -> "休憩を許容される時間帯から外す";
            case TechnicianRoutingConstraints.PINNED_VISIT_MOVED -> "ほかの技術者に出動済みの作業を動かす";
            default -> "「" + constraintJapanese(constraint) + "」を悪化させる";
        };
    }

    /** A constraint's name in Japanese; a name not known here as it is. */
    static String constraintJapanese(String constraint) {
        return switch (constraint) {
            case TechnicianRoutingConstraints.MISSING_SKILL -> "スキル不足";
            case TechnicianRoutingConstraints.MISSING_TOOL -> "工具不足";
            case TechnicianRoutingConstraints.MISSING_PARTS -> "部品不足";
            case TechnicianRoutingConstraints.OUTSIDE_AVAILABILITY -> "在宅時間外";
            case TechnicianRoutingConstraints.SHIFT_END_EXCEEDED -> "勤務終了の超過";
            case TechnicianRoutingConstraints.BREAK_MISSED -> "休憩が取れない";
            case TechnicianRoutingConstraints.PINNED_VISIT_MOVED -> "固定した訪問の移動";
            case TechnicianRoutingConstraints.UNASSIGNED_VISIT -> "未割り当ての訪問";
            case TechnicianRoutingConstraints.SLA_LATENESS -> "対応期限の超過";
            case TechnicianRoutingConstraints.TRAVEL_TIME -> "移動時間";
            case TechnicianRoutingConstraints.WORKING_TIME -> "作業時間";
            case TechnicianRoutingConstraints.OVERTIME -> "残業";
            case TechnicianRoutingConstraints.QUOTED_WINDOW_BROKEN -> "案内済み時間帯の逸脱";
            case TechnicianRoutingConstraints.CONTINUITY -> "担当技術者の継続";
            case TechnicianRoutingConstraints.WORKLOAD_BALANCE -> "作業量の偏り";
            default -> constraint;
        };
    }

    /** "25 min", "1 h 5 min". */
    static String minutes(long seconds) {
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** "25分", "1時間5分", "2時間". */
    static String minutesJapanese(long seconds) {
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? minutes + "分" : minutes / 60 + "時間" + (minutes % 60 == 0 ? "" : minutes % 60 + "分");
    }

    private static String windows(List<Span> spans) {
        return spans.stream().map(s -> s.equals(Span.ANY) ? "any time" : s.start() + "–" + s.end())
                .collect(Collectors.joining(", "));
    }

    private static String windowsJapanese(List<Span> spans) {
        return spans.stream().map(s -> s.equals(Span.ANY) ? "時間指定なし" : s.start() + "〜" + s.end())
                .collect(Collectors.joining("、"));
    }

    private static String where(String region, LocalDate date) {
        return "in " + region + " on " + date;
    }

    private static String whereJapanese(String region, LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日に" + region + "で";
    }

    /** Up to five names, then how many more. */
    private static String names(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static String namesJapanese(List<String> names) {
        return names.size() <= 5 ? String.join("、", names)
                : String.join("、", names.subList(0, 5)) + " ほか" + (names.size() - 5) + "名";
    }
}
