package org.tehai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tehai.platform.database.EmbeddedPostgresConfigSourceFactory;
import org.tehai.ticket.ServiceLevels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * The README's configuration table is the operator's list of {@code tehai.*} keys; the {@code @ConfigMapping}
 * interfaces are what the application reads. A key added to one and forgotten in the other fails here, and so does a
 * default that the README states differently or that is set twice (mapping and application.properties).
 */
class ConfigurationDocumentedTest {

    private static final Pattern TEHAI_KEY = Pattern.compile("`(tehai\\.[a-z0-9.-]+)`");

    /** Keys the embedded database reads while the configuration is still being built, before any mapping exists. */
    private static final Set<String> BOOTSTRAP_KEYS = Set.of(EmbeddedPostgresConfigSourceFactory.DATA_DIR,
            EmbeddedPostgresConfigSourceFactory.EPHEMERAL, EmbeddedPostgresConfigSourceFactory.DATABASE);

    /** Key → its mapping method, over every {@code @ConfigMapping} interface of the application. */
    private static Map<String, Method> mapped;
    /** Key → the README row's cells (key, default, meaning), for every {@code tehai.*} row. */
    private static Map<String, List<String>> documented;
    private static List<String> documentedInOrder;

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        mapped = new TreeMap<>();
        for (Class<?> mapping : configMappings()) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, mapped);
        }
        documented = new HashMap<>();
        documentedInOrder = new ArrayList<>();
        for (String row : configurationTableRows()) {
            List<String> cells = Stream.of(row.split("\\|")).map(String::trim).skip(1).toList();
            Matcher key = TEHAI_KEY.matcher(cells.get(0));
            while (key.find()) {
                documented.put(key.group(1), cells);
                documentedInOrder.add(key.group(1));
            }
        }
    }

    @Test
    void shouldFindTheMappingsOfEveryFeature() {
        // A key of its own (tehai.public-url) is its own feature.
        assertThat(mapped.keySet()).extracting(key -> key.indexOf('.', "tehai.".length()) < 0 ? key
                : key.substring(0, key.indexOf('.', "tehai.".length())))
                .contains("tehai.arrival", "tehai.dispatch", "tehai.slots", "tehai.phone", "tehai.security",
                        "tehai.demo", "tehai.sla", "tehai.desk", "tehai.notifications");
    }

    @Test
    void shouldDocumentEveryKeyTheApplicationReads() {
        Set<String> read = new TreeSet<>(mapped.keySet());
        read.addAll(BOOTSTRAP_KEYS);
        assertThat(documented.keySet()).as("keys in the README's configuration table").containsAll(read);
    }

    @Test
    void shouldDocumentOnlyKeysTheApplicationReads() {
        Set<String> read = new TreeSet<>(mapped.keySet());
        read.addAll(BOOTSTRAP_KEYS);
        assertThat(read).as("keys of the @ConfigMapping interfaces and the database bootstrap")
                .containsAll(documented.keySet());
    }

    @Test
    void shouldDocumentEachKeyInOneRowOfItsOwn() {
        assertThat(documentedInOrder).doesNotHaveDuplicates();
        documented.forEach((key, cells) -> assertThat(TEHAI_KEY.matcher(cells.get(0)).results().count())
                .as("keys in the row of %s", key).isEqualTo(1));
    }

    @Test
    void shouldStateTheDefaultOfTheMappingInTheReadme() {
        mapped.forEach((key, method) -> {
            WithDefault value = method.getAnnotation(WithDefault.class);
            if (value != null && documented.containsKey(key)) {
                assertThat(documented.get(key).get(1)).as("README default of %s", key)
                        .contains("`" + value.value() + "`");
            }
        });
    }

    @Test
    void shouldKeepEachDefaultInOnePlace() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConfigurationDocumentedTest.class.getResourceAsStream("/application.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        mapped.forEach((key, method) -> {
            boolean inMapping = method.isAnnotationPresent(WithDefault.class);
            boolean inProperties = properties.containsKey(key);
            assertThat(inMapping && inProperties).as("%s has a default in %s and in application.properties", key,
                    method.getDeclaringClass().getSimpleName()).isFalse();
            boolean optional = method.getReturnType().getName().startsWith("java.util.Optional");
            assertThat(inMapping || inProperties || optional).as("%s has a default", key).isTrue();
        });
    }

    /** Adds the keys of a mapping (or of a group inside one) under {@code prefix}. */
    private static void collect(String prefix, Class<?> type, Map<String, Method> keys) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String key;
            if (method.isAnnotationPresent(WithParentName.class)) {
                key = prefix;
            } else if (method.isAnnotationPresent(WithName.class)) {
                key = prefix + "." + method.getAnnotation(WithName.class).value();
            } else {
                key = prefix + "." + kebab(method.getName());
            }
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && !returned.getName().startsWith("java.")) {
                collect(key, returned, keys);
            } else {
                keys.put(key, method);
            }
        }
    }

    /** SmallRye's default naming: {@code autoPublishEvery} is read as {@code auto-publish-every}. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Every {@code @ConfigMapping} interface among the application's compiled classes. */
    private static List<Class<?>> configMappings() throws IOException, URISyntaxException {
        Path classes = Path.of(ServiceLevels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                // Only classes that name the annotation are loaded; the rest never needs to be.
                if (!new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .contains("io/smallrye/config/ConfigMapping")) {
                    continue;
                }
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, ConfigurationDocumentedTest.class.getClassLoader());
                    if (type.isAnnotationPresent(ConfigMapping.class)) {
                        mappings.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("The compiled class (" + name + ") cannot be loaded.", e);
                }
            }
        }
        return mappings;
    }

    /** The table rows of the README's "Configuration" section. */
    private static List<String> configurationTableRows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("the README's Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        return section.lines().filter(line -> line.startsWith("| `")).toList();
    }
}
