package io.mubiao.targets.orgunit;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code DELETE /api/org-units/{code}}: a leaf without targets goes, with a tombstone on the real broker. */
@QuarkusTest
class OrgUnitDeleteTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Every record for {@code key} on the org-unit topic, in order, once the last one is a tombstone. */
    private List<ConsumerRecord<String, String>> recordsUntilTombstone(String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the outbox relays publish in Kafka transactions: read only what they committed
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.ORG_UNITS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        seen.add(record);
                    }
                }
                return !seen.isEmpty() && seen.get(seen.size() - 1).value() == null;
            });
        }
        return seen;
    }

    @Test
    void deletesALeafWith204AndPublishesATombstoneAfterItsState() {
        String root = code("delroot");
        String leaf = code("delleaf");
        orgUnit(root, null);
        orgUnit(leaf, root);

        asAdmin().delete("/api/org-units/{code}", leaf).then().statusCode(204);

        asAdmin().get("/api/org-units/{code}", leaf).then().statusCode(404);
        asAdmin().get("/api/org-units/{code}/children", root).then().statusCode(200).header("X-Total-Count", "0");
        List<ConsumerRecord<String, String>> records = recordsUntilTombstone(leaf);
        assertEquals(2, records.size(), "the unit's state, then its tombstone");
        assertNull(records.get(1).value());
    }

    @Test
    void unitWithChildrenIs409SayingHowManyAndStays() {
        String root = code("delparent");
        orgUnit(root, null);
        orgUnit(code("delchild"), root);
        orgUnit(code("delchild"), root);

        asAdmin().delete("/api/org-units/{code}", root).then().statusCode(409)
                .contentType(PROBLEM)
                .body("status", is(409))
                .body("title", is("Conflict"))
                .body("detail", containsString("2 children"));
        asAdmin().get("/api/org-units/{code}", root).then().statusCode(200);
    }

    @Test
    void unitWithATargetIs409SayingHowManyAndStays() {
        String unit = code("deltarget");
        String rate = code("delrate");
        orgUnit(unit, null);
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 90, "milestones", List.of()))
                .put("/api/targets/{i}/{o}/{y}", rate, unit, 2026).then().statusCode(201);

        asAdmin().delete("/api/org-units/{code}", unit).then().statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("1 target"));
        asAdmin().get("/api/org-units/{code}", unit).then().statusCode(200);
        asAdmin().get("/api/targets/{i}/{o}/{y}", rate, unit, 2026).then().statusCode(200);
    }

    @Test
    void unknownUnitIs404() {
        asAdmin().delete("/api/org-units/{code}", code("nobody")).then().statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("does not exist"));
    }

    @Test
    void withoutATokenIs401AndForSupervisorAndReporter403AndTheUnitStays() {
        String unit = code("delkept");
        orgUnit(unit, null);
        given().delete("/api/org-units/{code}", unit).then().statusCode(401).contentType(PROBLEM);
        for (String role : List.of(Roles.SUPERVISOR, Roles.REPORTER)) {
            as(role, unit, role + "@" + unit).delete("/api/org-units/{code}", unit).then().statusCode(403)
                    .contentType(PROBLEM);
        }
        asAdmin().get("/api/org-units/{code}", unit).then().statusCode(200);
    }

    @Test
    void aDeletedCodeCanBeCreatedAgain() {
        String unit = code("delagain");
        orgUnit(unit, null);
        asAdmin().delete("/api/org-units/{code}", unit).then().statusCode(204);
        asAdmin().delete("/api/org-units/{code}", unit).then().statusCode(404);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "again"))
                .put("/api/org-units/{code}", unit).then().statusCode(201);
    }
}
