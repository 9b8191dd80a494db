package io.mubiao.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.mubiao.events.Topics;

/**
 * Kafka's own consume rate, the floor of Kafka intake beside "produce only": one plain consumer thread reads again
 * the records the Kafka step produced (the offset ranges of {@link ProducedOffsets}) and parses each value into a
 * {@link Report} with Jackson, storing nothing: the first two stages of a bare Kafka → Jackson → COPY loop.
 * Partitions are assigned by hand and no group id is set, so nothing is committed and progress-service's consumer
 * group is left alone. read_committed like progress-service (the benchmark's producer is not transactional, so it
 * reads the same records as read_uncommitted would).
 */
final class KafkaConsume {

    static final String STEP = "Kafka consume only";
    private static final Duration STALL = Duration.ofSeconds(30);

    private final String bootstrap;
    private final Progress progress;

    KafkaConsume(String bootstrap, Progress progress) {
        this.bootstrap = bootstrap;
        this.progress = progress;
    }

    /** @param eventIdPrefix the step's prefix: every record read must carry it, or the ranges held foreign records */
    Measurement run(ProducedOffsets produced, String eventIdPrefix, int progressEvery) {
        Map<TopicPartition, Long> until = produced.until();
        long total = produced.span();
        progress.say(String.format("Kafka consume: reading the %,d records again from %s (%d partitions, no group),"
                + " each value parsed with Jackson", total, Topics.PROGRESS_REPORTED, until.size()));
        long read = 0;
        long ours = 0;
        long start;
        long end;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config())) {
            consumer.assign(until.keySet());
            produced.from().forEach(consumer::seek);
            // Metadata and the broker connection before the clock starts, as for the producer.
            consumer.partitionsFor(Topics.PROGRESS_REPORTED);
            Map<TopicPartition, Long> remaining = new HashMap<>(until);
            long lastRecord = System.nanoTime();
            long nextLine = progressEvery;
            start = System.nanoTime();
            end = start;
            while (!remaining.isEmpty()) {
                long before = read;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Long stop = remaining.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop == null || record.offset() >= stop) {
                        continue;
                    }
                    Report report = ReportJson.read(record.value());
                    read++;
                    if (report.eventId() != null && report.eventId().startsWith(eventIdPrefix)) {
                        ours++;
                    }
                }
                end = System.nanoTime();
                if (read > before) {
                    lastRecord = end;
                } else if (end - lastRecord > STALL.toNanos()) {
                    throw new Failure("Kafka at " + bootstrap + ": no record of " + remaining.keySet() + " for "
                            + STALL.toSeconds() + " s while consuming again");
                }
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    if (consumer.position(partition) >= remaining.get(partition)) {
                        remaining.remove(partition);
                    }
                }
                if (read >= nextLine || remaining.isEmpty()) {
                    nextLine = read + progressEvery;
                    progress.line("Kafka consume", String.format("%s %,d/%,d read", Progress.bar(read, total), read, total));
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new Failure("Kafka at " + bootstrap + " (consuming again): " + e.getMessage(), e);
        }
        Measurement m = Measurement.measured(STEP, "from " + Topics.PROGRESS_REPORTED + ", 1 thread, no group,"
                + " read_committed, each value parsed with Jackson", read, end - start, List.of());
        progress.say(String.format("Kafka consume: %,d records in %.2f s = %,.0f records/s", read, m.seconds(),
                m.rowsPerSecond()));
        if (ours != read) {
            // Something else wrote to the topic while the step produced: the rate still counts every record read.
            String note = String.format("%,d of the %,d records read were not this step's (eventIds %s…)", read - ours,
                    read, eventIdPrefix);
            progress.say("Kafka consume: " + note);
            return m.withNote(note);
        }
        return m;
    }

    private Properties config() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // As progress-service's consumer polls (application.properties: max.poll.records).
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "mubiao-benchmark-consume");
        return p;
    }
}
