package io.mubiao.messaging.deadletter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a record of one of the suite's own topics as its event type, and says what is wrong with one that a
 * consumer cannot apply: the reason of its dead letter. A null value is a tombstone on a compacted topic, where
 * the key names what a record changes, so a record there needs a key; elsewhere a null value is a fault.
 */
public final class RecordReader<T> {

    private final JsonValue<T> json;
    private final boolean compacted;
    private final Function<T, List<String>> missing;

    /**
     * @param compacted whether a null value deletes its key, and every record needs a key
     * @param missing the names of the required fields the value lacks ({@link #absent}), none when complete
     */
    public RecordReader(ObjectMapper mapper, Class<T> type, boolean compacted, Function<T, List<String>> missing) {
        this.json = new JsonValue<>(mapper, type);
        this.compacted = compacted;
        this.missing = missing;
    }

    /** The value, or null for a tombstone. */
    public T read(ConsumerRecord<byte[], byte[]> record) throws Unreadable {
        if (compacted) {
            if (record.key() == null) {
                throw new Unreadable("the record has no key");
            }
            if (record.value() == null) {
                return null;
            }
        }
        T value = json.read(record.value());
        List<String> lacks = missing.apply(value);
        if (!lacks.isEmpty()) {
            throw new Unreadable("required fields missing: " + String.join(", ", lacks));
        }
        return value;
    }

    /** The names given, leaving out the nulls: {@code absent(value == null ? "name" : null, …)}. */
    public static List<String> absent(String... names) {
        return Arrays.stream(names).filter(Objects::nonNull).toList();
    }
}
