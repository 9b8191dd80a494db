package io.mubiao.progress.intake.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.mubiao.events.Topics;
import io.mubiao.testinfra.KafkaTestResource;

/**
 * Produces raw records to progress.reported as another system would, reads progress.reported.dlq, and tells
 * how far the service's consumer group has committed.
 */
final class ReportedTopic {

    /** A record to produce: key and value as bytes, with headers. */
    record Raw(byte[] key, byte[] value, List<Header> headers) {

        static Raw of(String key, String value, Header... headers) {
            return new Raw(utf8(key), value == null ? null : utf8(value), List.of(headers));
        }
    }

    private ReportedTopic() {
    }

    /** Produces the records in order through one producer, in as few requests as it can; returns where each went. */
    static List<RecordMetadata> produce(List<Raw> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Raw record : records) {
                sent.add(producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, null, record.key(), record.value(),
                        record.headers())));
            }
            List<RecordMetadata> where = new ArrayList<>();
            for (Future<RecordMetadata> each : sent) {
                where.add(each.get(30, TimeUnit.SECONDS));
            }
            return where;
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + Topics.PROGRESS_REPORTED, e);
        }
    }

    /** Everything on progress.reported.dlq so far. */
    static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROGRESS_REPORTED_DLQ, Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    /** The dead letter of the record produced at {@code source}, if any. */
    static ConsumerRecord<byte[], byte[]> deadLetterOf(List<ConsumerRecord<byte[], byte[]>> letters, RecordMetadata source) {
        return letters.stream()
                .filter(letter -> Topics.PROGRESS_REPORTED.equals(header(letter, DeadLetter.SOURCE_TOPIC))
                        && Integer.toString(source.partition()).equals(header(letter, DeadLetter.SOURCE_PARTITION))
                        && Long.toString(source.offset()).equals(header(letter, DeadLetter.SOURCE_OFFSET)))
                .findFirst().orElse(null);
    }

    /** The last value of a header, as text. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** True once the service's group has committed past {@code record}: its batch is wholly done. */
    static boolean committedPast(RecordMetadata record) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets("progress-service.reported").partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
            return offset != null && offset.offset() > record.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of progress-service.reported", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
