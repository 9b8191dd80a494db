package io.mubiao.messaging.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void goesToItsTopicsDeadLetterTopicWithKeyValueAndHeadersAndAddsWhyWhoAndWhereFrom() {
        byte[] key = { 'G', 'L' };
        byte[] value = { (byte) 0xc3, 0x28 };
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("source-system", bytes("county-gateway")));
        headers.add(new RecordHeader("dlq-reason", bytes("an earlier reason")));
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("progress.reported", 3, 1234L, 0L,
                TimestampType.CREATE_TIME, key.length, value.length, key, value, headers, Optional.empty());

        ProducerRecord<byte[], byte[]> letter = new DeadLetter(source, "orgUnit: unknown org unit XX")
                .toRecord("progress-service");

        assertEquals("progress.reported.dlq", letter.topic());
        assertNull(letter.partition());
        assertNull(letter.timestamp(), "stamped when sent, so that the topic's retention counts from then");
        assertArrayEquals(key, letter.key());
        assertArrayEquals(value, letter.value());
        assertEquals(List.of("source-system=county-gateway", "dlq-reason=an earlier reason",
                "dlq-reason=orgUnit: unknown org unit XX", "dlq-consumer=progress-service", "dlq-source-topic=progress.reported",
                "dlq-source-partition=3", "dlq-source-offset=1234"),
                StreamSupport.stream(letter.headers().spliterator(), false)
                        .map(DeadLetterTest::text).toList());
        assertEquals("orgUnit: unknown org unit XX",
                new String(letter.headers().lastHeader(DeadLetter.REASON).value(), StandardCharsets.UTF_8));
    }

    private static String text(Header header) {
        return header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
