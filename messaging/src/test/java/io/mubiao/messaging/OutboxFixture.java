package io.mubiao.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.postgresql.PGConnection;

import io.mubiao.events.Topics;
import io.mubiao.testinfra.KafkaBroker;
import io.mubiao.testinfra.PostgresServer;
import io.mubiao.testinfra.TestDatabase;

/**
 * One outbox table in a database of its own and one topic of its own, on the shared test broker; relays
 * whose connections the test can cut, as a crash would.
 */
final class OutboxFixture implements AutoCloseable {

    /** The table as a service's migrations create it (see {@link Outbox}): V1__outbox.sql, then the bundles. */
    private static final String OUTBOX_TABLE = """
            create table outbox (
              id bigserial primary key,
              topic text not null,
              record_key text not null,
              payload text,
              created_at timestamptz not null default now());
            alter table outbox add column records integer;
            alter table outbox alter column record_key drop not null;
            alter table outbox alter column payload set storage external""";

    static final ObjectMapper JSON = new ObjectMapper();

    final KafkaBroker broker;
    final TestDatabase database;
    final String topic = "outbox-test-" + UUID.randomUUID();
    final String service = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<OutboxPublisher> publishers = new CopyOnWriteArrayList<>();

    OutboxFixture(KafkaBroker broker) throws Exception {
        this.broker = broker;
        this.database = TestDatabase.create(PostgresServer.findOrStartForTests(), "outbox");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(OUTBOX_TABLE);
        }
        createTopics(broker, topic);
    }

    /** The marker topic if missing, and {@code topic} with two partitions. */
    static void createTopics(KafkaBroker broker, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            create(admin, new NewTopic(topic, 2, (short) 1));
            create(admin, new NewTopic(Topics.OUTBOX_COMMITS, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
    }

    private static void create(Admin admin, NewTopic topic) throws Exception {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    Connection connect() throws SQLException {
        PostgresServer server = database.server();
        return DriverManager.getConnection(database.jdbcUrl(), server.user(), server.password());
    }

    Properties kafkaClient() {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return config;
    }

    /** A relay of this service whose connections {@link #cutConnections} can close under it. */
    OutboxPublisher publisher(int batchSize) {
        return publisher(batchSize, new CommitMarkers(kafkaClient(), 500, Duration.ofSeconds(60)));
    }

    OutboxPublisher publisher(int batchSize, CommitMarkers markers) {
        OutboxPublisher publisher = new OutboxPublisher(() -> {
            Connection connection = connect();
            connections.add(connection);
            return connection;
        }, kafkaClient(), batchSize, service, markers);
        publishers.add(publisher);
        return publisher;
    }

    /** Closes every connection handed out so far: their sessions end, and with them the leader's lock. */
    void cutConnections() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        for (Connection connection : connections) {
            if (!connection.isClosed()) {
                pids.add(connection.unwrap(PGConnection.class).getBackendPID());
            }
            connection.close();
        }
        connections.clear();
        awaitSessionsEnded(pids);
    }

    /**
     * A closed connection's session ends on the server a moment later, and only then is its advisory lock free:
     * a crash is over once the sessions are gone, as it is for a process killed long enough ago.
     */
    private void awaitSessionsEnded(List<Integer> pids) throws SQLException {
        long deadline = System.currentTimeMillis() + 10_000;
        try (Connection connection = connect();
                PreparedStatement alive = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where pid = any(?)")) {
            alive.setArray(1, connection.createArrayOf("integer", pids.toArray()));
            while (true) {
                try (ResultSet rows = alive.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        return;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("sessions " + pids + " still open 10 s after their connections closed");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for sessions " + pids, e);
                }
            }
        }
    }

    void insert(int count) throws SQLException {
        insert(topic, count);
    }

    void insert(String topic, int count) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox (topic, record_key, payload) values (?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, topic);
                insert.setString(2, "key-" + (i % 5));
                insert.setString(3, "{\"n\":" + i + "}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Appends as {@link Outbox#appendAll} does, in a transaction of its own: the rows it writes, bundles and all. */
    void append(List<Outbox.Message> messages) throws SQLException {
        try (Connection connection = connect()) {
            Outbox.rows(messages, JSON).copy(connection);
        }
    }

    /** {@code count} messages of the topic, keys {@code key-0} to {@code key-4} in turn, values {"n":i}: one bundle if more than one. */
    void appendBundle(int count) throws SQLException {
        append(messages(topic, count));
    }

    static List<Outbox.Message> messages(String topic, int count) {
        List<Outbox.Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new Outbox.Message(topic, "key-" + (i % 5), Map.of("n", i)));
        }
        return messages;
    }

    /** Each row as id, topic, record_key, records, payload, in id order; SQL null as "null". */
    List<List<String>> rows() throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select id, topic, record_key, records, payload from outbox order by id")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 5; column++) {
                    row.add(String.valueOf(result.getString(column)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    long outboxRows() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from outbox")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Drains until the outbox is empty; the publisher must be able to lead. */
    static void drainAll(OutboxPublisher publisher) throws Exception {
        while (publisher.drainOnce() > 0) {
            // next batch
        }
    }

    /**
     * How many records of the topic carry each outbox id ("7" for a plain row, "7.0", "7.1", … for the records
     * of a bundle), read from the beginning to the end as the isolation level sees it.
     */
    Map<String, Integer> countsById(String isolationLevel) {
        return countsById(topic, isolationLevel);
    }

    Map<String, Integer> countsById(String topic, String isolationLevel) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ConsumerRecord<String, String> record : read(topic, isolationLevel)) {
            counts.merge(outboxId(record), 1, Integer::sum);
        }
        return counts;
    }

    static String outboxId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader(OutboxPublisher.OUTBOX_ID_HEADER);
        return new String(id.value(), StandardCharsets.UTF_8);
    }

    /** The records of the topic from the beginning to the end as the isolation level sees it, each partition in order. */
    List<ConsumerRecord<String, String>> read(String topic, String isolationLevel) {
        Properties config = kafkaClient();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("topic " + topic + " not read to its end in 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** Ids 1 to {@code count}, each {@code times} times. */
    static Map<String, Integer> each(int count, int times) {
        return each(1, count, times);
    }

    /** Plain row ids {@code from} to {@code to}, each {@code times} times. */
    static Map<String, Integer> each(long from, long to, int times) {
        Map<String, Integer> expected = new TreeMap<>();
        for (long id = from; id <= to; id++) {
            expected.put(Long.toString(id), times);
        }
        return expected;
    }

    /** The records of bundle row {@code id} of {@code count} records, each {@code times} times. */
    static Map<String, Integer> bundle(long id, int count, int times) {
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            expected.put(id + "." + i, times);
        }
        return expected;
    }

    @Override
    public void close() throws SQLException {
        for (OutboxPublisher publisher : publishers) {
            publisher.close();
        }
        cutConnections();
        database.close();
    }
}
