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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.mubiao.messaging.CommitMarkers.Marker;
import io.mubiao.messaging.LeaderLock.ConnectionSource;

/**
 * Publishes the {@code outbox} table so that {@code isolation.level=read_committed} consumers see each record
 * exactly once. Each batch goes out in one Kafka transaction together with a marker naming its row ids
 * ({@link CommitMarkers}); the rows are deleted after the Kafka commit. A batch is rows in id order, up to
 * {@code batchSize} records, a bundle ({@link Outbox}) counting as its records; a bundle is never split (the
 * marker names whole rows), so one larger than {@code batchSize} goes out alone, whole. A crash between the two leaves rows
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

    /**
     * Header carrying the outbox row id ({@code 123}), or for a record of a bundle the row id and the record's
     * index in it ({@code 123.0}, {@code 123.1}, …), so that consumers and tests can tell a duplicate from a
     * new event.
     */
    static final String OUTBOX_ID_HEADER = "outbox-id";

    /** An open transaction holds back read_committed consumers of its topics until it ends or times out. */
    private static final int TRANSACTION_TIMEOUT_MS = 30_000;

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row of the outbox; {@code bundle} is its record count if it is a bundle, else null. */
    record Row(long id, String topic, String key, String payload, Integer bundle) {

        int records() {
            return bundle == null ? 1 : bundle;
        }
    }

    /**
     * Rows in id order, and the database time they were read at; {@code more}: rows were left for a next batch
     * (as far as the read saw).
     */
    record Batch(List<Row> rows, OffsetDateTime selectedAt, boolean more) {

        int records() {
            return rows.stream().mapToInt(Row::records).sum();
        }

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
    private boolean moreWaiting;

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
     * how many records it published, 0 when another instance leads. {@link #moreWaiting} then tells whether
     * the batch left rows behind. On failure it aborts the Kafka transaction,
     * drops what cannot be trusted any more (a fenced producer, a dead connection) and rethrows; the next call
     * starts again from recovery.
     */
    int drainOnce() throws Exception {
        moreWaiting = false;
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
            int records = batch.records();
            LOG.debugf("outbox relay %s published %d records in %d rows", transactionalId, records, batch.rows().size());
            moreWaiting = batch.more();
            return records;
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

    /** Whether the last {@link #drainOnce} published a full batch and saw rows left for the next one. */
    boolean moreWaiting() {
        return moreWaiting;
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

    /**
     * The next rows in id order, as many as fit in {@code batchSize} records (one row at least, however many
     * records it has). The first select reads only ids and record counts to choose the rows; the second reads
     * the chosen rows' payloads.
     */
    Batch nextBatch() throws SQLException {
        List<Long> ids = new ArrayList<>();
        boolean more = false;
        // Every row is at least one record, so batchSize rows are enough to fill a batch, and one more tells
        // whether rows are left behind.
        try (PreparedStatement select = leader.connection().prepareStatement(
                "select id, coalesce(records, 1) from outbox order by id limit ?")) {
            select.setLong(1, batchSize + 1L);
            try (ResultSet result = select.executeQuery()) {
                int records = 0;
                while (result.next()) {
                    int rowRecords = result.getInt(2);
                    if (!ids.isEmpty() && records + rowRecords > batchSize) {
                        more = true;
                        break;
                    }
                    ids.add(result.getLong(1));
                    records += rowRecords;
                }
            }
        }
        List<Row> rows = new ArrayList<>(ids.size());
        OffsetDateTime selectedAt = null;
        if (ids.isEmpty()) {
            return new Batch(rows, selectedAt, false);
        }
        // clock_timestamp() is read after the statement's snapshot, so every row it returns was created before it.
        try (PreparedStatement select = leader.connection().prepareStatement(
                "select id, topic, record_key, payload, records, clock_timestamp() from outbox where id = any(?) order by id")) {
            select.setArray(1, leader.connection().createArrayOf("bigint", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getObject(5, Integer.class)));
                    if (selectedAt == null) {
                        selectedAt = result.getObject(6, OffsetDateTime.class);
                    }
                }
            }
        }
        return new Batch(rows, selectedAt, more);
    }

    void publish(Batch batch) {
        send(batch);
        commit();
    }

    /** Begins the Kafka transaction and sends the batch (each record of a bundle on its own) and its marker, without committing. */
    void send(Batch batch) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Row row : batch.rows()) {
            if (row.bundle() == null) {
                records.add(record(row.topic(), row.key(), row.payload(), Long.toString(row.id())));
            } else {
                unbundle(row, records);
            }
        }
        producer.beginTransaction();
        inTransaction = true;
        for (ProducerRecord<String, String> record : records) {
            producer.send(record);
        }
        producer.send(CommitMarkers.record(transactionalId, batch.marker()));
    }

    /** The records of a bundle: two lines each, the key as a JSON string literal (or null), then the value. */
    private static void unbundle(Row row, List<ProducerRecord<String, String>> records) {
        String payload = row.payload();
        int index = 0;
        int start = 0;
        while (start <= payload.length()) {
            int keyEnd = payload.indexOf('\n', start);
            if (keyEnd < 0) {
                throw new IllegalStateException("outbox row " + row.id() + ": bundle record " + index + " has no value line");
            }
            int valueEnd = payload.indexOf('\n', keyEnd + 1);
            if (valueEnd < 0) {
                valueEnd = payload.length();
            }
            String value = payload.substring(keyEnd + 1, valueEnd);
            records.add(record(row.topic(), key(row, payload.substring(start, keyEnd)),
                    "null".equals(value) ? null : value, row.id() + "." + index));
            index++;
            start = valueEnd + 1;
        }
        if (index != row.bundle()) {
            throw new IllegalStateException("outbox row " + row.id() + " says " + row.bundle() + " records but holds " + index);
        }
    }

    private static String key(Row row, String line) {
        // A code needs no escaping in JSON: read it without a parser (a bundle has thousands of keys).
        if (line.length() >= 2 && line.charAt(0) == '"' && line.charAt(line.length() - 1) == '"'
                && line.indexOf('\\') < 0) {
            return line.substring(1, line.length() - 1);
        }
        try {
            return JSON.readValue(line, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + row.id() + ": unreadable key line in a bundle: " + line, e);
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value, String outboxId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(OUTBOX_ID_HEADER, outboxId.getBytes(StandardCharsets.UTF_8));
        return record;
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
        // lz4: sent uncompressed, the records cost the broker more CPU (39 against 27 µs a report at intake,
        // docs/BENCHMARKS.md) than compressing them costs the relay and the consumers.
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
