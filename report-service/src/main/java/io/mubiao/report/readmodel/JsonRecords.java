package io.mubiao.report.readmodel;

import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads the JSON value of a Kafka record. A record that cannot be read is logged with its position and
 * skipped: one bad record must not stop the read model, and the publisher's topic keeps it for inspection.
 */
@ApplicationScoped
class JsonRecords {

    private static final Logger LOG = Logger.getLogger(JsonRecords.class);

    @Inject
    ObjectMapper json;

    /** The record's value as {@code type}, or null when it is malformed or fails {@code complete}. */
    <T> T read(ConsumerRecord<String, String> record, Class<T> type, Predicate<T> complete) {
        T value;
        try {
            value = json.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            skip(record, "malformed JSON: " + e.getOriginalMessage());
            return null;
        }
        if (value == null || !complete.test(value)) {
            skip(record, "required fields missing");
            return null;
        }
        return value;
    }

    static void skip(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("skipping record %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), reason);
    }
}
