package io.mubiao.problem;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How every service reads JSON: what Jackson would otherwise guess at is refused, as a 400 problem through
 * {@link ProblemMappers}. A key given twice ({@code {"value": 1, "value": 2}}, else the last one silently wins);
 * a number or boolean where text belongs; text, an empty string or a boolean where a number belongs
 * ({@code "decimals": "2"}: API.md says numbers are JSON numbers); a fraction where a whole number belongs
 * ({@code 2.5} would be cut to 2); and text holding U+0000, which PostgreSQL text cannot store (the insert
 * would fail as a 500); anything after the JSON value ({@code {...} garbage} is not read as {@code {...}}); and a
 * date other than YYYY-MM-DD (Jackson would take {@code "2026-04-15T08:00"} or {@code " 2026-04-15 "} as
 * 15 April).
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    static final String NUL_MESSAGE = "text must not contain the character U+0000";

    /** Last, after Quarkus has registered its modules: the date deserializer below replaces JavaTimeModule's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-json-input")
                .addDeserializer(String.class, new TextWithoutNul())
                .addDeserializer(LocalDate.class, new IsoDate()));
    }

    /** Jackson's own String deserializer (with the coercion settings above), then the U+0000 check. */
    static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw MismatchedInputException.from(parser, String.class, NUL_MESSAGE);
            }
            return text;
        }
    }

    /** YYYY-MM-DD and nothing else, checked strictly (no 30 February). */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return LocalDate.parse(parser.getText());
                } catch (DateTimeParseException e) {
                    // falls through to the error below
                }
            }
            String shown = parser.currentToken() == JsonToken.VALUE_STRING ? "'" + abbreviate(parser.getText()) + "'"
                    : parser.currentToken() == JsonToken.START_ARRAY || parser.currentToken() == JsonToken.START_OBJECT
                            ? "a JSON " + (parser.currentToken() == JsonToken.START_ARRAY ? "array" : "object")
                            : parser.getText();
            throw MismatchedInputException.from(parser, LocalDate.class,
                    "must be a real date written YYYY-MM-DD, not " + shown);
        }

        private static String abbreviate(String text) {
            String printable = text.replaceAll("\\p{Cntrl}", "?");
            return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
        }
    }
}
