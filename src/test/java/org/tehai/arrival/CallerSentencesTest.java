package org.tehai.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.tehai.arrival.ArrivalAnswers.State;
import org.tehai.arrival.ArrivalAnswers.WindowView;
import org.tehai.arrival.CallerSentences.Facts;

/** The sentence an agent reads out, and the tracking page shows, in English and Japanese. */
class CallerSentencesTest {

    private static final WindowView NINE_TO_TEN = new WindowView(at("09:00"), at("10:00"));

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2030-03-05T" + time + ":00+09:00");
    }

    private static Facts planned(Integer before) {
        return new Facts(State.PLANNED, "Rin", before, NINE_TO_TEN, null, null, null);
    }

    @Test
    void shouldCountTheVisitsBeforeInWordsNeverAsVisitsInBrackets() {
        assertThat(CallerSentences.english(planned(0)))
                .isEqualTo("Rin's next visit is yours; we told you 9:00–10:00, and that still holds.");
        assertThat(CallerSentences.english(planned(1))).startsWith("Rin has one visit before yours;");
        assertThat(CallerSentences.english(planned(3))).startsWith("Rin has 3 visits before yours;");
        assertThat(CallerSentences.japanese(planned(0)))
                .isEqualTo("担当のRinは次にお客様のところへお伺いします。お伝えした9:00〜10:00のご予定に変わりはありません。");
        assertThat(CallerSentences.japanese(planned(2))).startsWith("担当のRinはお客様の前に2件の訪問があります。");
        for (int before = 0; before < 4; before++) {
            assertThat(CallerSentences.of(planned(before)).values()).noneMatch(s -> s.contains("(s)"));
        }
    }

    @Test
    void shouldSayHowLateAndWhyWhenTheWindowNoLongerHolds() {
        Facts late = new Facts(State.ON_THE_WAY, "Rin", null, NINE_TO_TEN, at("10:20"), 20L, "previous job overran");
        assertThat(CallerSentences.english(late)).isEqualTo("Rin is on the way to you; we told you 9:00–10:00, but the "
                + "arrival now looks like about 10:20, about 20 minutes late because the previous job ran long.");
        assertThat(CallerSentences.japanese(late)).isEqualTo("担当のRinがお客様のところへ向かっています。"
                + "前の作業が長引いたため、お伝えした9:00〜10:00より約20分遅れて、10:20ごろの到着となる見込みです。");
        Facts hours = new Facts(State.PLANNED, "Rin", 1, NINE_TO_TEN, at("11:30"), 90L, "traffic");
        assertThat(CallerSentences.english(hours)).contains("about 1 hour 30 minutes late because of traffic.");
        assertThat(CallerSentences.japanese(hours)).contains("道路が混雑しているため、").contains("約1時間30分遅れて");
    }

    @Test
    void shouldPromiseACallWhenTheWorkingDayEndsBeforeTheVisit() {
        Facts offShift = new Facts(State.PLANNED, "Rin", 4, NINE_TO_TEN, at("19:00"), 540L, "technician off shift");
        assertThat(CallerSentences.english(offShift)).endsWith("but the working day ends before your visit; we will "
                + "call you to agree a new time.");
        assertThat(CallerSentences.japanese(offShift)).endsWith("改めてお電話で日時をご相談します。");
    }

    @Test
    void shouldSayTheOtherStatesPlainly() {
        Facts none = new Facts(State.NOT_YET_PLANNED, null, null, null, null, null, null);
        assertThat(CallerSentences.of(none)).containsEntry("en",
                "The visit is not scheduled yet; we will tell you the time as soon as it is.")
                .containsEntry("ja", "訪問の日時はまだ決まっていません。決まりしだいお知らせします。");
        Facts here = new Facts(State.ON_SITE, "Rin", null, NINE_TO_TEN, null, null, null);
        assertThat(CallerSentences.english(here)).isEqualTo("Rin is at your address now.");
        assertThat(CallerSentences.japanese(here)).isEqualTo("担当のRinがただいまお客様のところで作業しています。");
        Facts noWindow = new Facts(State.ON_THE_WAY, null, null, null, null, null, null);
        assertThat(CallerSentences.english(noWindow)).isEqualTo("The technician is on the way to you.");
        assertThat(CallerSentences.japanese(noWindow)).isEqualTo("担当者がお客様のところへ向かっています。");
    }
}
