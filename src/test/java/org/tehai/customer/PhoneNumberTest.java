package org.tehai.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tehai.platform.error.ApiProblem;

class PhoneNumberTest {

    /** The default of {@code tehai.phone.country-code}. */
    private static final String JAPAN = "81";

    @ParameterizedTest
    @ValueSource(strings = { "03-1234-5678", "０３ー１２３４ー５６７８", "０３－１２３４－５６７８", "03―1234―5678",
            "03‐1234‐5678", "03‒1234‒5678", "03–1234–5678", "03—1234—5678", "03−1234−5678", "03ｰ1234ｰ5678",
            "03‑1234‑5678", "（０３）１２３４ー５６７８", "０３　１２３４　５６７８", "＋８１　３　１２３４　５６７８",
            "＋８１（０）３ー１２３４ー５６７８", " 03-1234-5678 " })
    void shouldReadDashLookAlikesFullWidthBracketsSpacesAndPlusAsTheSameNumber(String typed) {
        assertThat(PhoneNumber.normalize(typed, JAPAN)).isEqualTo("+81312345678");
        assertThat(PhoneNumber.looksLikeNumber(typed)).isTrue();
    }

    @Test
    void shouldKeepTheTypedNumberReadableInPlainCharacters() {
        assertThat(PhoneNumber.plain("０３ー１２３４ー５６７８")).isEqualTo("03-1234-5678");
        assertThat(PhoneNumber.plain("（０３）　１２３４―５６７８")).isEqualTo("(03) 1234-5678");
        assertThat(PhoneNumber.plain("＋８１ ３ １２３４ ５６７８")).isEqualTo("+81 3 1234 5678");
    }

    @Test
    void shouldNameTheStrayCharacterInsteadOfCallingTheNumberIncomplete() {
        assertThatThrownBy(() -> PhoneNumber.normalize("03〜1234〜5678", JAPAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains the character '〜'");
        assertThatThrownBy(() -> PhoneNumber.normalize("03-12ab-5678", JAPAN)).hasMessageContaining("character 'a'");
        // Digits of other scripts are not Japanese phone digits.
        assertThatThrownBy(() -> PhoneNumber.normalize("٠٣١٢٣٤٥٦٧٨", JAPAN))
                .hasMessageContaining("contains the character");
    }

    @Test
    void shouldStillRejectIncompleteNumbers() {
        assertThatThrownBy(() -> PhoneNumber.normalize("０３ー１２", JAPAN)).hasMessageContaining("not a complete number");
        assertThat(PhoneNumber.normalizeOrNull("12", JAPAN)).isNull();
        assertThat(PhoneNumber.looksLikeNumber("サトウ ハナコ")).isFalse();
        assertThat(PhoneNumber.looksLikeNumber("TK-1002")).isFalse();
    }

    @Test
    void shouldNameTheFieldWhenANumberIsRequired() {
        assertThat(PhoneNumber.require("caller.phone", "０９０ー１２３４ー５６７８", JAPAN)).isEqualTo("+819012345678");
        assertThatThrownBy(() -> PhoneNumber.require("caller.phone", "12", JAPAN))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.field()).isEqualTo("caller.phone");
                    assertThat(p.getMessage()).contains("not a complete number");
                });
        assertThatThrownBy(() -> PhoneNumber.require("phone", " ", JAPAN)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.field()).isEqualTo("phone"));
    }
}
