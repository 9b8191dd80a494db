package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.testinfra.TopicReader;
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

    /** A record's key and value as text. */
    record Message(String key, String value) {
    }

    /** Every committed record of a topic, from the beginning to its end as of now (test-infra's TopicReader). */
    List<Message> readAll(String topic) {
        return TopicReader.readAll(suite.kafkaBootstrapServers(), topic).stream()
                .map(record -> new Message(text(record.key()), text(record.value()))).toList();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A province {@code code} with {@code counties} counties ({@code code-0}, {@code code-1}, …) and one
     * CUMULATIVE indicator with two decimals, through the API; returns once progress-service knows them all.
     */
    void seedProvince(String code, int counties, String indicator) {
        put("/api/org-units/" + code, Map.of("name", "Province " + code));
        for (int county = 0; county < counties; county++) {
            put("/api/org-units/" + code + "-" + county, Map.of("name", "County " + county, "parent", code));
        }
        put("/api/indicators/" + indicator, Map.of("name", "Indicator " + indicator, "unit", "CNY 10k",
                "measure", "CUMULATIVE", "direction", "HIGHER_IS_BETTER", "decimals", 2));
        awaitKnownToProgress(code + "-" + (counties - 1), indicator);
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
