package org.tehai.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The sentences Tehai writes about incidents read in Japanese on a Japanese page; what a person typed does not change. */
class IncidentTextsTest {

    @Test
    void shouldGiveTehaisOwnSentencesInJapaneseAndLeaveTypedTextAsItIs() {
        String text = IncidentTexts.suspectedStatusText("Maspro BH-35 booster", "2-14-3 Koenji-minami (Koenji Heights)",
                42L);
        assertThat(IncidentTexts.in(text, Locale.JAPANESE)).isEqualTo("共用のMaspro BH-35 booster(2-14-3 Koenji-minami "
                + "(Koenji Heights))の故障が疑われます。共用設備への技術者の訪問を1件(訪問 42)手配しました。お客様ごとの訪問は不要です。");
        assertThat(IncidentTexts.in(text, Locale.ENGLISH)).isEqualTo(text);
        assertThat(IncidentTexts.in(IncidentTexts.suspectedStatusText("Booster $1 \\x", "Street", null), Locale.JAPANESE))
                .startsWith("共用のBooster $1 \\x(Street)の故障").contains("配車担当が手配します");
        assertThat(IncidentTexts.in(IncidentTexts.suspectedTitle("TV", "Maspro BH-35 booster", "Koenji Heights"),
                Locale.JAPANESE)).isEqualTo("Koenji HeightsのMaspro BH-35 boosterでTVの故障の疑い");
        assertThat(IncidentTexts.in(IncidentTexts.suspectedReason("Maspro BH-35 booster", 60), Locale.JAPANESE))
                .isEqualTo("60分以内に、Maspro BH-35 boosterにつながる設備について複数の住所から連絡がありました。");
        assertThat(IncidentTexts.in(IncidentTexts.outageReason("Fibre cut Ekoda"), Locale.JAPANESE))
                .isEqualTo("宣言された地域障害の範囲内です: Fibre cut Ekoda");
        assertThat(IncidentTexts.in(IncidentTexts.NOT_SHARED, Locale.JAPANESE)).startsWith("共用設備の故障ではありませんでした");
        assertThat(IncidentTexts.in(IncidentTexts.bothDependOn("Maspro BH-35 booster BST-1", "1-2-3 Nakano"),
                Locale.JAPANESE)).isEqualTo("どちらも1-2-3 NakanoのMaspro BH-35 booster BST-1につながっています。");
        assertThat(IncidentTexts.in(IncidentTexts.nearby("TV", 120), Locale.JAPANESE))
                .isEqualTo("同じくTVの症状で、120 m 離れています。");
        assertThat(IncidentTexts.in(IncidentTexts.repeatContact("TV"), Locale.JAPANESE)).contains("繰り返しの連絡");
        assertThat(IncidentTexts.in("Repair crew on site; TV back by 20:00.", Locale.JAPANESE))
                .isEqualTo("Repair crew on site; TV back by 20:00.");
        assertThat(IncidentTexts.in(null, Locale.JAPANESE)).isNull();
    }
}
