package org.tehai.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A customer's messages are in Japanese when their language is Japanese, else in English. */
class NotificationLanguageTest {

    @Test
    void shouldWriteInJapaneseOnlyForACustomerWhoseLanguageIsJapanese() {
        assertThat(Notifications.inJapanese("ja")).isTrue();
        assertThat(Notifications.inJapanese("ja-JP")).isTrue();
        assertThat(Notifications.inJapanese(" JA ")).isTrue();
        assertThat(Notifications.inJapanese("en")).isFalse();
        assertThat(Notifications.inJapanese("jav")).isFalse();
        assertThat(Notifications.inJapanese(null)).isFalse();
        assertThat(Notifications.inJapanese("")).isFalse();
    }
}
