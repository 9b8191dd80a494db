package io.mubiao.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import io.mubiao.messaging.ConsumerRetry;
import io.mubiao.messaging.Retry;
import io.mubiao.problem.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Applies a batch of consumed records to the database so that no record can block its partition: each record
 * is read on its own, and one that cannot be read becomes a {@link DeadLetter} with the reason; the rest are
 * written together in one transaction. When that fails for a reason that passes by itself ({@link ConsumerRetry#isTransient})
 * it is retried until it works and dead-letters nothing; when it fails twice for any other reason, each record
 * is written in a transaction of its own and only those that still fail, twice, are dead-lettered, with the
 * database's error as reason. {@link #apply} returns once the writes are committed and the broker has acknowledged every
 * dead letter: only then may the connector commit the batch's offsets.
 * <p>
 * For the suite's own topics, written by the outboxes, where a bad record means a foreign producer or a bug;
 * progress.reported, the external input, is validated report by report instead (progress-service's
 * ReportedBatch), with the same dead letters and {@link ConsumerRetry}.
 */
@ApplicationScoped
public class BatchApplier {

    /** One record and what it says; a null value is a tombstone. */
    public record Item<T>(int index, ConsumerRecord<byte[], byte[]> record, T value) {

        /** The record's key as text, null when it has none. */
        public String key() {
            return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        }
    }

    /** Reads one record; throws {@link Unreadable} with the reason when it is not one the consumer can apply. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ConsumerRecord<byte[], byte[]> record) throws Unreadable;
    }

    /** Writes records in the transaction the applier opened; the order of {@code items} is the topic's. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(List<Item<T>> items);
    }

    private static final Logger LOG = Logger.getLogger(BatchApplier.class);

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ConsumerRetry retries;

    /** Dead letters are sent until the broker takes them, whatever the failure, unless the application stops. */
    private final Retry retry = new Retry(TimeUnit.MILLISECONDS::sleep, () -> retries.stopping());

    /** Returns once the batch is written and its dead letters are acknowledged. */
    public <T> void apply(ConsumerRecords<byte[], byte[]> records, Reader<T> reader, Writer<T> writer) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        Map<Integer, String> reasons = new TreeMap<>();
        List<Item<T>> items = new ArrayList<>(batch.size());
        for (int index = 0; index < batch.size(); index++) {
            try {
                items.add(new Item<>(index, batch.get(index), reader.read(batch.get(index))));
            } catch (Unreadable e) {
                reasons.put(index, e.getMessage());
            }
        }
        if (!items.isEmpty()) {
            try {
                writeUntilDone(items, writer, items.size() + " record(s)");
            } catch (Retry.Abandoned e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warnf("writing a batch of %d records failed, writing them one by one: %s", items.size(),
                        Failures.describe(e));
                for (Item<T> item : items) {
                    try {
                        writeUntilDone(List.of(item), writer, where(item.record()));
                    } catch (Retry.Abandoned abandoned) {
                        throw abandoned;
                    } catch (RuntimeException failure) {
                        reasons.put(item.index(), "could not be stored: " + Failures.describe(failure));
                    }
                }
            }
        }
        List<DeadLetter> letters = reasons.entrySet().stream()
                .map(entry -> new DeadLetter(batch.get(entry.getKey()), entry.getValue())).toList();
        retry.untilDone("sending " + letters.size() + " dead letter(s)", () -> {
            deadLetters.publish(letters);
            return null;
        }, failure -> true);
        for (DeadLetter letter : letters) {
            LOG.warnf("%s dead-lettered: %s", where(letter.source()), letter.reason());
        }
    }

    /**
     * Writes, waiting out transient failures; a failure that is not is blamed on the records only when writing
     * them again fails too. A connection killed under a statement (a failover, an operator) may fail it with
     * nothing that says so, such as a driver's IllegalStateException over the pool's state-less "connection is
     * closed", while the database answers again at once: the second attempt, on a new connection, succeeds.
     */
    private <T> void writeUntilDone(List<Item<T>> items, Writer<T> writer, String what) {
        try {
            writeOnce(items, writer, what);
        } catch (Retry.Abandoned e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("writing %s failed, trying once more before blaming the records: %s", what, Failures.describe(e));
            writeOnce(items, writer, what);
        }
    }

    /** One transaction, retried while its failure passes by itself ({@link ConsumerRetry#isTransient}). */
    private <T> void writeOnce(List<Item<T>> items, Writer<T> writer, String what) {
        retries.inTransaction("writing " + what, () -> writer.write(items));
    }

    private static String where(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + " partition " + record.partition() + " offset " + record.offset();
    }
}
