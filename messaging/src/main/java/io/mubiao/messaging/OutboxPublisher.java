package io.mubiao.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.mubiao.messaging.CommitMarkers.Marker;
import io.mubiao.messaging.LeaderLock.ConnectionSource;

/**
 * Publishes the {@code outbox} table so that {@code isolation.level=read_committed} consumers see each row
 * exactly once. Each batch goes out in one Kafka transaction together with a marker naming its row ids
 * ({@link CommitMarkers}); the rows are deleted after the Kafka commit. A crash between the two leaves rows
 * that are published but not deleted: before its next batch, and whenever it takes over, a relay reads its last
 * committed marker and deletes the rows it names.
 * <p>
 * Only the leader publishes ({@link LeaderLock}: a session-level advisory lock on a connection it keeps),
 * and it starts its transactional producer only once it leads. A lock taken per drain would have every
 * instance start a producer with the same transactional id, fencing each other in turn. The transactional id
 * is the same in every instance of a service ({@code outbox-<application>-<schema>}), so a new leader's
 * {@code initTransactions} fences a former leader that still runs (its connection lost, say) and completes or
 * aborts that leader's last transaction before the new one reads the markers: the lock keeps the instances
 * from working against each other, the fencing keeps a row from being published twice when the lock
 * changes hands under a leader that has not noticed yet.
 * <p>
 * Not thread-safe: one relay thread drives it. The steps are package-private so that the tests can stop
 * between them as a crash would.
 */
final class OutboxPublisher implements AutoCloseable {

    /** Header carrying the outbox row id, so that consumers and tests can tell a duplicate from a new event. */
    static final String OUTBOX_ID_HEADER = "outbox-id";

    /** An open transaction holds back read_committed consumers of its topics until it ends or times out. */
    private static final int TRANSACTION_TIMEOUT_MS = 30_000;

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    record Row(long id, String topic, String key, String payload) {
    }

    /** Rows in id order, and the database time they were read at. */
    record Batch(List<Row> rows, OffsetDateTime selectedAt) {

        Marker marker() {
            return new Marker(rows.stream().map(Row::id).toList(), selectedAt);
        }
    }

    private final LeaderLock leader;
    private final CommitMarkers markers;
    private final Properties kafkaClient;
    private final int batchSize;
    private final String applicationName;

    private KafkaProducer<String, String> producer;
    private String transactionalId;
    private boolean inTransaction;
    private boolean recoveryDue = true;

    /**
     * @param kafkaClient     settings shared by the producer and the marker reader (bootstrap servers, security)
     * @param applicationName names the transactional id, with the schema of the outbox table
     */
    OutboxPublisher(ConnectionSource connections, Properties kafkaClient, int batchSize, String applicationName) {
        this(connections, kafkaClient, batchSize, applicationName,
                new CommitMarkers(kafkaClient, 500, Duration.ofMillis(2L * TRANSACTION_TIMEOUT_MS)));
    }

    OutboxPublisher(ConnectionSource connections, Properties kafkaClient, int batchSize, String applicationName,
            CommitMarkers markers) {
        this.leader = new LeaderLock(connections);
        this.kafkaClient = kafkaClient;
        this.batchSize = batchSize;
        this.applicationName = applicationName;
        this.markers = markers;
    }

    static String transactionalId(String applicationName, String schema) {
        return "outbox-" + applicationName + "-" + schema;
    }

    /**
     * Publishes up to one batch, first taking the lead if no instance has it and recovering if due; returns
     * how many rows it published, 0 when another instance leads. On failure it aborts the Kafka transaction,
     * drops what cannot be trusted any more (a fenced producer, a dead connection) and rethrows; the next call
     * starts again from recovery.
     */
    int drainOnce() throws Exception {
        try {
            if (!lead()) {
                return 0;
            }
            if (recoveryDue) {
                recover();
            }
            Batch batch = nextBatch();
            if (batch.rows().isEmpty()) {
                return 0;
            }
            publish(batch);
            delete(batch.marker());
            LOG.debugf("outbox relay %s published %d records", transactionalId, batch.rows().size());
            return batch.rows().size();
        } catch (Exception e) {
            afterFailure(e);
            throw e;
        }
    }

    /** Takes the lead if free, and starts the producer once leading; false while another instance leads. */
    boolean lead() throws SQLException {
        if (!leader.tryAcquire()) {
            return false;
        }
        if (producer == null) {
            transactionalId = transactionalId(applicationName, leader.schema());
            KafkaProducer<String, String> started = new KafkaProducer<>(producerConfig());
            try {
                started.initTransactions();
            } catch (RuntimeException e) {
                started.close(Duration.ZERO);
                throw e;
            }
            producer = started;
            recoveryDue = true;
            LOG.infof("outbox relay %s leads", transactionalId);
        }
        return true;
    }

    boolean leading() {
        return leader.held();
    }

    /** Deletes the rows that the last committed Kafka transaction published, if their delete never committed. */
    void recover() throws SQLException, TimeoutException {
        Optional<Marker> last = markers.lastCommitted(transactionalId);
        if (last.isPresent()) {
            int deleted = delete(last.get());
            if (deleted > 0) {
                LOG.infof("outbox relay %s: %d rows were published before a failure; deleted them", transactionalId, deleted);
            }
        }
        recoveryDue = false;
    }

    Batch nextBatch() throws SQLException {
        List<Row> rows = new ArrayList<>();
        OffsetDateTime selectedAt = null;
        // clock_timestamp() is read after the statement's snapshot, so every row it returns was created before it.
        try (PreparedStatement select = leader.connection().prepareStatement(
                "select id, topic, record_key, payload, clock_timestamp() from outbox order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4)));
                    if (selectedAt == null) {
                        selectedAt = result.getObject(5, OffsetDateTime.class);
                    }
                }
            }
        }
        return new Batch(rows, selectedAt);
    }

    void publish(Batch batch) {
        send(batch);
        commit();
    }

    /** Begins the Kafka transaction and sends the batch and its marker, without committing. */
    void send(Batch batch) {
        producer.beginTransaction();
        inTransaction = true;
        for (Row row : batch.rows()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add(OUTBOX_ID_HEADER, Long.toString(row.id()).getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        producer.send(CommitMarkers.record(transactionalId, batch.marker()));
    }

    /** Commits the Kafka transaction; a send that failed makes it throw. */
    void commit() {
        producer.commitTransaction();
        inTransaction = false;
    }

    /**
     * Deletes the marker's rows that are still there. Only rows created before the marker's batch was read:
     * should the outbox's id sequence ever start again (a restored backup, a recreated schema), a new row with
     * an old id is not mistaken for a published one.
     */
    int delete(Marker marker) throws SQLException {
        try (PreparedStatement delete = leader.connection().prepareStatement(
                "delete from outbox where id = any(?) and created_at <= ?")) {
            Array ids = leader.connection().createArrayOf("bigint", marker.ids().toArray());
            delete.setArray(1, ids);
            delete.setObject(2, marker.selectedAt());
            return delete.executeUpdate();
        }
    }

    private void afterFailure(Exception failure) {
        recoveryDue = true;
        boolean producerUsable = !(failure instanceof ProducerFencedException) && (!inTransaction || abortQuietly());
        inTransaction = false;
        if (!leader.alive()) {
            // Another instance may lead by now; its producer fences this one anyway.
            leader.release();
            producerUsable = false;
        }
        if (!producerUsable) {
            // A new producer's initTransactions completes or aborts whatever this one left.
            closeProducer(Duration.ZERO);
        }
    }

    private boolean abortQuietly() {
        try {
            producer.abortTransaction();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("closing the outbox producer failed: %s", e);
            }
            producer = null;
        }
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(kafkaClient);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        // Bounds the wait for an absent broker, so that the relay goes back to its retry loop and stops in time.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    /** Aborts an open transaction, closes the producer and gives up the lead. */
    @Override
    public void close() {
        if (producer != null && inTransaction) {
            abortQuietly();
        }
        closeProducer(Duration.ofSeconds(5));
        leader.release();
    }
}
