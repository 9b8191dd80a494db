package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.mubiao.e2e.RunningSuite.Service;
import io.restassured.http.ContentType;

/**
 * What the fault tests do to a running suite from outside: write reference data through the API as an admin,
 * produce and read topics as another system would (read_committed, as report-service reads), count rows.
 */
final class SuiteData {

    private final RunningSuite suite;
    private final String admin;

    SuiteData(RunningSuite suite) {
        this.suite = suite;
        this.admin = suite.tokens().issue("admin", null, "e2e-admin");
    }

    String admin() {
        return admin;
    }

    /** PUTs reference data to target-service; 200 or 201. */
    void put(String path, Map<String, Object> body) {
        given().baseUri(suite.url(Service.TARGET)).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(body).put(path).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** Reference data reaches progress-service over Kafka: waits until it accepts queries for the unit. */
    void awaitKnownToProgress(String orgUnit, String indicator) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(suite.url(Service.PROGRESS)).auth().oauth2(admin)
                .queryParam("orgUnit", orgUnit).queryParam("indicator", indicator)
                .get("/api/progress").statusCode() == 200);
    }

    /** A producer as another system would use: every record acknowledged by the broker, idempotent. */
    KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Every committed record of a topic, from the beginning to its end as of now. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertTrue(System.nanoTime() < deadline, "reading " + topic + " to its end took over two minutes");
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The single number a query returns, on a connection of its own. */
    long count(String sql) {
        try (Connection connection = suite.connectToDatabase();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
