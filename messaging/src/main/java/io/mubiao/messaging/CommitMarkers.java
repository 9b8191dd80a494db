package io.mubiao.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.mubiao.events.Topics;

/**
 * The record a relay sends to {@link Topics#OUTBOX_COMMITS} inside each Kafka transaction, naming the outbox
 * rows that transaction published, and the reading of a relay's last committed one. After a crash between the
 * Kafka commit and the delete of the rows, the last committed marker says which rows are published already.
 */
final class CommitMarkers {

    /** The rows one Kafka transaction published; {@code selectedAt} is the database time they were read at. */
    record Marker(List<Long> ids, OffsetDateTime selectedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopicPartition PARTITION = new TopicPartition(Topics.OUTBOX_COMMITS, 0);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Properties kafkaClient;
    private final int chunk;
    private final Duration stableWait;

    /**
     * @param chunk      how many records to read at a time, going backwards from the end
     * @param stableWait how long to wait for other relays' open transactions to end (see {@link #lastCommitted})
     */
    CommitMarkers(Properties kafkaClient, int chunk, Duration stableWait) {
        this.kafkaClient = kafkaClient;
        this.chunk = chunk;
        this.stableWait = stableWait;
    }

    static ProducerRecord<String, String> record(String transactionalId, Marker marker) {
        ObjectNode value = JSON.createObjectNode();
        value.put("selectedAt", marker.selectedAt().toString());
        ArrayNode ids = value.putArray("ids");
        for (long id : marker.ids()) {
            ids.add(id);
        }
        return new ProducerRecord<>(Topics.OUTBOX_COMMITS, 0, transactionalId, value.toString());
    }

    /**
     * The last committed marker of {@code transactionalId}, if it ever committed one. Call it after
     * {@code initTransactions}, which completes or aborts the previous transaction of that id.
     * <p>
     * A read_committed consumer sees only up to the last stable offset, which an open transaction of another
     * relay holds back, so it could miss this relay's latest marker behind it. Hence it first waits until the
     * stable offset reaches the end the log had when it started. Markers of all services share the one
     * partition, so it then reads backwards, {@code chunk} records at a time, until one has the key.
     */
    Optional<Marker> lastCommitted(String transactionalId) throws TimeoutException {
        try (KafkaConsumer<String, String> committed = consumer("read_committed")) {
            long end = awaitStableEnd(committed);
            long beginning = committed.beginningOffsets(List.of(PARTITION), CALL_TIMEOUT).get(PARTITION);
            committed.assign(List.of(PARTITION));
            while (end > beginning) {
                long start = Math.max(beginning, end - chunk);
                Optional<Marker> found = lastIn(committed, transactionalId, start, end);
                if (found.isPresent()) {
                    return found;
                }
                end = start;
            }
            return Optional.empty();
        }
    }

    private long awaitStableEnd(KafkaConsumer<String, String> committed) throws TimeoutException {
        long logEnd;
        try (KafkaConsumer<String, String> uncommitted = consumer("read_uncommitted")) {
            logEnd = uncommitted.endOffsets(List.of(PARTITION), CALL_TIMEOUT).get(PARTITION);
        }
        long deadline = System.nanoTime() + stableWait.toNanos();
        while (true) {
            long stableEnd = committed.endOffsets(List.of(PARTITION), CALL_TIMEOUT).get(PARTITION);
            if (stableEnd >= logEnd) {
                return stableEnd;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("a transaction on " + Topics.OUTBOX_COMMITS + " stays open before offset "
                        + logEnd + "; cannot tell which outbox rows were published");
            }
            sleep(100);
        }
    }

    private Optional<Marker> lastIn(KafkaConsumer<String, String> consumer, String transactionalId, long start, long end)
            throws TimeoutException {
        consumer.seek(PARTITION, start);
        ConsumerRecord<String, String> last = null;
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        // Compaction and transaction markers leave gaps in the offsets: read until the position passes end.
        while (consumer.position(PARTITION, CALL_TIMEOUT) < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200)).records(PARTITION)) {
                if (record.offset() < end && transactionalId.equals(record.key())) {
                    last = record;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reading " + Topics.OUTBOX_COMMITS + " from " + start + " to " + end + " took too long");
            }
        }
        return last == null ? Optional.empty() : Optional.of(parse(last.value()));
    }

    static Marker parse(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            List<Long> ids = new ArrayList<>();
            node.get("ids").forEach(id -> ids.add(id.asLong()));
            return new Marker(ids, OffsetDateTime.parse(node.get("selectedAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable marker on " + Topics.OUTBOX_COMMITS + ": " + value, e);
        }
    }

    private KafkaConsumer<String, String> consumer(String isolationLevel) {
        Properties config = new Properties();
        config.putAll(kafkaClient);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + Topics.OUTBOX_COMMITS, e);
        }
    }
}
