package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.e2e.RunningSuite.Instance;
import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.events.Topics;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * One Kafka intake of 100,000 reports through three crashes: progress-service killed (SIGKILL) while it stores
 * them, then the Kafka broker, then report-service while it builds its read model. Afterwards every report
 * is stored once, published once, in the read model once, and rankings and circulars show exactly the figures
 * that were sent.
 */
class CrashDuringIntakeIT {

    private static final String PROVINCE = "CR";
    private static final String INDICATOR = "cr.output";
    private static final int COUNTIES = 100;
    private static final int DAYS = 1_000;
    private static final int TOTAL = COUNTIES * DAYS;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Figures read as decimals: the default reads them as floats, which cannot hold a province's total. */
    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static RunningSuite suite;
    private static SuiteData data;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.startWithBrokerProcess();
        data = new SuiteData(suite);
        data.seedProvince(PROVINCE, COUNTIES, INDICATOR);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void anIntakeThroughThreeCrashesEndsWithEveryFigureOnceAndRight() throws Exception {
        try (KafkaProducer<String, String> producer = data.producer()) {
            for (int day = DAYS; day >= 1; day--) {
                for (int county = 0; county < COUNTIES; county++) {
                    Map<String, Object> report = Map.of("eventId", eventId(county, day), "orgUnit", county(county),
                            "indicator", INDICATOR, "date", date(day).toString(), "value", value(county, day));
                    producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, county(county), JSON.writeValueAsString(report)));
                }
            }
            producer.flush();
        }
        LongSupplier stored = () -> data.count("select count(*) from progress.report where indicator = '" + INDICATOR + "'");
        LongSupplier readModel = () -> data.count("select count(*) from report.observation where indicator = '" + INDICATOR + "'");

        crashWhen("progress-service", stored, TOTAL / 5, () -> {
            Instance progress = new Instance(Service.PROGRESS, 1);
            suite.kill(progress);
            suite.start(progress);
        });
        crashWhen("the Kafka broker", stored, TOTAL * 2 / 5, () -> {
            suite.killBroker();
            sleep(Duration.ofSeconds(5));
            suite.startBroker();
        });
        crashWhen("report-service", readModel, TOTAL * 3 / 5, () -> {
            Instance report = new Instance(Service.REPORT, 1);
            suite.kill(report);
            suite.start(report);
        });

        await("all reports stored").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stored.getAsLong() == TOTAL);
        await("the outbox drained").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> data.count("select count(*) from progress.outbox") == 0);
        await("the read model complete").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readModel.getAsLong() == TOTAL);

        assertEquals(TOTAL, data.count("select count(distinct (org_unit, date)) from progress.report "
                + "where indicator = '" + INDICATOR + "'"), "one stored report per unit and day");
        assertEquals(0, data.count("select count(*) from progress.report where indicator = '" + INDICATOR
                + "' and revision <> 1"), "a record consumed twice was stored as a correction");
        assertEquals(0, data.count("select count(*) from report.observation where indicator = '" + INDICATOR
                + "' and revision <> 1"));
        assertPublishedOnce();
        assertEquals(0, data.readAll(Topics.PROGRESS_REPORTED_DLQ).size(), "no good record may be dead-lettered");
        for (int day : List.of(1, 2, 333, 667, DAYS)) {
            assertRankingShowsTheFiguresSent(day);
        }
        assertCircularShowsTheFiguresSent(1);
        assertCircularShowsTheFiguresSent(500);
    }

    /**
     * Waits until {@code progress} reaches {@code threshold}, then crashes something, having checked that the
     * intake is still under way: a crash after the last report would test nothing.
     */
    private static void crashWhen(String what, LongSupplier progress, long threshold, Runnable crash) {
        await("before crashing " + what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> progress.getAsLong() >= threshold);
        long before = progress.getAsLong();
        crash.run();
        System.out.printf("crashed %s at %d of %d%n", what, before, TOTAL);
        assertTrue(before < TOTAL, what + " crashed after the intake had ended: nothing was tested");
    }

    private static void assertPublishedOnce() {
        Map<String, Integer> seen = new HashMap<>();
        for (SuiteData.Message record : data.readAll(Topics.PROGRESS_RECORDED)) {
            String eventId = readTree(record.value()).get("eventId").asText();
            if (eventId.startsWith("cr-")) {
                seen.merge(eventId, 1, Integer::sum);
            }
        }
        long twice = seen.values().stream().filter(times -> times > 1).count();
        System.out.printf("progress.recorded: %d distinct reports, %d published more than once%n", seen.size(), twice);
        assertEquals(TOTAL, seen.size(), "every stored report is published");
        assertEquals(0, twice, "no stored report is published twice");
    }

    private static void assertRankingShowsTheFiguresSent(int day) {
        JsonPath ranking = given().baseUri(suite.url(Service.REPORT)).auth().oauth2(data.admin())
                .queryParam("indicator", INDICATOR).queryParam("parent", PROVINCE).queryParam("date", date(day).toString())
                .get("/api/rankings").then().statusCode(200).extract().jsonPath().using(EXACT);
        List<Map<String, Object>> entries = ranking.getList("entries");
        assertEquals(COUNTIES, entries.size());
        for (Map<String, Object> entry : entries) {
            int county = Integer.parseInt(((String) entry.get("orgUnit")).substring(PROVINCE.length() + 1));
            assertDecimal(value(county, day), (BigDecimal) entry.get("value"),
                    entry.get("orgUnit") + " on " + date(day));
        }
        assertDecimal(total(day), ranking.get("parentValue"), "province on " + date(day));
    }

    private static void assertCircularShowsTheFiguresSent(int day) {
        JsonPath circular = given().baseUri(suite.url(Service.REPORT)).auth().oauth2(data.admin())
                .queryParam("scope", PROVINCE).queryParam("date", date(day).toString()).queryParam("format", "json")
                .get("/api/briefings/daily").then().statusCode(200).extract().jsonPath().using(EXACT);
        String headline = "headline.find { it.indicator == '" + INDICATOR + "' }";
        assertDecimal(total(day), circular.get(headline + ".value"), "circular on " + date(day));
        assertDecimal(total(day + 1), circular.get(headline + ".previousValue"),
                "circular's previous day on " + date(day));
        String rankingOf = "rankings.find { it.indicator == '" + INDICATOR + "' }";
        assertDecimal(value(COUNTIES - 1, day), circular.get(rankingOf + ".entries[0].value"),
                "the circular's first ranked unit on " + date(day));
    }

    private static void assertDecimal(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(expected.setScale(2), actual.setScale(2), what);
    }

    /** Figures grow day by day and with the county number, with cents, so that every figure is distinct. */
    private static BigDecimal value(int county, int day) {
        return BigDecimal.valueOf((long) (DAYS - day) * 1_000 + county).add(new BigDecimal("0.25"));
    }

    private static BigDecimal total(int day) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int county = 0; county < COUNTIES; county++) {
            sum = sum.add(value(county, day));
        }
        return sum;
    }

    private static LocalDate date(int day) {
        return TODAY.minusDays(day);
    }

    private static String eventId(int county, int day) {
        return "cr-" + county + "-" + day;
    }

    private static String county(int number) {
        return PROVINCE + "-" + number;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
