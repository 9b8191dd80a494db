package io.mubiao.report.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.messaging.deadletter.JsonValue;
import io.mubiao.messaging.deadletter.Unreadable;

/**
 * Reads the JSON value of a record of one type and says what is wrong with one that the read model cannot
 * use: the reason of its dead letter. A null value is a tombstone, which only the compacted topics know; there
 * the key names what a record changes, and a record without one is refused.
 */
final class RecordReader<T> {

    private final JsonValue<T> json;
    private final boolean tombstones;
    private final Function<T, List<String>> missing;

    /**
     * @param tombstones whether the topic is compacted: a null value deletes its key, and every record needs a
     *            key; elsewhere a null value is a fault
     * @param missing the required fields the value lacks, none when it is complete
     */
    RecordReader(ObjectMapper mapper, Class<T> type, boolean tombstones, Function<T, List<String>> missing) {
        this.json = new JsonValue<>(mapper, type);
        this.tombstones = tombstones;
        this.missing = missing;
    }

    /** The value, or null for a tombstone. */
    T read(ConsumerRecord<byte[], byte[]> record) throws Unreadable {
        if (tombstones && record.key() == null) {
            // on a compacted topic the key is the identity: what the record changes, or deletes
            throw new Unreadable("the record has no key");
        }
        if (record.value() == null && tombstones) {
            return null;
        }
        T value = json.read(record.value());
        List<String> lacks = missing.apply(value);
        if (!lacks.isEmpty()) {
            throw new Unreadable("required fields missing: " + String.join(", ", lacks));
        }
        return value;
    }

    /** The names given, leaving out the nulls: {@code absent(value == null ? "name" : null, …)}. */
    static List<String> absent(String... names) {
        return Arrays.stream(names).filter(Objects::nonNull).toList();
    }
}
