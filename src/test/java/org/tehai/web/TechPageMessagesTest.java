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

import org.junit.jupiter.api.Test;

/** The technician's app speaks Japanese wherever it speaks English: every message has a translation. */
class TechPageMessagesTest {

    @Test
    void shouldTranslateEveryMessageOfTheTechnicianAppIntoJapanese() throws IOException {
        Set<String> english = Arrays.stream(TechPageMessages.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        Properties japanese = new Properties();
        try (Reader reader = new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream("messages/tech_ja.properties"), StandardCharsets.UTF_8)) {
            japanese.load(reader);
        }
        assertThat(japanese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english);
        assertThat(japanese.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
    }
}
