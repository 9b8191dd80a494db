package io.mubiao.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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

import io.mubiao.events.Topics;
import io.mubiao.testinfra.KafkaBroker;
import io.mubiao.testinfra.PostgresServer;
import io.mubiao.testinfra.TestDatabase;

/**
 * One outbox table in a database of its own and one topic of its own, on the shared test broker; relays
 * whose connections the test can cut, as a crash would.
 */
final class OutboxFixture implements AutoCloseable {

    /** The table as a service's migration creates it (see {@link Outbox}). */
    private static final String OUTBOX_TABLE = """
            create table outbox (
              id bigserial primary key,
              topic text not null,
              record_key text not null,
              payload text,
              created_at timestamptz not null default now())""";

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
        for (Connection connection : connections) {
            connection.close();
        }
        connections.clear();
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

    /** How many records of the topic carry each outbox id, read from the beginning to the end as the isolation level sees it. */
    Map<Long, Integer> countsById(String isolationLevel) {
        return countsById(topic, isolationLevel);
    }

    Map<Long, Integer> countsById(String topic, String isolationLevel) {
        Properties config = kafkaClient();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<Long, Integer> counts = new TreeMap<>();
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
                    Header id = record.headers().lastHeader(OutboxPublisher.OUTBOX_ID_HEADER);
                    counts.merge(Long.valueOf(new String(id.value(), StandardCharsets.UTF_8)), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Ids 1 to {@code count}, each {@code times} times. */
    static Map<Long, Integer> each(int count, int times) {
        Map<Long, Integer> expected = new TreeMap<>();
        for (long id = 1; id <= count; id++) {
            expected.put(id, times);
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
