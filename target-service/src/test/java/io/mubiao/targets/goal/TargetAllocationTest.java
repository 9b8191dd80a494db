package io.mubiao.targets.goal;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.access.Roles;
import io.mubiao.events.TargetChanged;
import io.mubiao.events.Topics;
import io.mubiao.targets.Auth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** PUT /api/targets/{indicator}/{orgUnit}/{year}/allocation against the real database and broker. */
@QuarkusTest
class TargetAllocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String investment;
    private String rate;
    private String province;
    private String cityA;
    private String cityB;
    private String county;

    @BeforeEach
    void referenceData() {
        investment = code("al-investment");
        rate = code("al-rate");
        indicator(investment, "CUMULATIVE", "HIGHER_IS_BETTER");
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        province = code("al-FJ");
        cityA = code("al-FZ");
        cityB = code("al-XM");
        county = code("al-county");
        orgUnit(province, null);
        orgUnit(cityA, province);
        orgUnit(cityB, province);
        orgUnit(county, cityA);
    }

    private static Map<String, Object> milestone(String due, Object value) {
        return Map.of("due", due, "value", value);
    }

    private static Map<String, Object> child(String orgUnit, Object value) {
        return Map.of("orgUnit", orgUnit, "value", value);
    }

    private static void putTarget(String indicator, String orgUnit, Map<String, Object> body) {
        asAdmin().contentType(ContentType.JSON).body(body)
                .when().put("/api/targets/{i}/{o}/{y}", indicator, orgUnit, 2026)
                .then().statusCode(201);
    }

    private static ValidatableResponse allocate(String indicator, String orgUnit, List<Map<String, Object>> children) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("children", children))
                .when().put("/api/targets/{i}/{o}/{y}/allocation", indicator, orgUnit, 2026)
                .then();
    }

    private static ValidatableResponse get(String indicator, String orgUnit) {
        return asAdmin().get("/api/targets/{i}/{o}/{y}", indicator, orgUnit, 2026).then();
    }

    /** Investment 100 from a start of 10, LINEAR → STEP to show the trajectory is inherited. */
    private void cumulativeParent() {
        Map<String, Object> body = new HashMap<>();
        body.put("value", 100);
        body.put("start", 10);
        body.put("trajectory", "STEP");
        body.put("milestones", List.of(milestone("2026-06-30", 40), milestone("2026-09-30", 70),
                milestone("2026-12-31", 100)));
        putTarget(investment, province, body);
    }

    @Test
    void cumulativeAllocationThatAddsUpCreatesChildTargetsWithMilestonesScaledToTheDecimals() {
        cumulativeParent();
        allocate(investment, province, List.of(child(cityA, 66.67), child(cityB, 33.33))).statusCode(200)
                .contentType(ContentType.JSON)
                .body("orgUnit", contains(cityA, cityB))
                .body("kind", contains("VALUE", "VALUE"))
                .body("trajectory", contains("STEP", "STEP"))
                .body("value", contains(66.67f, 33.33f))
                // 10 × 0.6667 = 6.667 → 6.67; 10 × 0.3333 = 3.333 → 3.33
                .body("start", contains(6.67f, 3.33f))
                .body("[0].milestones.due", contains("2026-06-30", "2026-09-30", "2026-12-31"))
                // 40 × 66.67 / 100 = 26.668 → 26.67; 70 × 0.6667 = 46.669 → 46.67; 31 December = the child's value
                .body("[0].milestones.value", contains(26.67f, 46.67f, 66.67f))
                // 13.332 → 13.33; 23.331 → 23.33
                .body("[1].milestones.value", contains(13.33f, 23.33f, 33.33f))
                .body("version", contains(1, 1))
                .body("changedBy", contains(Auth.ADMIN, Auth.ADMIN));
        get(investment, province).statusCode(200)
                .body("allocation.orgUnit", contains(cityA, cityB))
                .body("allocation.value", contains(66.67f, 33.33f))
                .body("version", is(1));
        asAdmin().get("/api/targets/{i}/{o}/{y}/history", investment, cityA, 2026).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].changedBy", is(Auth.ADMIN));
    }

    @Test
    void cumulativeAllocationThatMissesByThreeIs422StatingTheSignedDifference() {
        cumulativeParent();
        allocate(investment, province, List.of(child(cityA, 60), child(cityB, 37))).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("children"))
                .body("errors[0].message", containsString("miss by -3 %"))
                .body("detail", containsString("miss by -3 %"));
        allocate(investment, province, List.of(child(cityA, 60), child(cityB, 40.5))).statusCode(422)
                .body("errors[0].message", containsString("miss by +0.5 %"));
        get(investment, cityA).statusCode(404);
        get(investment, province).body("allocation", empty());
    }

    @Test
    void allocationToAUnitThatIsNotADirectChildIs422NamingItsIndex() {
        cumulativeParent();
        allocate(investment, province, List.of(child(cityA, 50), child(county, 25), child(code("nowhere"), 25)))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("children[1].orgUnit", "children[2].orgUnit"))
                .body("errors[0].message", containsString("not a direct child of " + province));
        allocate(investment, province, List.of(child(cityA, 50), child(cityA, 50))).statusCode(422)
                .body("errors.field", contains("children[1].orgUnit"))
                .body("errors[0].message", containsString("twice"));
        get(investment, cityA).statusCode(404);
    }

    @Test
    void allocationOfAnUnknownParentTargetIs404() {
        allocate(investment, province, List.of(child(cityA, 50))).statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no target"));
        allocate(code("nothing"), province, List.of(child(cityA, 50))).statusCode(404)
                .body("detail", containsString("indicator"));
    }

    @Test
    void emptyOrMalformedChildrenAre422() {
        cumulativeParent();
        allocate(investment, province, List.of()).statusCode(422)
                .body("errors[0].field", containsString("children"));
        allocate(investment, province, List.of(Map.of("orgUnit", cityA))).statusCode(422)
                .body("errors[0].field", containsString("children[0].value"));
    }

    @Test
    void ratioAllocationLetsEachChildStandAloneWithTheParentsMilestoneShape() {
        putTarget(rate, province, Map.of("value", 90, "milestones", List.of(milestone("2026-03-31", 30),
                milestone("2026-06-30", 60), milestone("2026-12-31", 90))));
        allocate(rate, province, List.of(child(cityA, 95), child(cityB, 80))).statusCode(200)
                .body("value", contains(95, 80))
                .body("trajectory", contains("LINEAR", "LINEAR"))
                .body("start", contains(0, 0))
                // 30 × 95 / 90 = 31.666… → 31.67; 60 × 95 / 90 = 63.33
                .body("[0].milestones.value", contains(31.67f, 63.33f, 95))
                .body("[1].milestones.value", contains(26.67f, 53.33f, 80));
        get(rate, province).body("allocation.value", contains(95, 80));
        // a child's RATIO target still lies in 0–100 (its milestones scale to 40, 80, 120)
        allocate(rate, province, List.of(child(cityA, 120))).statusCode(422)
                .body("errors.field", contains("children[0].value", "children[0].milestones[2].value"));
    }

    @Test
    void growthTargetAllocationKeepsKindAndTrajectoryAndLetsChildrenStandAlone() {
        putTarget(investment, province, Map.of("kind", "GROWTH", "value", 35, "milestones",
                List.of(milestone("2026-06-30", 20))));
        allocate(investment, province, List.of(child(cityA, 40), child(cityB, 30))).statusCode(200)
                .body("kind", contains("GROWTH", "GROWTH"))
                .body("trajectory", contains("FLAT", "FLAT"))
                .body("value", contains(40, 30))
                // 20 × 40 / 35 = 22.857… → 22.86
                .body("[0].milestones.value", contains(22.86f));
    }

    @Test
    void reallocationReplacesThePreviousOneAndAFailingOneLeavesItIntact() {
        cumulativeParent();
        allocate(investment, province, List.of(child(cityA, 60), child(cityB, 40))).statusCode(200);
        allocate(investment, province, List.of(child(cityA, 70), child(cityB, 30))).statusCode(200)
                .body("value", contains(70, 30))
                .body("version", contains(2, 2));
        get(investment, province).body("allocation.value", contains(70, 30));

        // refused: nothing of it is written, the previous allocation and the children's targets stay
        allocate(investment, province, List.of(child(cityB, 50), child(cityA, 40))).statusCode(422);
        get(investment, province).body("allocation.orgUnit", contains(cityA, cityB))
                .body("allocation.value", contains(70, 30));
        get(investment, cityA).body("value", is(70)).body("version", is(2));
        get(investment, cityB).body("value", is(30)).body("version", is(2));

        // the same allocation again changes no child: no new version
        allocate(investment, province, List.of(child(cityA, 70), child(cityB, 30))).statusCode(200)
                .body("version", contains(2, 2));

        // a child left out keeps its target but is no longer part of the allocation
        allocate(investment, province, List.of(child(cityA, 100))).statusCode(200);
        get(investment, province).body("allocation.orgUnit", contains(cityA));
        get(investment, cityB).statusCode(200).body("value", is(30));
    }

    @Test
    void reporterAndSupervisorMayNotAllocate() {
        cumulativeParent();
        for (String role : List.of(Roles.REPORTER, Roles.SUPERVISOR)) {
            as(role, province, role + "@test").contentType(ContentType.JSON)
                    .body(Map.of("children", List.of(child(cityA, 60), child(cityB, 40))))
                    .when().put("/api/targets/{i}/{o}/{y}/allocation", investment, province, 2026)
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        get(investment, cityA).statusCode(404);
        get(investment, province).body("allocation", empty());
    }

    @Test
    void childTargetsAreListedUnderTheParent() {
        cumulativeParent();
        allocate(investment, province, List.of(child(cityB, 40), child(cityA, 60))).statusCode(200);
        as(Roles.REPORTER, cityA, "reporter@test").queryParam("parent", province).queryParam("indicator", investment)
                .get("/api/targets").then().statusCode(200)
                .body("orgUnit", contains(cityA, cityB))
                .body("value", contains(60, 40));
    }

    @Test
    void publishesTargetChangedForEveryAllocatedChild() {
        cumulativeParent();
        allocate(investment, province, List.of(child(cityA, 60), child(cityB, 40))).statusCode(200);
        String keyA = TargetChanged.key(investment, cityA, 2026);
        String keyB = TargetChanged.key(investment, cityB, 2026);
        Map<String, JsonNode> events = latest(Topics.TARGETS, Set.of(keyA, keyB));
        JsonNode a = events.get(keyA);
        assertEquals(cityA, a.get("orgUnit").asText());
        assertEquals("VALUE", a.get("kind").asText());
        assertEquals("STEP", a.get("trajectory").asText());
        assertEquals(0, a.get("value").decimalValue().compareTo(BigDecimal.valueOf(60)));
        assertEquals(0, a.get("start").decimalValue().compareTo(BigDecimal.valueOf(6)));
        assertEquals(3, a.get("milestones").size());
        assertEquals(0, a.get("milestones").get(0).get("value").decimalValue().compareTo(BigDecimal.valueOf(24)));
        assertEquals("2026-12-31", a.get("milestones").get(2).get("due").asText());
        assertEquals(0, events.get(keyB).get("value").decimalValue().compareTo(BigDecimal.valueOf(40)));
    }

    @Test
    void growthRulesApplyThroughTheApi() {
        // GROWTH of a RATIO is points: may be negative, milestones may fall; dates are still checked
        putTarget(rate, cityA, Map.of("kind", "GROWTH", "value", -2, "milestones",
                List.of(milestone("2026-06-30", 1), milestone("2026-09-30", -1))));
        get(rate, cityA).body("kind", is("GROWTH")).body("trajectory", is("FLAT")).body("value", is(-2));
        // GROWTH of a CUMULATIVE is percent and may exceed 100
        putTarget(investment, cityA, Map.of("kind", "GROWTH", "value", 135, "milestones", List.of()));
        asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "GROWTH", "value", 5, "milestones",
                List.of(milestone("2026-09-30", 1), milestone("2026-06-30", 2), milestone("2027-01-31", 3))))
                .when().put("/api/targets/{i}/{o}/{y}", rate, cityB, 2026)
                .then().statusCode(422)
                .body("errors.field", contains("milestones[1].due", "milestones[2].due"));
    }

    /** The latest value of each key on the topic, read from the start with a fresh consumer group. */
    private Map<String, JsonNode> latest(String topic, Set<String> keys) {
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
        Predicate<Map<String, JsonNode>> done = s -> s.keySet().containsAll(keys);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key()) && record.value() != null) {
                        seen.put(record.key(), JSON.readTree(record.value()));
                    }
                }
                return done.test(seen);
            });
        }
        return seen;
    }
}
