package io.mubiao.targets;

import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.TargetChanged;
import io.mubiao.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Changes reach the real broker as full state, keyed as API.md says, read back with a plain consumer. */
@QuarkusTest
class ReferenceEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The latest value seen for each of {@code keys} on {@code topic}, once every key has arrived. */
    private Map<String, JsonNode> latest(String topic, Set<String> keys, java.util.function.Predicate<Map<String, JsonNode>> done) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, JsonNode> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        seen.put(record.key(), JSON.readTree(record.value()));
                    }
                }
                return seen.keySet().containsAll(keys) && done.test(seen);
            });
        }
        return seen;
    }

    @Test
    void publishesOrgUnitChangedKeyedByCodeAndRepublishesMovedDescendants() {
        String oldRoot = code("evroot");
        String newRoot = code("evnew");
        String moved = code("evmoved");
        String child = code("evchild");
        orgUnit(oldRoot, null);
        orgUnit(newRoot, null);
        orgUnit(moved, oldRoot);
        orgUnit(child, moved);
        orgUnit(moved, newRoot);

        Map<String, JsonNode> events = latest(Topics.ORG_UNITS, Set.of(oldRoot, moved, child),
                seen -> seen.get(child).get("path").get(0).asText().equals(newRoot));
        JsonNode unit = events.get(child);
        assertEquals(child, unit.get("code").asText());
        assertEquals(moved, unit.get("parent").asText());
        assertEquals("region", unit.get("kind").asText());
        assertEquals(3, unit.get("level").asInt());
        assertEquals(List.of(newRoot, moved, child), JSON.convertValue(unit.get("path"), List.class));
        assertNotNull(unit.get("changedAt"));
        assertEquals(newRoot, events.get(moved).get("parent").asText());
        assertTrue(events.get(oldRoot).get("parent").isNull());
    }

    @Test
    void publishesTargetChangedKeyedByIndicatorOrgUnitAndYear() {
        String rate = code("evrate");
        String unit = code("evunit");
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        orgUnit(unit, null);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("value", 100, "milestones", List.of(Map.of("due", "2026-03-31", "value", 20),
                        Map.of("due", "2026-06-30", "value", 100))))
                .when().put("/api/targets/{i}/{o}/{y}", rate, unit, 2026)
                .then().statusCode(201);

        String key = TargetChanged.key(rate, unit, 2026);
        assertEquals(rate + "|" + unit + "|2026", key);
        JsonNode target = latest(Topics.TARGETS, Set.of(key), seen -> true).get(key);
        assertEquals(rate, target.get("indicator").asText());
        assertEquals(unit, target.get("orgUnit").asText());
        assertEquals(2026, target.get("year").asInt());
        assertEquals("VALUE", target.get("kind").asText());
        assertEquals("LINEAR", target.get("trajectory").asText());
        assertEquals(0, target.get("value").decimalValue().compareTo(java.math.BigDecimal.valueOf(100)));
        assertEquals(2, target.get("milestones").size());
        assertEquals("2026-03-31", target.get("milestones").get(0).get("due").asText());

        JsonNode indicatorEvent = latest(Topics.INDICATORS, Set.of(rate), seen -> true).get(rate);
        assertEquals("RATIO", indicatorEvent.get("measure").asText());
        assertEquals(2, indicatorEvent.get("decimals").asInt());
    }
}
