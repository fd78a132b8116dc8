package org.tehai.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchNameTest {

    @ParameterizedTest
    @ValueSource(strings = { "サトウ ハナコ", "ｻﾄｳ ﾊﾅｺ", "さとう はなこ", "サトウ　ハナコ", "さとうハナコ", "ｻﾄｳﾊﾅｺ" })
    void shouldFoldKanaWidthAndScriptToOneForm(String typed) {
        assertThat(SearchName.fold(typed)).isEqualTo("サトウハナコ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Sato Hanako", "Ｓａｔｏ Ｈａｎａｋｏ", "ＳＡＴＯ　ＨＡＮＡＫＯ", "sato hanako", "SatoHanako" })
    void shouldFoldLatinWidthCaseAndSpaces(String typed) {
        assertThat(SearchName.fold(typed)).isEqualTo("satohanako");
    }

    @Test
    void shouldJoinHalfWidthVoicingMarksAndKeepTheLongVowelMark() {
        assertThat(SearchName.fold("ｶﾞｯｺｳ")).isEqualTo("ガッコウ");
        assertThat(SearchName.fold("ﾊﾟｰｸ")).isEqualTo("パーク");
        assertThat(SearchName.fold("ゔぁいおりん")).isEqualTo("ヴァイオリン");
        assertThat(SearchName.fold("ジョン・スミス")).isEqualTo(SearchName.fold("ｼﾞｮﾝ･ｽﾐｽ")).isEqualTo("ジョンスミス");
        assertThat(SearchName.fold("佐藤 花子")).isEqualTo("佐藤花子");
    }

    @Test
    void shouldTakeNamesInEitherOrderAsTheSameName() {
        assertThat(SearchName.sameName("Ito Aoi", "Aoi Ito")).isTrue();
        assertThat(SearchName.sameName("Ito Aoi", "ｉｔｏ　ａｏｉ")).isTrue();
        assertThat(SearchName.sameName("イトウ アオイ", "あおい いとう")).isTrue();
        assertThat(SearchName.sameName("伊藤葵", "伊藤 葵")).isTrue();
        assertThat(SearchName.sameName("Ito Aoi", "Ito Ren")).isFalse();
        assertThat(SearchName.sameName("Ito Aoi", null)).isFalse();
    }
}
