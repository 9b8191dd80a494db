package io.mubiao.progress;

import static io.mubiao.testinfra.TopicReader.header;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.mubiao.events.Topics;
import io.mubiao.messaging.deadletter.DeadLetter;
import io.mubiao.testinfra.KafkaTestResource;
import io.mubiao.testinfra.TopicReader;

/** Reads the dead-letter topics of the test broker and finds the letter of a record. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Everything on the dead-letter topic of {@code topic} so far. */
    public static List<ConsumerRecord<byte[], byte[]>> of(String topic) {
        return TopicReader.readAll(KafkaTestResource.bootstrapServers(), Topics.deadLetterTopicOf(topic));
    }

    /** The dead letter of the record produced at {@code source}, if any. */
    public static ConsumerRecord<byte[], byte[]> letterOf(List<ConsumerRecord<byte[], byte[]>> letters,
            RecordMetadata source) {
        return letters.stream()
                .filter(letter -> source.topic().equals(header(letter, DeadLetter.SOURCE_TOPIC))
                        && Integer.toString(source.partition()).equals(header(letter, DeadLetter.SOURCE_PARTITION))
                        && Long.toString(source.offset()).equals(header(letter, DeadLetter.SOURCE_OFFSET)))
                .findFirst().orElse(null);
    }
}
