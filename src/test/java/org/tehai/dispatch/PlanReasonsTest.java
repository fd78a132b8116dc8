package org.tehai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.tehai.dispatch.PlanReasons.From;
import org.tehai.dispatch.PlanReasons.Reason;
import org.tehai.dispatch.PlanReasons.Span;
import org.tehai.planning.TechnicianRoutingConstraints;

/**
 * Every sentence the board reads about a plan comes in English, as the API has always given it, and in Japanese,
 * with the same times, durations, skill levels, parts, tools and names.
 */
class PlanReasonsTest {

    private static final LocalDate DAY = LocalDate.of(2030, 2, 12);

    private static void said(Reason reason, String english, String japanese) {
        assertThat(reason.english()).isEqualTo(english);
        assertThat(reason.japanese()).isEqualTo(japanese);
    }

    private static TreeSet<String> set(String... items) {
        return new TreeSet<>(List.of(items));
    }

    @Test
    void shouldSayDurationsInBothLanguages() {
        assertThat(PlanReasons.minutes(25 * 60)).isEqualTo("25 min");
        assertThat(PlanReasons.minutesJapanese(25 * 60)).isEqualTo("25分");
        assertThat(PlanReasons.minutes(65 * 60)).isEqualTo("1 h 5 min");
        assertThat(PlanReasons.minutesJapanese(65 * 60)).isEqualTo("1時間5分");
        assertThat(PlanReasons.minutesJapanese(120 * 60)).isEqualTo("2時間");
        assertThat(PlanReasons.minutesJapanese(29)).isEqualTo("0分");
    }

    @Test
    void shouldSayWhyAVisitSitsWhereItDoes() {
        said(PlanReasons.alreadyStarted("Tanaka Ken"), "Already started by Tanaka Ken: stays where it is.",
                "Tanaka Kenさんが作業を開始済みのため、このままです。");
        said(PlanReasons.pinned("田中 健"), "Stays with 田中 健: pinned or already dispatched to them.",
                "田中 健さんに固定済みか出動済みのため、田中 健さんの担当のままです。");
        said(PlanReasons.skills("田中", true, Map.of("HVAC", 2, "ELEVATOR", 3), Map.of("ELEVATOR", 4, "HVAC", 2)),
                "田中 has the skills it needs (ELEVATOR level 4, needs 3; HVAC level 2, needs 2).",
                "田中さんは必要なスキルを持っています（ELEVATOR レベル4・必要レベル3、HVAC レベル2・必要レベル2）。");
        said(PlanReasons.skills("田中", false, Map.of("ELEVATOR", 3), Map.of()),
                "田中 lacks skills it needs (ELEVATOR level 0, needs 3).",
                "田中さんには必要なスキルが足りません（ELEVATOR レベル0・必要レベル3）。");
        said(PlanReasons.inTheVan(set("FUSE-5A", "BELT"), set("LADDER")), "Has BELT, FUSE-5A, LADDER in the van.",
                "BELT、FUSE-5A、LADDERは車両に積んであります。");
        said(PlanReasons.restockedBefore(set("FUSE-5A"), set()), "Picks up FUSE-5A at the depot earlier on the route.",
                "この訪問の前にデポに寄り、FUSE-5Aを受け取ります。");
        said(PlanReasons.partsMissing(set(), set("LADDER")), "Parts missing in the van for LADDER.",
                "車両の在庫にLADDERが足りません。");
        said(PlanReasons.drive(25 * 60, From.HOME, 1), "25 min drive from home, stop 1 of the day.",
                "自宅から移動25分、本日1件目の訪問です。");
        said(PlanReasons.drive(65 * 60, From.PREVIOUS, 3), "1 h 5 min drive from the previous visit, stop 3 of the day.",
                "前の訪問先から移動1時間5分、本日3件目の訪問です。");
        said(PlanReasons.drive(600, From.DEPOT, 2), "10 min drive from the depot, stop 2 of the day.",
                "デポから移動10分、本日2件目の訪問です。");
    }

    @Test
    void shouldSayTheWindowsAndDueTimesKeptOrMissed() {
        List<Span> morning = List.of(new Span("09:00", "12:00"));
        said(PlanReasons.start("10:00", 0, morning, 0),
                "Starts 10:00, inside the customer's availability (09:00–12:00).",
                "10:00開始で、お客様の在宅時間（09:00〜12:00）内です。");
        said(PlanReasons.start("09:00", 0, List.of(new Span("09:00", "12:00"), new Span("14:00", "17:00")), 15 * 60),
                "Starts 09:00, inside the customer's availability (09:00–12:00, 14:00–17:00); waits 15 min at the door.",
                "09:00開始で、お客様の在宅時間（09:00〜12:00、14:00〜17:00）内です。到着後15分待ちます。");
        said(PlanReasons.start("12:25", 25 * 60, morning, 0),
                "Starts 12:25, 25 min after the customer's availability (09:00–12:00) ends.",
                "12:25開始で、お客様の在宅時間（09:00〜12:00）の終了から25分遅れます。");
        said(PlanReasons.start("08:00", 0, List.of(Span.ANY), 0),
                "Starts 08:00, inside the customer's availability (any time).",
                "08:00開始で、お客様の在宅時間（時間指定なし）内です。");
        said(PlanReasons.serviceLevel("P1", "12:00", 0), "Within the P1 service-level due time 12:00.",
                "P1の対応期限（12:00）に間に合います。");
        said(PlanReasons.serviceLevel("P2", "12:00", 65 * 60), "1 h 5 min after the P2 service-level due time 12:00.",
                "P2の対応期限（12:00）を1時間5分過ぎます。");
        said(PlanReasons.quotedWindow(new Span("10:00", "12:00"), 0),
                "Keeps the window quoted to the customer (10:00–12:00).",
                "お客様に案内済みの時間帯（10:00〜12:00）を守ります。");
        said(PlanReasons.quotedWindow(new Span("10:00", "12:00"), 25 * 60),
                "Moves 25 min outside the window quoted to the customer (10:00–12:00).",
                "お客様に案内済みの時間帯（10:00〜12:00）から25分外れます。");
        said(PlanReasons.continuity(true), "Same technician as the earlier visit of this ticket.",
                "このチケットの前回の訪問と同じ技術者です。");
        said(PlanReasons.continuity(false), "Another technician than the one who came before (continuity not kept).",
                "前回とは別の技術者です（担当の継続は保たれません）。");
    }

    @Test
    void shouldSayWhyAVisitIsLeftUnassigned() {
        said(PlanReasons.noTechnician("Tokyo West", DAY), "No technician works in Tokyo West on 2030-02-12.",
                "2030年2月12日にTokyo Westで勤務する技術者がいません。");
        said(PlanReasons.nobodyWith("Tokyo West", DAY, Map.of("ELEVATOR", 3), Map.of("FUSE", 2), set("LADDER"), false),
                "No technician with skill ELEVATOR level 3 works in Tokyo West on 2030-02-12.",
                "2030年2月12日にTokyo Westで勤務する技術者に、スキル ELEVATOR レベル3を持つ人がいません。");
        said(PlanReasons.nobodyWith("東京西", DAY, Map.of(), Map.of("FUSE", 2, "BELT", 1), set("LADDER"), true),
                "No technician with part BELT and part FUSE ×2 and tool LADDER works in 東京西 on 2030-02-12 "
                        + "(and no depot to restock from).",
                "2030年2月12日に東京西で勤務する技術者に、部品 BELT、部品 FUSE ×2、工具 LADDERを持つ人がいません"
                        + "（在庫を補充できるデポもありません）。");
        said(PlanReasons.outsideEveryShift(List.of(new Span("20:00", "22:00")), List.of("Tanaka", "Sato")),
                "The customer's availability (20:00–22:00) does not overlap the shift of any technician who can do "
                        + "the job (Tanaka, Sato).",
                "お客様の在宅時間（20:00〜22:00）が、この作業ができる技術者（Tanaka、Sato）の勤務時間と重なりません。");
        said(PlanReasons.fullyBooked(List.of("A", "B", "C", "D", "E", "F", "G")),
                "The technicians who can do the job (A, B, C, D, E and 2 more) are fully booked.",
                "この作業ができる技術者（A、B、C、D、E ほか2名）は予定がいっぱいです。");
        said(PlanReasons.bestPlace("Tanaka", "14:30", List.of()),
                "The best place would be with Tanaka at 14:30, which would push out more urgent work.",
                "最適な位置はTanakaさんの14:30開始ですが、より緊急の作業を押し出すことになります。");
        said(PlanReasons.bestPlace("Tanaka", "14:30", List.of(TechnicianRoutingConstraints.SHIFT_END_EXCEEDED,
                TechnicianRoutingConstraints.MISSING_PARTS)),
                "The best place would be with Tanaka at 14:30, which would run past the shift end and allowed overtime "
                        + "and run out of parts.",
                "最適な位置はTanakaさんの14:30開始ですが、勤務終了と許容される残業時間を超えることになり、"
                        + "部品が足りなくなることになります。");
    }

    @Test
    void shouldSayWhatAMoveByHandBreaks() {
        said(PlanReasons.moveWarning(TechnicianRoutingConstraints.MISSING_SKILL),
                "This move would send a technician without the skill.", "この移動では、スキルのない技術者を送ることになります。");
        said(PlanReasons.moveWarning(TechnicianRoutingConstraints.PINNED_VISIT_MOVED),
                "This move would move work already dispatched to someone else.",
                "この移動では、ほかの技術者に出動済みの作業を動かすことになります。");
        said(PlanReasons.moveWarning(TechnicianRoutingConstraints.OUTSIDE_AVAILABILITY),
                "This move would start after the customer's availability ends.",
                "この移動では、お客様の在宅時間が終わってから開始することになります。");
        said(PlanReasons.moveWarning("Some new rule"), "This move would worsen some new rule.",
                "この移動では、「Some new rule」を悪化させることになります。");
        said(PlanReasons.broken(TechnicianRoutingConstraints.MISSING_SKILL, -1), "Missing skill (-1)", "スキル不足 (-1)");
        for (String constraint : List.of(TechnicianRoutingConstraints.MISSING_SKILL,
                TechnicianRoutingConstraints.MISSING_TOOL, TechnicianRoutingConstraints.MISSING_PARTS,
                TechnicianRoutingConstraints.OUTSIDE_AVAILABILITY, TechnicianRoutingConstraints.SHIFT_END_EXCEEDED,
                TechnicianRoutingConstraints.BREAK_MISSED, TechnicianRoutingConstraints.PINNED_VISIT_MOVED,
                TechnicianRoutingConstraints.UNASSIGNED_VISIT, TechnicianRoutingConstraints.SLA_LATENESS,
                TechnicianRoutingConstraints.TRAVEL_TIME, TechnicianRoutingConstraints.WORKING_TIME,
                TechnicianRoutingConstraints.OVERTIME, TechnicianRoutingConstraints.QUOTED_WINDOW_BROKEN,
                TechnicianRoutingConstraints.CONTINUITY, TechnicianRoutingConstraints.WORKLOAD_BALANCE)) {
            assertThat(PlanReasons.constraintJapanese(constraint)).as(constraint).doesNotContainPattern("[A-Za-z]");
            assertThat(PlanReasons.wordsJapanese(constraint)).as(constraint).doesNotContainPattern("[A-Za-z]");
        }
    }
}
