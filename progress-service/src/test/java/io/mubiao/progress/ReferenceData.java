package io.mubiao.progress;

import static io.mubiao.progress.Auth.asAdmin;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mubiao.events.Direction;
import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.Measure;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.Topics;
import io.mubiao.testinfra.KafkaTestResource;
import io.restassured.http.ContentType;

/**
 * Seeds the service's copy of the reference data the way production does: target-service's records, as
 * JSON, on the real broker. Every test makes its own codes, so tests never see each other's data.
 */
public final class ReferenceData {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private ReferenceData() {
    }

    /** A code no other test uses. */
    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static void publishOrgUnit(String code, String parent) {
        publishOrgUnit(parent == null ? List.of(code) : List.of(parent, code));
    }

    /** Publishes the unit that {@code path} (codes from the root) ends with. */
    public static void publishOrgUnit(List<String> path) {
        publishOrgUnits(List.of(path));
    }

    /** Publishes the unit each path (codes from the root) ends with, in order, through one producer. */
    public static void publishOrgUnits(List<List<String>> paths) {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (List<String> path : paths) {
                String code = path.get(path.size() - 1);
                String parent = path.size() > 1 ? path.get(path.size() - 2) : null;
                sent.add(producer.send(new ProducerRecord<>(Topics.ORG_UNITS, code, JSON.writeValueAsString(
                        new OrgUnitChanged(UUID.randomUUID().toString(), System.nanoTime(), code, "unit " + code,
                                parent, "region", path.size(), path, Instant.now())))));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.ORG_UNITS, e);
        }
    }

    public static RecordMetadata publishIndicator(String code, Measure measure) {
        return send(Topics.INDICATORS, code, new IndicatorChanged(UUID.randomUUID().toString(), System.nanoTime(), code,
                "indicator " + code, measure == Measure.RATIO ? "%" : "", measure,
                Direction.HIGHER_IS_BETTER, null, 2, Instant.now()));
    }

    /** A tombstone: target-service deleted {@code key}. */
    public static void publishDeletion(String topic, String key) {
        send(topic, key, null);
    }

    /** Publishes a raw value, readable or not. */
    public static RecordMetadata publishRaw(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Publishes a unit and an indicator and waits until the service accepts a report for them. */
    public static void seed(String orgUnit, String indicator, Measure measure) {
        publishOrgUnit(orgUnit, null);
        publishIndicator(indicator, measure);
        awaitAccepted(measure == Measure.RATIO
                ? Map.of("orgUnit", orgUnit, "indicator", indicator, "date", today().toString(), "numerator", 1,
                        "denominator", 2)
                : Map.of("orgUnit", orgUnit, "indicator", indicator, "date", today().toString(), "value", 1));
    }

    /** Waits until a dry run of {@code report} is accepted: the local copy has caught up. */
    public static void awaitAccepted(Map<String, Object> report) {
        awaitDryRunStatus(report, 200);
    }

    public static void awaitDryRunStatus(Map<String, Object> report, int status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> asAdmin()
                .contentType(ContentType.JSON).body(report).queryParam("dryRun", true)
                .post("/api/progress").statusCode() == status);
    }

    private static RecordMetadata send(String topic, String key, Object value) {
        try {
            return publishRaw(topic, key, value == null ? null : JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }
}
