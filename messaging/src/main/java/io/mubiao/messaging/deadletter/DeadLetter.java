package io.mubiao.messaging.deadletter;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.mubiao.events.Topics;

/**
 * A consumed record that cannot be applied, and why. It goes to its topic's dead-letter topic
 * ({@link Topics#deadLetterTopicOf}) as it came: the same key and value bytes and headers, followed by headers
 * saying why, which service gave up on it and where it came from (when a record that was dead-lettered before
 * comes round again, the last header of each name is the latest).
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> source, String reason) {

    /** Every fault of the record, human readable. */
    public static final String REASON = "dlq-reason";
    /**
     * The service that could not apply it: two services consume the reference topics, and each dead-letters
     * what it cannot apply.
     */
    public static final String CONSUMER = "dlq-consumer";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";
    /**
     * How much of a reason goes into the header: a reason quoting a value (a database error, say) may not
     * make the letter too large for its topic.
     */
    static final int MAX_REASON_CHARS = 2_000;

    /** @param consumer the name of the service that gives up on the record */
    public ProducerRecord<byte[], byte[]> toRecord(String consumer) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : source.headers()) {
            headers.add(header.key(), header.value());
        }
        headers.add(REASON, utf8(reason.length() <= MAX_REASON_CHARS ? reason
                : reason.substring(0, MAX_REASON_CHARS) + "… (" + reason.length() + " characters in all)"));
        headers.add(CONSUMER, utf8(consumer));
        headers.add(SOURCE_TOPIC, utf8(source.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        return new ProducerRecord<>(Topics.deadLetterTopicOf(source.topic()), null, source.key(), source.value(),
                headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
