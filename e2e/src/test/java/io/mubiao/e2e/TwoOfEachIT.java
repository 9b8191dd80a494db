package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.e2e.RunningSuite.Instance;
import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Two instances of every service on one database and broker, each taking requests: every change is stored
 * once and published once, the read model counts every report once, and a circular asked of both
 * report-service instances at the same moment is delivered once.
 */
class TwoOfEachIT {

    private static final String PROVINCE = "TW";
    private static final String INDICATOR = "tw.output";
    private static final int COUNTIES = 40;
    private static final int DAYS = 30;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite suite;
    private static SuiteData data;
    private static final Map<Service, List<Instance>> INSTANCES = new HashMap<>();

    @BeforeAll
    static void startTwoOfEach() {
        suite = RunningSuite.start();
        data = new SuiteData(suite);
        for (Service service : Service.values()) {
            INSTANCES.put(service, List.of(new Instance(service, 1), suite.startAnother(service)));
        }
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyChangeIsCountedOnceAndEveryCircularDeliveredOnce() throws Exception {
        // reference data written through both target-service instances in turn
        put(0, "/api/org-units/" + PROVINCE, Map.of("name", "Two-instance Province"));
        for (int county = 0; county < COUNTIES; county++) {
            put(county, "/api/org-units/" + county(county), Map.of("name", "County " + county, "parent", PROVINCE));
        }
        put(1, "/api/indicators/" + INDICATOR, Map.of("name", "Output", "unit", "CNY 10k", "measure", "CUMULATIVE",
                "direction", "HIGHER_IS_BETTER", "decimals", 2));
        data.awaitKnownToProgress(county(COUNTIES - 1), INDICATOR);

        // reports through both progress-service instances; every request is sent to both at the same moment,
        // as a client retrying against another instance would
        for (int day = 1; day <= DAYS; day++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int county = 0; county < COUNTIES; county++) {
                batch.add(Map.of("eventId", "tw-" + county + "-" + day, "orgUnit", county(county), "indicator", INDICATOR,
                        "date", TODAY.minusDays(day).toString(), "value", value(county, day)));
            }
            List<Integer> accepted = bothAtOnce(Service.PROGRESS, instance -> given().baseUri(suite.url(instance))
                    .auth().oauth2(data.admin()).contentType(ContentType.JSON).body(batch).post("/api/progress")
                    .then().statusCode(200).extract().jsonPath().getInt("accepted"));
            assertEquals(COUNTIES, accepted.get(0) + accepted.get(1), "day " + day + ": both instances accepted "
                    + accepted + " of the same " + COUNTIES + " reports");
        }

        int reports = COUNTIES * DAYS;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> data.count(
                "select count(*) from report.observation where indicator = '" + INDICATOR + "'") == reports);
        assertEquals(reports, data.count("select count(*) from progress.report where indicator = '" + INDICATOR + "'"));
        await().atMost(Duration.ofMinutes(1)).until(() -> data.count("select count(*) from progress.outbox") == 0
                && data.count("select count(*) from target.outbox") == 0);

        assertEquals(COUNTIES + 1, onceEach(Topics.ORG_UNITS, SuiteData.Message::key, PROVINCE), "each org unit published once");
        assertEquals(1, onceEach(Topics.INDICATORS, SuiteData.Message::key, INDICATOR), "the indicator published once");
        assertEquals(reports, onceEach(Topics.PROGRESS_RECORDED, record -> eventId(record.value()), "tw-"),
                "each report published once");

        // both report-service instances rank from the same read model, each figure counted once
        for (Instance instance : INSTANCES.get(Service.REPORT)) {
            JsonPath ranking = given().baseUri(suite.url(instance)).auth().oauth2(data.admin())
                    .queryParam("indicator", INDICATOR).queryParam("parent", PROVINCE)
                    .queryParam("date", TODAY.minusDays(1).toString()).get("/api/rankings")
                    .then().statusCode(200).extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            assertEquals(total(1), ((BigDecimal) ranking.get("parentValue")).setScale(1), instance.name());
            assertEquals(COUNTIES, ranking.getList("entries").size());
        }

        // one subscription run on both report-service instances at the same moment: one delivery, one record
        String subscription = given().baseUri(suite.url(Service.REPORT)).auth().oauth2(data.admin())
                .contentType(ContentType.JSON).body(Map.of("scope", PROVINCE, "cadence", "daily", "lang", "en",
                        "format", "json", "channel", "kafka"))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
        String date = TODAY.minusDays(1).toString();
        bothAtOnce(Service.REPORT, instance -> given().baseUri(suite.url(instance)).auth().oauth2(data.admin())
                .queryParam("date", date).post("/api/subscriptions/" + subscription + "/run")
                .then().statusCode(202).extract().statusCode());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> data.count(
                "select count(*) from report.delivery where subscription_id = '" + subscription + "' and status = 'SENT'") == 1);
        await().atMost(Duration.ofMinutes(1)).until(() -> data.count("select count(*) from report.outbox") == 0);
        assertEquals(1, data.count("select count(*) from report.delivery where subscription_id = '" + subscription + "'"));
        assertEquals(1, data.readAll(Topics.BRIEFINGS_PUBLISHED).stream()
                .filter(record -> PROVINCE.equals(record.key())).count(), "the circular reached the kafka channel once");
    }

    /**
     * The number of distinct identities starting with {@code prefix} among a topic's records, asserting that
     * each appears once.
     */
    private static int onceEach(String topic, Function<SuiteData.Message, String> identity, String prefix) {
        Map<String, Integer> seen = new HashMap<>();
        for (SuiteData.Message record : data.readAll(topic)) {
            String key = identity.apply(record);
            if (key != null && key.startsWith(prefix)) {
                seen.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Integer> twice = new HashMap<>(seen);
        twice.values().removeIf(times -> times == 1);
        assertEquals(Map.of(), twice, topic + ": published more than once");
        return seen.size();
    }

    private static String eventId(String json) {
        try {
            return JSON.readTree(json).get("eventId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls both instances of a service at the same moment and returns their answers in instance order. */
    private static <T> List<T> bothAtOnce(Service service, Function<Instance, T> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> calls = INSTANCES.get(service).stream().map(instance -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return call.apply(instance);
        })).toList();
        start.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static void put(int turn, String path, Map<String, Object> body) {
        Instance instance = INSTANCES.get(Service.TARGET).get(turn % 2);
        given().baseUri(suite.url(instance)).auth().oauth2(data.admin()).contentType(ContentType.JSON).body(body)
                .put(path).then().statusCode(equalTo(201));
    }

    private static BigDecimal value(int county, int day) {
        return BigDecimal.valueOf((long) (DAYS - day) * 100 + county).add(new BigDecimal("0.5"));
    }

    private static BigDecimal total(int day) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int county = 0; county < COUNTIES; county++) {
            sum = sum.add(value(county, day));
        }
        return sum;
    }

    private static String county(int number) {
        return PROVINCE + "-" + number;
    }
}
