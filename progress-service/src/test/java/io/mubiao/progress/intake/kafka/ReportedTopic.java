package io.mubiao.progress.intake.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.mubiao.events.Topics;
import io.mubiao.testinfra.KafkaTestResource;

/**
 * Produces raw records to progress.reported as another system would, and tells how far the service's consumer group has committed.
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
