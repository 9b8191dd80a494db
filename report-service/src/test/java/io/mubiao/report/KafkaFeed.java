package io.mubiao.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.mubiao.events.Direction;
import io.mubiao.events.IndicatorChanged;
import io.mubiao.events.Measure;
import io.mubiao.events.OrgUnitChanged;
import io.mubiao.events.ProgressRecorded;
import io.mubiao.events.TargetChanged;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Topics;
import io.mubiao.events.Trajectory;
import io.mubiao.testinfra.KafkaTestResource;

/**
 * Publishes what target-service and progress-service would, as JSON records on the real test broker, so
 * that tests exercise the consumers exactly as production does.
 */
public final class KafkaFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    public KafkaFeed(ObjectMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** A code no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A region whose path runs from the root to {@code path}'s last code. */
    public void unit(String... path) {
        unitOfKind("region", path);
    }

    public void unitOfKind(String kind, String... path) {
        List<String> codes = Arrays.asList(path);
        String code = codes.get(codes.size() - 1);
        String parent = codes.size() > 1 ? codes.get(codes.size() - 2) : null;
        send(Topics.ORG_UNITS, code, new OrgUnitChanged(UUID.randomUUID().toString(), System.nanoTime(), code,
                "name of " + code, parent, kind, codes.size(), codes, Instant.now()));
    }

    /** A unit with a name of its own (the briefing circulars show names). */
    public void namedUnit(String name, String... path) {
        List<String> codes = Arrays.asList(path);
        String code = codes.get(codes.size() - 1);
        String parent = codes.size() > 1 ? codes.get(codes.size() - 2) : null;
        send(Topics.ORG_UNITS, code, new OrgUnitChanged(UUID.randomUUID().toString(), System.nanoTime(), code,
                name, parent, "region", codes.size(), codes, Instant.now()));
    }

    public void deleteUnit(String code) {
        send(Topics.ORG_UNITS, code, null);
    }

    public void indicator(String code, Measure measure, Direction direction, int decimals) {
        indicatorInGroup(code, measure, direction, decimals, "test");
    }

    public void indicatorInGroup(String code, Measure measure, Direction direction, int decimals, String group) {
        send(Topics.INDICATORS, code, new IndicatorChanged(UUID.randomUUID().toString(), System.nanoTime(), code,
                "name of " + code, measure == Measure.RATIO ? "%" : "件", measure, direction,
                group, decimals, Instant.now()));
    }

    /** An indicator with its own name, unit and group. */
    public void namedIndicator(String code, String name, String unit, Measure measure, Direction direction, String group,
            int decimals) {
        send(Topics.INDICATORS, code, new IndicatorChanged(UUID.randomUUID().toString(), System.nanoTime(), code,
                name, unit, measure, direction, group, decimals, Instant.now()));
    }

    public void deleteIndicator(String code) {
        send(Topics.INDICATORS, code, null);
    }

    public void target(String indicator, String orgUnit, TargetKind kind, String value, Trajectory trajectory,
            TargetChanged.Milestone... milestones) {
        send(Topics.TARGETS, TargetChanged.key(indicator, orgUnit, 2026), new TargetChanged(
                UUID.randomUUID().toString(), System.nanoTime(), indicator, orgUnit, 2026, kind,
                new BigDecimal(value), null, trajectory, List.of(milestones), Instant.now()));
    }

    public void deleteTarget(String indicator, String orgUnit) {
        send(Topics.TARGETS, TargetChanged.key(indicator, orgUnit, 2026), null);
    }

    public static TargetChanged.Milestone milestone(String due, String value) {
        return new TargetChanged.Milestone(LocalDate.parse(due), new BigDecimal(value));
    }

    /** A RATIO report, with the value progress-service computes. */
    public void ratio(String orgUnit, String indicator, String date, long numerator, long denominator, int revision) {
        BigDecimal value = BigDecimal.valueOf(100 * numerator).divide(BigDecimal.valueOf(denominator), 6,
                java.math.RoundingMode.HALF_UP);
        report(new ProgressRecorded(UUID.randomUUID().toString(), orgUnit, indicator, LocalDate.parse(date), value,
                BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), revision, "test", Instant.now()));
    }

    /** A CUMULATIVE or SNAPSHOT report. */
    public void value(String orgUnit, String indicator, String date, String value, int revision) {
        report(new ProgressRecorded(UUID.randomUUID().toString(), orgUnit, indicator, LocalDate.parse(date),
                new BigDecimal(value), null, null, revision, "test", Instant.now()));
    }

    public void report(ProgressRecorded report) {
        send(Topics.PROGRESS_RECORDED, report.orgUnit(), report);
    }

    public void send(String topic, String key, Object payload) {
        try {
            sendRaw(topic, key, payload == null ? null : json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends a value as it is, readable or not; answers where it went. */
    public RecordMetadata sendRaw(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
