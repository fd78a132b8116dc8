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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/** The incident board speaks Japanese wherever it speaks English, with the same placeholders in both. */
class IncidentPageMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    @Test
    void shouldTranslateEveryMessageWithItsPlaceholders() throws IOException {
        Properties japanese = new Properties();
        try (Reader reader = new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream("messages/incidents_ja.properties"), StandardCharsets.UTF_8)) {
            japanese.load(reader);
        }
        Method[] methods = IncidentPageMessages.class.getMethods();
        assertThat(japanese.stringPropertyNames()).as("Japanese messages of the incident board")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(methods).map(Method::getName).toList());
        for (Method method : methods) {
            String ja = japanese.getProperty(method.getName());
            assertThat(ja).as(method.getName()).isNotBlank();
            assertThat(placeholders(ja)).as("placeholders of " + method.getName())
                    .isEqualTo(placeholders(method.getAnnotation(Message.class).value()));
        }
    }

    private static Set<String> placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
