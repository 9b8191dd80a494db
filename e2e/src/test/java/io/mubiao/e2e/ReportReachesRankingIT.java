package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mubiao.e2e.RunningSuite.Service;
import io.mubiao.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The thin slice through real processes: reference data PUT to target-service reaches progress-service and
 * report-service over Kafka; a report POSTed to progress-service reaches the parent's ranking in
 * report-service through the outbox and the broker, rolled up as a ratio of sums.
 */
class ReportReachesRankingIT {

    private static final String PROVINCE = "E2E";
    private static final String OTHER_PROVINCE = "E2F";
    private static final String CIRCULAR_PROVINCE = "E2G";
    /** Code → name, in the order the figures of the circular test are given. */
    private static final List<Map.Entry<String, String>> CIRCULAR_COUNTIES = List.of(
            Map.entry("E2G-A", "甲县"), Map.entry("E2G-B", "乙县"), Map.entry("E2G-C", "丙县"));
    private static final String INDICATOR = "e2e.enterprise-filing";
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

    private static RunningSuite suite;
    private static String admin;
    private static String reporter;
    private static String supervisor;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.start();
        admin = suite.tokens().issue("admin", null, "e2e-admin");
        reporter = suite.tokens().issue("reporter", PROVINCE, "reporter@" + PROVINCE);
        supervisor = suite.tokens().issue("supervisor", PROVINCE, "supervisor@" + PROVINCE);
        put(Service.TARGET, "/api/org-units/" + PROVINCE, Map.of("name", "E2E Province"));
        for (String county : List.of("A", "B", "C")) {
            put(Service.TARGET, "/api/org-units/" + PROVINCE + "-" + county,
                    Map.of("name", "County " + county, "parent", PROVINCE));
        }
        // A second province of its own for the access checks, so they cannot disturb the ranking above.
        put(Service.TARGET, "/api/org-units/" + OTHER_PROVINCE, Map.of("name", "Other Province"));
        for (String county : List.of("A", "B")) {
            put(Service.TARGET, "/api/org-units/" + OTHER_PROVINCE + "-" + county,
                    Map.of("name", "County " + county, "parent", OTHER_PROVINCE));
        }
        put(Service.TARGET, "/api/indicators/" + INDICATOR, Map.of("name", "Enterprise annual-report filing rate",
                "unit", "%", "measure", "RATIO", "direction", "HIGHER_IS_BETTER", "group", "e2e", "decimals", 2));
        // A third province whose figures arrive only over Kafka, for the daily circular.
        put(Service.TARGET, "/api/org-units/" + CIRCULAR_PROVINCE, Map.of("name", "试验省"));
        CIRCULAR_COUNTIES.forEach(county -> put(Service.TARGET, "/api/org-units/" + county.getKey(),
                Map.of("name", county.getValue(), "parent", CIRCULAR_PROVINCE)));
        put(Service.TARGET, "/api/targets/" + INDICATOR + "/" + CIRCULAR_PROVINCE + "/" + DAY.getYear(),
                Map.of("value", 100, "milestones", List.of()));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void reportPostedToProgressServiceAppearsInTheParentsRanking() {
        // Reference data reaches progress-service asynchronously: retry until it knows the units.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> postReports(
                List.of(report("E2E-A", DAY.minusYears(1), 40, 100))).statusCode() == 200);
        // The latency printed below is that of a running suite, not of a cold JVM's first ranking query.
        awaitRanking(json -> json.getList("entries").size() == 3);

        long accepted = System.nanoTime();
        postReports(List.of(report("E2E-A", DAY, 50, 100), report("E2E-B", DAY, 30, 300)))
                .then().statusCode(200).body("accepted", equalTo(2));

        JsonPath ranking = awaitRanking(json -> json.getList("entries.findAll { it.rank != null }").size() == 2);
        long visibleMillis = (System.nanoTime() - accepted) / 1_000_000;
        System.out.printf("accepted → visible in ranking: %d ms%n", visibleMillis);

        // (50 + 30) / (100 + 300) = 20%, not the mean of 50% and 10%.
        assertDecimal("20.00", ranking.get("parentValue"));
        assertEquals(List.of("E2E-A", "E2E-B", "E2E-C"), ranking.getList("entries.orgUnit"));
        assertEquals(List.of(1, 2), ranking.getList("entries.rank").subList(0, 2));
        assertNull(ranking.get("entries[2].rank"), "a unit with no data is listed last, unranked");
        assertDecimal("50.00", ranking.get("entries[0].value"));
        assertDecimal("10.00", ranking.get("entries[1].value"));
        assertDecimal("10.00", ranking.get("entries[0].yoyChange")); // 50% against 40% on the same day last year
        assertEquals(Boolean.TRUE, ranking.get("entries[1].belowAverage"));

        // A correction by another reporter supersedes the earlier revision everywhere, also in the roll-up, and the
        // history names both reporters.
        String secondReporter = suite.tokens().issue("reporter", PROVINCE, "second-reporter@" + PROVINCE);
        postReports(List.of(report("E2E-B", DAY, 120, 300)), secondReporter).then().statusCode(200)
                .body("accepted", equalTo(1));
        long corrected = System.nanoTime();
        JsonPath afterCorrection = awaitRanking(json -> decimal(json.get("entries.find { it.orgUnit == 'E2E-B' }.value"))
                .compareTo(new BigDecimal("40")) == 0);
        System.out.printf("correction accepted → visible in ranking: %d ms%n", (System.nanoTime() - corrected) / 1_000_000);
        assertDecimal("42.50", afterCorrection.get("parentValue")); // (50 + 120) / (100 + 300)
        assertEquals(List.of("E2E-A", "E2E-B", "E2E-C"), afterCorrection.getList("entries.orgUnit"));
        given().baseUri(suite.url(Service.PROGRESS)).auth().oauth2(supervisor)
                .queryParam("orgUnit", "E2E-B").queryParam("indicator", INDICATOR).queryParam("date", DAY.toString())
                .get("/api/progress/history").then().statusCode(200)
                .body("revisions.reportedBy", equalTo(List.of("reporter@" + PROVINCE, "second-reporter@" + PROVINCE)));
    }

    @Test
    void reportsFedThroughKafkaMakeTheDailyCircular() throws Exception {
        // this year: (50 + 30 + 80) / (100 + 300 + 100) = 32%; last year: (40 + 20 + 60) / 500 = 24%
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            int[][] figures = { { 50, 100, 40 }, { 30, 300, 20 }, { 80, 100, 60 } };
            List<String> counties = CIRCULAR_COUNTIES.stream().map(Map.Entry::getKey).toList();
            for (int i = 0; i < counties.size(); i++) {
                String county = counties.get(i);
                int[] f = figures[i];
                producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, county, reportJson(county, DAY, f[0], f[1])));
                producer.send(new ProducerRecord<>(Topics.PROGRESS_REPORTED, county,
                        reportJson(county, DAY.minusYears(1), f[2], f[1])));
            }
            producer.flush();
        }

        JsonPath[] briefing = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = circular("json");
            if (response.statusCode() != 200) {
                return false;
            }
            briefing[0] = response.jsonPath();
            Object value = briefing[0].get("headline.find { it.indicator == '" + INDICATOR + "' }.value");
            return value != null && decimal(value).compareTo(new BigDecimal("32")) == 0
                    && decimal(briefing[0].get("headline.find { it.indicator == '" + INDICATOR + "' }.yoyChange")) != null;
        });
        JsonPath json = briefing[0];
        String headline = "headline.find { it.indicator == '" + INDICATOR + "' }";
        assertDecimal("8.00", json.get(headline + ".yoyChange")); // 32% against 24%: up 8 points
        assertEquals(DAY.toString(), json.get("period.from"));
        assertEquals(DAY.toString(), json.get("period.to"));
        String ranking = "rankings.find { it.indicator == '" + INDICATOR + "' }";
        assertDecimal("32.00", json.get(ranking + ".parentValue"));
        assertEquals(List.of("E2G-C", "E2G-A", "E2G-B"), json.getList(ranking + ".entries.orgUnit"),
                () -> "the briefing: " + json.prettify());
        assertEquals(List.of("E2G-B"), json.getList("belowAverage['" + INDICATOR + "'].orgUnit"),
                "乙县 at 10% is the only county below the province's 32%");

        String markdown = circular("markdown").then().statusCode(200).extract().asString();
        System.out.println("daily circular (zh-CN, Markdown) as the e2e sees it:\n" + markdown);
        for (String expected : List.of("试验省", "32.00", "8.00", "甲县", "乙县", "丙县")) {
            assertTrue(markdown.contains(expected), "the circular names " + expected);
        }
        // three counties are all in the top three, but 乙县 lies below the average: it is not commended
        String commendation = markdown.lines().filter(line -> line.contains("予以通报表扬")).findFirst().orElseThrow();
        assertTrue(commendation.contains("丙县") && commendation.contains("甲县") && !commendation.contains("乙县"),
                commendation);
    }

    private static Response circular(String format) {
        return given().baseUri(suite.url(Service.REPORT)).auth().oauth2(admin)
                .queryParam("scope", CIRCULAR_PROVINCE).queryParam("date", DAY.toString())
                .queryParam("lang", "zh-CN").queryParam("format", format).get("/api/briefings/daily");
    }

    private static String reportJson(String orgUnit, LocalDate date, int numerator, int denominator) {
        return "{\"orgUnit\": \"" + orgUnit + "\", \"indicator\": \"" + INDICATOR + "\", \"date\": \"" + date
                + "\", \"numerator\": " + numerator + ", \"denominator\": " + denominator + "}";
    }

    private static BigDecimal decimal(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    private static void assertDecimal(String expected, Object actual) {
        BigDecimal value = decimal(actual);
        if (value == null || value.compareTo(new BigDecimal(expected)) != 0) {
            throw new AssertionError("expected " + expected + " but was " + actual);
        }
    }

    @Test
    void everyServiceTurnsAwayCallersWithoutAValidTokenOrOutsideTheirArea() {
        Map<Service, String> readPaths = Map.of(
                Service.TARGET, "/api/indicators",
                Service.PROGRESS, "/api/progress?orgUnit=E2F-A&indicator=" + INDICATOR,
                Service.REPORT, "/api/rankings?indicator=" + INDICATOR + "&parent=" + OTHER_PROVINCE);
        readPaths.forEach((service, path) -> {
            given().baseUri(suite.url(service)).get(path).then().statusCode(401).contentType("application/problem+json");
            given().baseUri(suite.url(service)).get("/q/health/ready").then().statusCode(200);
        });

        String countyA = suite.tokens().issue("reporter", "E2F-A", "reporter@E2F-A");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> postReports(
                List.of(report("E2F-A", DAY, 1, 10)), countyA).statusCode() == 200);
        postReports(List.of(report("E2F-B", DAY, 1, 10)), countyA).then().statusCode(403)
                .contentType("application/problem+json");
        given().baseUri(suite.url(Service.REPORT)).auth().oauth2(countyA)
                .queryParam("indicator", INDICATOR).queryParam("parent", OTHER_PROVINCE).get("/api/rankings")
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(suite.url(Service.TARGET)).auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("name", "renamed", "parent", OTHER_PROVINCE)).put("/api/org-units/E2F-A")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static JsonPath awaitRanking(java.util.function.Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Response response = given().baseUri(suite.url(Service.REPORT)).auth().oauth2(supervisor)
                    .queryParam("indicator", INDICATOR).queryParam("parent", PROVINCE).queryParam("date", DAY.toString())
                    .get("/api/rankings");
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return condition.test(last[0]);
        });
        return last[0];
    }

    private static Map<String, Object> report(String orgUnit, LocalDate date, int numerator, int denominator) {
        return Map.of("orgUnit", orgUnit, "indicator", INDICATOR, "date", date.toString(),
                "numerator", numerator, "denominator", denominator);
    }

    private static Response postReports(List<Map<String, Object>> reports) {
        return postReports(reports, reporter);
    }

    private static Response postReports(List<Map<String, Object>> reports, String token) {
        return given().baseUri(suite.url(Service.PROGRESS)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(reports).post("/api/progress");
    }

    private static void put(Service service, String path, Map<String, Object> body) {
        given().baseUri(suite.url(service)).auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
