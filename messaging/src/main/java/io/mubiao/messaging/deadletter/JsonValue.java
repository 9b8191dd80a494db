package io.mubiao.messaging.deadletter;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a record's value as one JSON document of a type, refusing what a lenient read would pass over: text
 * after the document, a field given twice (which of the two would count?), JSON {@code null}.
 */
public final class JsonValue<T> {

    private final ObjectReader reader;
    private final String what;

    public JsonValue(ObjectMapper json, Class<T> type) {
        this.reader = strict(json.readerFor(type));
        this.what = type.getSimpleName();
    }

    /** The reader refusing text after the document and a field given twice, at any depth. */
    public static ObjectReader strict(ObjectReader reader) {
        return reader.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** @throws Unreadable when the value is absent, malformed, of the wrong shape or JSON null */
    public T read(byte[] value) throws Unreadable {
        if (value == null || value.length == 0) {
            throw new Unreadable("the record has no value: expected one " + what + " as a JSON object");
        }
        T read;
        try {
            read = reader.readValue(value);
        } catch (DatabindException e) {
            // JSON, but not of the type's shape: a field of the wrong type, an unknown enum constant, an array
            throw new Unreadable("JSON of the wrong shape for " + what + ": " + e.getOriginalMessage() + where(e));
        } catch (JsonProcessingException e) {
            throw new Unreadable(describe(e));
        } catch (IOException | RuntimeException e) {
            // bytes that are no text in any encoding JSON allows; a number no type can hold
            throw new Unreadable("malformed JSON: " + e.getMessage());
        }
        if (read == null) {
            throw new Unreadable("the value is JSON null: expected one " + what + " as a JSON object");
        }
        return read;
    }

    /** The parser's own words and where it stopped, without the source excerpt Jackson appends. */
    public static String describe(JsonProcessingException e) {
        return "malformed JSON: " + e.getOriginalMessage() + where(e);
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
