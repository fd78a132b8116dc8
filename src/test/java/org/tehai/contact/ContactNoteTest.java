package org.tehai.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The notes Tehai writes on contacts: English as stored, Japanese from their data, times in the region's zone. */
class ContactNoteTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static String japanese(ContactNote note) {
        return ContactNote.japanese(note.key(), ContactNote.paramsOf(note.paramsJson()), note.english(), TOKYO);
    }

    @Test
    void shouldSayABookedCallBackInJapaneseAtLocalTimeAndKeepTheEnglishAsBefore() {
        var note = ContactNote.callbackBooked(Instant.parse("2030-04-09T05:30:00Z"), "2030-04-09T14:30+09:00",
                "call about the new window", "call about the new window");
        assertThat(note.english()).isEqualTo("Call-back booked for 2030-04-09T14:30+09:00: call about the new window");
        assertThat(japanese(note)).isEqualTo("4月9日(火) 14:30に折り返しの電話を予約: call about the new window");
    }

    @Test
    void shouldSayTheAnswerToldAndATrackingViewInJapanese() {
        assertThat(japanese(ContactNote.arrivalTold("Kenji is on the way.", "ケンジが向かっています。")))
                .isEqualTo("技術者の到着のお問い合わせ。お伝えした内容: ケンジが向かっています。");
        var viewed = ContactNote.trackingView("ON_THE_WAY");
        assertThat(viewed.english()).isEqualTo("Tracking page opened (ON_THE_WAY)");
        assertThat(japanese(viewed)).isEqualTo("お客様が追跡ページを開きました(移動中)");
    }

    @Test
    void shouldShowTypedNotesAndOlderRowsAsWritten() {
        assertThat(ContactNote.japanese(null, Map.of(), "Customer will be home after 3", TOKYO))
                .isEqualTo("Customer will be home after 3");
        assertThat(ContactNote.paramsOf("not json")).isEmpty();
    }
}
