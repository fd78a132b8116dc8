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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.qute.i18n.Message;

/**
 * The pages speak Japanese wherever they speak English: every message of every page's bundle has a translation,
 * not blank, with the same placeholders.
 */
class PageMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    @ParameterizedTest
    @CsvSource({ "org.tehai.web.Messages, messages/msg_ja.properties",
            "org.tehai.web.DeskPageMessages, messages/desk_ja.properties",
            "org.tehai.web.DeskPageLabels, messages/desklabels_ja.properties",
            "org.tehai.web.TrackingPageMessages, messages/track_ja.properties",
            "org.tehai.web.ManagePageMessages, messages/manage_ja.properties",
            "org.tehai.web.IncidentPageMessages, messages/incidents_ja.properties",
            "org.tehai.web.TechPageMessages, messages/tech_ja.properties" })
    void shouldTranslateEveryMessageWithItsPlaceholders(String bundle, String file)
            throws IOException, ClassNotFoundException {
        Method[] methods = Class.forName(bundle).getMethods();
        Properties japanese = new Properties();
        try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            japanese.load(reader);
        }
        assertThat(japanese.stringPropertyNames()).as("Japanese messages of " + bundle)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(methods).map(Method::getName).toList());
        for (Method method : methods) {
            String ja = japanese.getProperty(method.getName());
            assertThat(ja).as(bundle + "." + method.getName()).isNotBlank();
            assertThat(placeholders(ja)).as("placeholders of " + bundle + "." + method.getName())
                    .isEqualTo(placeholders(method.getAnnotation(Message.class).value()));
        }
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
