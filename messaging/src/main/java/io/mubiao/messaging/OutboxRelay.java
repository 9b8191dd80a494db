package io.mubiao.messaging;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the rows of the {@code outbox} table to Kafka in id order and deletes them once the broker has
 * acknowledged them. It runs on its own thread, woken after each commit that wrote to the outbox and at
 * least every {@code outbox.poll-interval-ms}.
 * <p>
 * Only one instance publishes at a time: a drain holds a transaction-scoped advisory lock named after the
 * schema, so that several instances of a service neither publish a row twice nor reorder one key's events.
 * Delivery is at least once (a crash after the send and before the delete sends those rows again);
 * consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "outbox.batch-size", defaultValue = "1000")
    int batchSize;

    @ConfigProperty(name = "outbox.poll-interval-ms", defaultValue = "500")
    long pollIntervalMs;

    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** Asks the relay to drain now rather than at its next poll. */
    public void wakeUp() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                int published;
                do {
                    published = drainOnce();
                } while (published == batchSize && running);
                failures = 0;
                awaitWakeUp(pollIntervalMs);
            } catch (Exception e) {
                failures++;
                // Log the first failure of an outage and then every 30th, not every retry.
                if (failures == 1 || failures % 30 == 0) {
                    LOG.warnf("outbox relay cannot publish (attempt %d), retrying: %s", failures, e.getMessage());
                }
                awaitWakeUp(Math.min(5_000, 200 * failures));
            }
        }
    }

    private void awaitWakeUp(long millis) {
        synchronized (signal) {
            if (!wakeRequested && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    /** Publishes up to one batch; returns how many rows it published. */
    int drainOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = drain(connection);
                connection.commit();
                return published;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int drain(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))");
                ResultSet locked = lock.executeQuery()) {
            locked.next();
            if (!locked.getBoolean(1)) {
                return 0;
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, record_key, payload from outbox order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    sends.add(producer.send(new ProducerRecord<>(rows.getString(2), rows.getString(3), rows.getString(4))));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        delete(connection, ids);
        LOG.debugf("outbox relay published %d records", ids.size());
        return ids.size();
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }
}
