package io.mubiao.messaging.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.mubiao.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends dead letters to the dead-letter topics of their records ({@link Topics#deadLetterTopicOf}) and returns
 * only once the broker has acknowledged every one (acks=all), so that the offsets of their batch are committed after them, never before. A plain
 * producer of bytes, as the outbox relay's, rather than an outgoing channel: the sends are synchronous and
 * the record's key, value and headers pass as they are.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private KafkaProducer<byte[], byte[]> producer;

    /**
     * @throws Exception when the broker did not take them all; sending them again is safe (a dead letter may
     *             then be in the topic twice)
     */
    public synchronized void publish(List<DeadLetter> letters) throws Exception {
        if (letters.isEmpty()) {
            return;
        }
        try {
            KafkaProducer<byte[], byte[]> sender = producer();
            List<Future<RecordMetadata>> sends = new ArrayList<>(letters.size());
            for (DeadLetter letter : letters) {
                sends.add(sender.send(letter.toRecord(service)));
            }
            sender.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            // a producer that failed may stay failed: the next attempt starts with a new one
            close();
            throw e;
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // a letter is its record and headers: the largest record the broker takes must still go out
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DEAD_LETTER_MAX_BYTES);
            // a broker that is away fails the attempt within half a minute; the consumer then retries it
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        close();
    }

    private void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
