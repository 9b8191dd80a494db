package io.mubiao.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mubiao.e2e.RunningSuite.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A consumer that starts with nothing rebuilds its whole copy from the topics: progress-service and
 * report-service are stopped, their schemas dropped (as a new database or a restored backup would leave
 * them) while their consumer groups keep the committed offsets, and started again. Flyway recreates empty
 * schemas, and both services must read the topics again from the beginning: afterwards report-service
 * ranks the same units against the same targets with the same values, and progress-service accepts a report
 * for a unit that was created before the restart.
 */
class ReferenceCopyRebuildsIT {

    private static final String PROVINCE = "RBP";
    private static final List<String> COUNTIES = List.of("RBP-A", "RBP-B", "RBP-C");
    private static final String INDICATOR = "rebuild.filing-rate";
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    private static final int YEAR = DAY.getYear();

    private static RunningSuite suite;
    private static String admin;
    private static String reporter;
    private static String supervisor;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.start();
        admin = suite.tokens().issue("admin", null, "rebuild-admin");
        reporter = suite.tokens().issue("reporter", PROVINCE, "reporter@" + PROVINCE);
        supervisor = suite.tokens().issue("supervisor", PROVINCE, "supervisor@" + PROVINCE);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void progressAndReportServiceRebuildTheirCopiesFromKafkaWhenTheirSchemasAreEmpty() throws Exception {
        put("/api/org-units/" + PROVINCE, Map.of("name", "Rebuild Province"));
        for (String county : COUNTIES) {
            put("/api/org-units/" + county, Map.of("name", "County " + county, "parent", PROVINCE));
        }
        put("/api/indicators/" + INDICATOR, Map.of("name", "Filing rate", "unit", "%", "measure", "RATIO",
                "direction", "HIGHER_IS_BETTER", "decimals", 2));
        int targetValue = 90;
        for (String county : COUNTIES) {
            put("/api/targets/" + INDICATOR + "/" + county + "/" + YEAR, Map.of("value", targetValue,
                    "milestones", List.of(Map.of("due", YEAR + "-06-30", "value", targetValue - 40),
                            Map.of("due", YEAR + "-12-31", "value", targetValue))));
            targetValue -= 10;
        }

        // Before: progress-service knows the units, report-service ranks them against their targets.
        awaitAccepted(List.of(report("RBP-A", 60, 100), report("RBP-B", 30, 100)));
        JsonPath before = awaitRanking(json -> json.getList("entries").size() == 3
                && json.getList("entries.findAll { it.milestone != null }").size() == 3
                && json.getList("entries.findAll { it.rank != null }").size() == 2);
        assertEquals(COUNTIES.stream().sorted().toList(),
                before.getList("entries.orgUnit", String.class).stream().sorted().toList());

        // Empty both copies while the consumer groups keep their offsets.
        suite.stop(Service.REPORT);
        suite.stop(Service.PROGRESS);
        try (Connection connection = suite.connectToDatabase(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema report cascade");
            statement.execute("drop schema progress cascade");
        }
        long reportLog = Files.size(suite.log(Service.REPORT));
        long progressLog = Files.size(suite.log(Service.PROGRESS));
        suite.start(Service.PROGRESS, Service.REPORT);

        // After: the same ranking (units, values, targets: expected value and milestone) from the rebuilt read model.
        JsonPath after = awaitRanking(json -> json.getList("entries").equals(before.getList("entries")));
        assertEquals(before.getString("parentValue"), after.getString("parentValue"));
        for (int i = 0; i < 3; i++) {
            assertNotNull(after.get("entries[" + i + "].milestone"), "target of " + after.get("entries[" + i + "].orgUnit"));
            assertNotNull(after.get("entries[" + i + "].expected"));
        }

        // progress-service rebuilt its org units and indicators: a report for a unit created before the restart is accepted.
        awaitAccepted(List.of(report("RBP-C", 45, 100)));
        JsonPath withC = awaitRanking(json -> json.getList("entries.findAll { it.rank != null }").size() == 3);
        assertEquals("RBP-C", withC.getString("entries.find { it.rank == 2 }.orgUnit"));

        assertTrue(logSince(Service.REPORT, reportLog).contains(
                "rebuilding the copy from the beginning of topic reference.targets"), "report-service says it rebuilds");
        assertTrue(logSince(Service.PROGRESS, progressLog).contains(
                "rebuilding the copy from the beginning of topic reference.org-units"), "progress-service says it rebuilds");
    }

    private static String logSince(Service service, long offset) throws IOException {
        byte[] log = Files.readAllBytes(suite.log(service));
        return new String(log, (int) offset, log.length - (int) offset, StandardCharsets.UTF_8);
    }

    /** Retries while progress-service does not know the units yet (its copy fills asynchronously). */
    private static void awaitAccepted(List<Map<String, Object>> reports) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .baseUri(suite.url(Service.PROGRESS)).auth().oauth2(reporter).contentType(ContentType.JSON)
                .body(reports).post("/api/progress").statusCode() == 200);
    }

    private static JsonPath awaitRanking(Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
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

    private static Map<String, Object> report(String orgUnit, int numerator, int denominator) {
        return Map.of("orgUnit", orgUnit, "indicator", INDICATOR, "date", DAY.toString(),
                "numerator", numerator, "denominator", denominator);
    }

    private static void put(String path, Map<String, Object> body) {
        given().baseUri(suite.url(Service.TARGET)).auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put(path).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
