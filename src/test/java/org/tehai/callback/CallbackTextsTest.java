package org.tehai.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Why Tehai put a call-back on the queue reads in Japanese at a Japanese desk; an agent's own reason as typed. */
class CallbackTextsTest {

    @Test
    void shouldGiveTehaisOwnReasonsInJapanese() {
        assertThat(CallbackTexts.askedOnTrackingPage("ON_THE_WAY"))
                .isEqualTo("The customer asked on the tracking page to be called (visit: on the way).");
        assertThat(CallbackTexts.japanese(CallbackTexts.askedOnTrackingPage("PLANNED")))
                .isEqualTo("お客様が追跡ページから折り返しの電話を希望しました(訪問は予定済み)。");
        assertThat(CallbackTexts.japanese(CallbackTexts.askedOnTrackingPage("NOT_YET_PLANNED")))
                .isEqualTo("お客様が追跡ページから折り返しの電話を希望しました(訪問は未計画)。");
        assertThat(CallbackTexts.japanese(CallbackTexts.nobodyThere("2-14-3 Koenji-minami")))
                .startsWith("技術者が伺いましたが2-14-3 Koenji-minamiにどなたもいませんでした。");
        assertThat(CallbackTexts.japanese(CallbackTexts.arrivalAtRisk("09:00–10:00", "10:40", "traffic")))
                .isEqualTo("到着が遅れるおそれ: お伝えした時間は09:00–10:00、いまの見込みは10:40ごろ(交通事情のため)。"
                        + "新しい時間帯をご案内してください。");
        assertThat(CallbackTexts.japanese(CallbackTexts.arrivalAtRisk("09:00–10:00", "10:40", "previous job overran")))
                .contains("前の作業が長引いたため");
        assertThat(CallbackTexts.japanese("技術者の到着時間を確認して連絡")).isEqualTo("技術者の到着時間を確認して連絡");
    }
}
