package io.mubiao.messaging.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonValueTest {

    record Unit(String code, int level, List<String> path) {
    }

    private final JsonValue<Unit> json = new JsonValue<>(new ObjectMapper(), Unit.class);

    @Test
    void readsAValueOfTheType() throws Unreadable {
        assertEquals(new Unit("FJ", 2, List.of("CN", "FJ")), read("{\"code\": \"FJ\", \"level\": 2, \"path\": [\"CN\", \"FJ\"]}"));
    }

    @Test
    void refusesWhatALenientReadWouldPassOver() {
        assertReason("{\"code\": \"FJ\", \"code\": \"XX\"}", "malformed JSON: Duplicate field 'code'");
        // also where the type does not look
        assertReason("{\"extra\": [{\"a\": 1, \"a\": 2}]}", "malformed JSON: Duplicate field 'a'");
        Unreadable twoValues = assertThrows(Unreadable.class, () -> read("{\"code\": \"FJ\"} {\"code\": \"XX\"}"));
        assertTrue(twoValues.getMessage().contains("Trailing token"), twoValues.getMessage());
        assertReason("null", "the value is JSON null: expected one Unit as a JSON object");
    }

    @Test
    void saysWhatIsWrongWithTheRest() {
        assertReason(null, "the record has no value: expected one Unit as a JSON object");
        assertReason("", "the record has no value");
        assertReason("{\"code\": \"FJ\", \"lev", "malformed JSON: Unexpected end-of-input");
        assertReason("[]", "JSON of the wrong shape for Unit: Cannot deserialize value of type");
        assertReason("{\"level\": \"high\"}", "JSON of the wrong shape for Unit: Cannot deserialize value of type `int` "
                + "from String \"high\"");
        assertReason("{\"deep\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}", "malformed JSON: Document nesting depth");
        Unreadable notText = assertThrows(Unreadable.class,
                () -> json.read(new byte[] { '{', '"', (byte) 0xc3, 0x28, '"', ':', '1', '}' }));
        assertTrue(notText.getMessage().startsWith("malformed JSON: Invalid UTF-8"), notText.getMessage());
    }

    private Unit read(String text) throws Unreadable {
        return json.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private void assertReason(String text, String start) {
        Unreadable refused = assertThrows(Unreadable.class,
                () -> json.read(text == null ? null : text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
