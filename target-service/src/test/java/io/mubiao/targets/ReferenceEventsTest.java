package io.mubiao.targets;

import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
        // the outbox relays publish in Kafka transactions: read only what they committed
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
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

    /** Every value seen for each of {@code keys} on {@code topic}, in order, once each key has {@code count}. */
    private Map<String, List<JsonNode>> all(String topic, Set<String> keys, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the outbox relays publish in Kafka transactions: read only what they committed
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<JsonNode>> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key()) && record.value() != null) {
                        seen.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(JSON.readTree(record.value()));
                    }
                }
                return keys.stream().allMatch(k -> seen.getOrDefault(k, List.of()).size() >= count);
            });
        }
        return seen;
    }

    /** The versions of the events of each key, in order, and checks every event id is a distinct UUID. */
    private static Map<String, List<Long>> versions(Map<String, List<JsonNode>> events, Set<String> eventIds) {
        Map<String, List<Long>> versions = new HashMap<>();
        events.forEach((key, values) -> {
            for (JsonNode value : values) {
                String eventId = value.get("eventId").asText();
                assertEquals(eventId, UUID.fromString(eventId).toString(), "eventId is a UUID: " + eventId);
                assertTrue(eventIds.add(eventId), "eventId seen twice: " + eventId);
                versions.computeIfAbsent(key, k -> new ArrayList<>()).add(value.get("version").asLong());
            }
        });
        return versions;
    }

    @Test
    void everyEventHasItsOwnIdAndAVersionThatGoesUpByOnePerChange() {
        Set<String> eventIds = new HashSet<>();

        // an org unit created, then moved: it and the child moved along with it reach version 2
        String first = code("evv1");
        String second = code("evv2");
        String unit = code("evvunit");
        String child = code("evvchild");
        orgUnit(first, null);
        orgUnit(second, null);
        orgUnit(unit, first);
        orgUnit(child, unit);
        asAdmin().get("/api/org-units/{code}", unit).then().statusCode(200).body("version", is(1));
        orgUnit(unit, second);
        asAdmin().get("/api/org-units/{code}", child).then().statusCode(200).body("version", is(2));
        Map<String, List<Long>> units = versions(all(Topics.ORG_UNITS, Set.of(unit, child), 2), eventIds);
        assertEquals(List.of(1L, 2L), units.get(unit));
        assertEquals(List.of(1L, 2L), units.get(child));

        // an import that renames the unit is a third change of it; the unchanged child stays at 2
        asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("code", unit, "name", "renamed " + unit, "parent", second)))
                .when().post("/api/org-units/import")
                .then().statusCode(200);
        Map<String, List<Long>> imported = versions(all(Topics.ORG_UNITS, Set.of(unit), 3), new HashSet<>());
        assertEquals(List.of(1L, 2L, 3L), imported.get(unit));
        asAdmin().get("/api/org-units/{code}", unit).then().statusCode(200).body("version", is(3));

        // an indicator created, then changed
        String rate = code("evvrate");
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        indicator(rate, "RATIO", "LOWER_IS_BETTER");
        indicator(rate, "RATIO", "LOWER_IS_BETTER"); // no change, no event
        asAdmin().get("/api/indicators/{code}", rate).then().statusCode(200).body("version", is(2));
        assertEquals(List.of(1L, 2L), versions(all(Topics.INDICATORS, Set.of(rate), 2), eventIds).get(rate));

        // a target created, then changed
        for (int early : new int[] { 20, 30 }) {
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("value", 100, "milestones", List.of(Map.of("due", "2026-03-31", "value", early),
                            Map.of("due", "2026-06-30", "value", 100))))
                    .when().put("/api/targets/{i}/{o}/{y}", rate, unit, 2026)
                    .then().statusCode(anyOf(is(200), is(201)));
        }
        String key = TargetChanged.key(rate, unit, 2026);
        assertEquals(List.of(1L, 2L), versions(all(Topics.TARGETS, Set.of(key), 2), eventIds).get(key));
        assertEquals(8, eventIds.size());
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
