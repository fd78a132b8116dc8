package org.tehai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tracking and manager's pages speak Japanese wherever they speak English: every message has a translation. */
class TrackingPageMessagesTest {

    @ParameterizedTest
    @CsvSource({ "org.tehai.web.TrackingPageMessages, messages/track_ja.properties",
            "org.tehai.web.ManagePageMessages, messages/manage_ja.properties" })
    void shouldTranslateEveryMessageIntoJapanese(String bundle, String file)
            throws IOException, ClassNotFoundException {
        Set<String> english = Arrays.stream(Class.forName(bundle).getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        Properties japanese = new Properties();
        try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            japanese.load(reader);
        }
        assertThat(japanese.stringPropertyNames()).as("Japanese messages of " + bundle)
                .containsExactlyInAnyOrderElementsOf(english);
        assertThat(japanese.values()).as("no empty translation").allSatisfy(text -> assertThat((String) text).isNotBlank());
    }
}
