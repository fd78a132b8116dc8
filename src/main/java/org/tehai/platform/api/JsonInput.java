package org.tehai.platform.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.tehai.platform.error.RejectedValue;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one JSON reader configuration of the API. Strict where a lenient reader would guess: a key given twice, a
 * number where a name or a date belongs, a string where a number belongs, {@code null} inside a list and text or
 * times outside {@link InputRules} are refused with a 400 naming the field, before any service sees the request.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        // Last, so these readers replace the Java time module's.
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

        SimpleModule rules = new SimpleModule("tehai-input-rules");
        rules.addDeserializer(String.class, new TextReader());
        rules.addDeserializer(Double.class, new FiniteNumberReader());
        rules.addDeserializer(double.class, new FiniteNumberReader());
        rules.addDeserializer(OffsetDateTime.class, new TimeReader<>(OffsetDateTime.class, OffsetDateTime::parse,
                time -> InputRules.instantProblem(time.toInstant()),
                "date-time; use ISO-8601 with an offset, e.g. 2026-11-23T09:00:00+09:00"));
        rules.addDeserializer(Instant.class, new TimeReader<>(Instant.class, text -> OffsetDateTime.parse(text).toInstant(),
                InputRules::instantProblem, "date-time; use ISO-8601 with an offset, e.g. 2026-11-23T09:00:00+09:00"));
        rules.addDeserializer(LocalDate.class, new TimeReader<>(LocalDate.class, LocalDate::parse,
                InputRules::dateProblem, "date; use ISO-8601, e.g. 2026-11-23"));
        rules.addDeserializer(LocalTime.class, new TimeReader<>(LocalTime.class, LocalTime::parse, time -> null,
                "time of day; use e.g. 08:30"));
        mapper.registerModule(rules);
    }

    /** A string field: only a JSON string, without control characters, at most {@link InputRules#MAX_TEXT} long. */
    static final class TextReader extends StdScalarDeserializer<String> {

        TextReader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (text.length() > InputRules.MAX_TEXT) {
                throw new RejectedValue(parser, text, String.class,
                        "is longer than " + InputRules.MAX_TEXT + " characters");
            }
            String problem = InputRules.textProblem(text);
            if (problem != null) {
                throw new RejectedValue(parser, text, String.class, problem);
            }
            return text;
        }
    }

    /** A decimal number that is a number: 1e400 would otherwise become infinity. */
    static final class FiniteNumberReader extends StdScalarDeserializer<Double> {

        FiniteNumberReader() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && !parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return (Double) context.handleUnexpectedToken(Double.class, parser);
            }
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw new RejectedValue(parser, parser.getText(), Double.class, "is not a finite number");
            }
            return value;
        }
    }

    /** A date or time: only an ISO-8601 string, inside the range {@link InputRules} allows. */
    static final class TimeReader<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;
        private final transient Function<T, String> rangeProblem;
        private final String expected;

        TimeReader(Class<T> type, Function<String, T> parse, Function<T, String> rangeProblem, String expected) {
            super(type);
            this.parse = parse;
            this.rangeProblem = rangeProblem;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Class<T> type = (Class<T>) handledType();
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getText().trim();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new RejectedValue(parser, text, type, "is not a valid " + expected);
            }
            String problem = rangeProblem.apply(value);
            if (problem != null) {
                throw new RejectedValue(parser, text, type, problem);
            }
            return value;
        }
    }
}
