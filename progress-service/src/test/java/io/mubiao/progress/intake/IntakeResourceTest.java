package io.mubiao.progress.intake;

import static io.mubiao.progress.Auth.asAdmin;
import static io.mubiao.progress.Auth.asReporter;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class IntakeResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void storesSingleRatioReportWithValueAsPercentage() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        asReporter(unit, "zhang.wei").contentType(ContentType.JSON)
                .body(report(unit, rate, today(), "numerator", 5510, "denominator", 10000)).post("/api/progress")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("received", equalTo(1)).body("accepted", equalTo(1))
                .body("duplicates", equalTo(0)).body("rejected", equalTo(0)).body("errors", hasSize(0));

        history(unit, rate, today())
                .body("revisions", hasSize(1))
                .body("revisions[0].value", equalTo(55.1f))
                .body("revisions[0].numerator", equalTo(5510))
                .body("revisions[0].denominator", equalTo(10000))
                .body("revisions[0].revision", equalTo(1))
                .body("revisions[0].reportedBy", equalTo("zhang.wei"))
                .body("revisions[0].eventId", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .body("revisions[0].recordedAt", notNullValue());
    }

    @Test
    void storesCumulativeValueExactly() {
        String unit = code("GL");
        String investment = code("investment");
        seed(unit, investment, Measure.CUMULATIVE);

        post(List.of(report(unit, investment, today(), "value", new BigDecimal("12345678901234.123456"))))
                .statusCode(200).body("accepted", equalTo(1));

        String body = asAdmin().queryParam("orgUnit", unit).queryParam("indicator", investment)
                .get("/api/progress").then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"value\":12345678901234.123456"), body);
    }

    @Test
    void storesValidReportsOfABatchAndIndexesEveryError() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        LocalDate day = today().minusDays(1);

        post(List.of(
                report(unit, rate, day, "numerator", 10, "denominator", 100),
                report(unit, rate, day, "eventId", "bad-1", "numerator", 120, "denominator", 100),
                report(unit, rate, day.minusDays(1), "numerator", 30, "denominator", 100),
                report(unit, "no-such-indicator", day, "value", 3),
                Map.of("orgUnit", unit, "indicator", rate, "numerator", 1, "denominator", 2)))
                .statusCode(207).contentType(ContentType.JSON)
                .body("received", equalTo(5)).body("accepted", equalTo(2))
                .body("duplicates", equalTo(0)).body("rejected", equalTo(3))
                .body("errors.index", contains(1, 3, 4))
                .body("errors.field", contains("numerator", "indicator", "date"))
                .body("errors[0].eventId", equalTo("bad-1"))
                .body("errors[0].message", equalTo("numerator 120 is above denominator 100"))
                .body("errors[1].message", equalTo("unknown indicator no-such-indicator"));

        series(unit, rate).body("points.date", contains(day.minusDays(1).toString(), day.toString()));
    }

    @Test
    void rejectsBatchWhenEveryReportIsInvalidWithProblemCarryingTheSummary() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(List.of(report(unit, rate, today(), "value", 50),
                report(unit, rate, today(), "numerator", 5, "denominator", 0)))
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("status", equalTo(422)).body("title", equalTo("Unprocessable Content"))
                .body("detail", equalTo("all 2 reports were rejected"))
                .body("received", equalTo(2)).body("accepted", equalTo(0)).body("rejected", equalTo(2))
                .body("errors.index", contains(0, 0, 0, 1))
                .body("errors.field", contains("value", "numerator", "denominator", "denominator"))
                .body("errors[0].message", equalTo("indicator " + rate + " is a RATIO: give numerator and denominator, "
                        + "not value (the value is 100 × numerator / denominator)"))
                .body("errors[1].message", equalTo("indicator " + rate + " is a RATIO: give numerator and denominator"))
                .body("errors[3].message", equalTo("denominator 0 must be above 0"));
    }

    @Test
    void rejectsNumeratorAboveDenominator() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(report(unit, rate, today(), "numerator", 101, "denominator", 100))
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("numerator"))
                .body("errors[0].message", equalTo("numerator 101 is above denominator 100"));
    }

    @Test
    void rejectsNumeratorOrDenominatorForACumulativeIndicator() {
        String unit = code("GL");
        String investment = code("investment");
        seed(unit, investment, Measure.CUMULATIVE);

        post(report(unit, investment, today(), "numerator", 1, "denominator", 2))
                .statusCode(422)
                .body("errors.field", contains("value", "numerator", "denominator"))
                .body("errors[0].message", equalTo("indicator " + investment + " is a CUMULATIVE: give value"));
    }

    @Test
    void countsSameEventIdWithSameContentAsDuplicate() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        Map<String, Object> report = report(unit, rate, today(), "eventId", code("ev"), "numerator", 2,
                "denominator", 4, "note", "first");

        post(report).statusCode(200).body("accepted", equalTo(1));
        post(report).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        // the same figures in another notation are the same content
        Map<String, Object> renotated = new HashMap<>(report);
        renotated.put("numerator", 2.0);
        renotated.put("denominator", 4.000);
        post(renotated).statusCode(200).body("duplicates", equalTo(1));

        history(unit, rate, today()).body("revisions", hasSize(1));
    }

    @Test
    void rejectsSameEventIdWithDifferentContent() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String eventId = code("ev");

        post(report(unit, rate, today(), "eventId", eventId, "numerator", 2, "denominator", 4)).statusCode(200);
        post(report(unit, rate, today(), "eventId", eventId, "numerator", 3, "denominator", 4))
                .statusCode(422)
                .body("errors[0].field", equalTo("eventId")).body("errors[0].eventId", equalTo(eventId))
                .body("errors[0].message", startsWith("eventId " + eventId + " was already used for a different report"));

        history(unit, rate, today()).body("revisions", hasSize(1)).body("revisions[0].numerator", equalTo(2));
    }

    @Test
    void storesCorrectionAsNextRevisionAndKeepsTheOldOne() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        LocalDate day = today().minusDays(2);

        post(report(unit, rate, day, "numerator", 40, "denominator", 100)).statusCode(200);
        post(report(unit, rate, day, "numerator", 45, "denominator", 100, "note", "recount")).statusCode(200)
                .body("accepted", equalTo(1));

        history(unit, rate, day)
                .body("revisions.revision", contains(1, 2))
                .body("revisions.value", contains(40, 45))
                .body("revisions[1].note", equalTo("recount"));
        series(unit, rate).body("points", hasSize(1))
                .body("points[0].revision", equalTo(2)).body("points[0].value", equalTo(45));
    }

    @Test
    void countsRepeatOfLatestRevisionWithoutEventIdAsDuplicate() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        Map<String, Object> report = report(unit, rate, today(), "numerator", 7, "denominator", 10);

        post(report).statusCode(200).body("accepted", equalTo(1));
        post(report).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));

        history(unit, rate, today()).body("revisions", hasSize(1));
    }

    @Test
    void goingBackToAnEarlierFigureWithoutEventIdIsACorrection() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(report(unit, rate, today(), "numerator", 7, "denominator", 10)).statusCode(200);
        post(report(unit, rate, today(), "numerator", 8, "denominator", 10)).statusCode(200);
        post(report(unit, rate, today(), "numerator", 7, "denominator", 10)).statusCode(200).body("accepted", equalTo(1));

        history(unit, rate, today()).body("revisions.numerator", contains(7, 8, 7));
    }

    @Test
    void storesNewEventIdRepeatingLatestFigureAsRevision() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(report(unit, rate, today(), "eventId", code("ev"), "numerator", 7, "denominator", 10)).statusCode(200);
        post(report(unit, rate, today(), "eventId", code("ev"), "numerator", 7, "denominator", 10)).statusCode(200)
                .body("accepted", equalTo(1));

        history(unit, rate, today()).body("revisions.revision", contains(1, 2));
    }

    @Test
    void numbersReportsForTheSameDayInOneBatchInOrder() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(List.of(report(unit, rate, today(), "numerator", 1, "denominator", 10),
                report(unit, rate, today(), "numerator", 2, "denominator", 10),
                report(unit, rate, today(), "numerator", 2, "denominator", 10)))
                .statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(1));

        history(unit, rate, today()).body("revisions.numerator", contains(1, 2)).body("revisions.revision", contains(1, 2));
    }

    @Test
    void rejectsDateInTheFuture() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        LocalDate tomorrow = today().plusDays(1);

        post(report(unit, rate, tomorrow, "numerator", 1, "denominator", 2))
                .statusCode(422)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", equalTo("date " + tomorrow + " is in the future: today is " + today()
                        + " (Asia/Shanghai)"));
    }

    @Test
    void rejectsDateThatIsNotARealDay() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(Map.of("orgUnit", unit, "indicator", rate, "date", "2025-02-30", "numerator", 1, "denominator", 2))
                .statusCode(422)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", equalTo("date '2025-02-30' is not a real date written YYYY-MM-DD"));
    }

    @Test
    void rejectsUnknownIndicatorAndOrgUnit() {
        post(report("no-such-unit", "no-such-indicator", today(), "value", 1))
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("orgUnit", "indicator"))
                .body("errors.message", contains("unknown org unit no-such-unit", "unknown indicator no-such-indicator"));
    }

    @Test
    void rejectsNumbersThatDoNotFitOrAreNotNumbers() {
        String unit = code("GL");
        String investment = code("investment");
        seed(unit, investment, Measure.CUMULATIVE);

        post(List.of(report(unit, investment, today(), "value", new BigDecimal("1.1234567")),
                report(unit, investment, today(), "value", new BigDecimal("123456789012345")),
                report(unit, investment, today(), "value", "12")))
                .statusCode(422)
                .body("errors.message", contains("value 1.1234567 has more than 6 decimal places",
                        "value 123456789012345 is too large: at most 14 digits before the decimal point",
                        "value must be a number, not the string '12'"));
    }

    @Test
    void rejectsMalformedJsonWithProblem() {
        asAdmin().contentType(ContentType.JSON).body("[{\"orgUnit\": \"GL\", ").post("/api/progress")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400)).body("detail", startsWith("malformed JSON"));
    }

    @Test
    void rejectsTrailingGarbageAfterTheJson() {
        asAdmin().contentType(ContentType.JSON).body("{} {}").post("/api/progress")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void rejectsEmptyBody() {
        asAdmin().contentType(ContentType.JSON).body("").post("/api/progress")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", startsWith("the body is empty"));
    }

    @Test
    void rejectsBodyThatIsNeitherReportNorArray() {
        asAdmin().contentType(ContentType.JSON).body("42").post("/api/progress")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", equalTo("the body must be a report object or an array of reports"));
    }

    @Test
    void rejectsItemThatIsNotAnObject() {
        post(List.of("a report")).statusCode(422)
                .body("errors[0].index", equalTo(0)).body("errors[0].field", nullValue())
                .body("errors[0].message", equalTo("a report must be a JSON object, not a string"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        asAdmin().contentType(ContentType.TEXT).body("orgUnit,indicator").post("/api/progress")
                .then().statusCode(415).contentType(PROBLEM_JSON);
    }

    @Test
    void rejectsEmptyArray() {
        post(List.of()).statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", containsString("empty"));
    }

    @Test
    void refusesMoreReportsThanOneRequestMayCarry() {
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            reports.add(Map.of("orgUnit", "X", "indicator", "Y", "date", "2025-01-01", "value", i));
        }
        post(reports).statusCode(413).contentType(PROBLEM_JSON)
                .body("detail", equalTo("10001 reports in one request; send at most 10000 per request"));
    }

    @Test
    void storesTenThousandReportsInOneRequest() {
        String unit = code("GL");
        String investment = code("investment");
        seed(unit, investment, Measure.CUMULATIVE);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            reports.add(report(unit, investment, today().minusDays(i), "value", i));
        }

        post(reports).statusCode(200).body("accepted", equalTo(10_000));
        post(reports).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(10_000));

        series(unit, investment).body("points", hasSize(10_000));
    }

    @Test
    void rejectsRatioWithOnlyANumerator() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(report(unit, rate, today(), "numerator", 5))
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("denominator"))
                .body("errors[0].message", equalTo("indicator " + rate + " is a RATIO: give numerator and denominator"));
    }

    @Test
    void rejectsNegativeNumeratorAndDenominator() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(List.of(report(unit, rate, today(), "numerator", -1, "denominator", 100),
                report(unit, rate, today(), "numerator", 1, "denominator", -100)))
                .statusCode(422)
                .body("errors.index", contains(0, 1))
                .body("errors.field", contains("numerator", "denominator"))
                .body("errors.message", contains("numerator -1 is negative", "denominator -100 must be above 0"));
    }

    /** numeric(20,6): a 7th decimal would be rounded away on storing, so it is refused rather than lost. */
    @Test
    void rejectsNumbersInExponentNotationThatDoNotFitNumeric20Scale6() {
        String unit = code("GL");
        String investment = code("investment");
        seed(unit, investment, Measure.CUMULATIVE);
        String day = today().toString();

        asAdmin().contentType(ContentType.JSON).body("""
                [{"orgUnit": "%1$s", "indicator": "%2$s", "date": "%3$s", "value": 1e30},
                 {"orgUnit": "%1$s", "indicator": "%2$s", "date": "%3$s", "value": 1e-9},
                 {"orgUnit": "%1$s", "indicator": "%2$s", "date": "%3$s", "value": 1.5e-5}]""".formatted(unit, investment, day))
                .post("/api/progress").then().statusCode(207)
                .body("accepted", equalTo(1))
                .body("errors.index", contains(0, 1))
                .body("errors.message", contains(
                        "value 1000000000000000000000000000000 is too large: at most 14 digits before the decimal point",
                        "value 0.000000001 has more than 6 decimal places"));
    }

    @Test
    void rejectsFebruaryThirtiethAndAFutureDateTogetherWithTheirIndexAndEventId() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        post(List.of(Map.of("eventId", "feb-30", "orgUnit", unit, "indicator", rate, "date", "2026-02-30",
                        "numerator", 1, "denominator", 2),
                report(unit, rate, today().plusDays(1), "eventId", "tomorrow", "numerator", 1, "denominator", 2)))
                .statusCode(422)
                .body("errors.index", contains(0, 1))
                .body("errors.eventId", contains("feb-30", "tomorrow"))
                .body("errors.field", contains("date", "date"))
                .body("errors[0].message", equalTo("date '2026-02-30' is not a real date written YYYY-MM-DD"));
    }

    @Test
    void refusesABodyOverTenMegabytesWithProblem() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';

        asAdmin().contentType(ContentType.JSON).body(body).post("/api/progress")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413)).body("title", equalTo("Content Too Large"))
                .body("detail", equalTo("the body is larger than 10 MB (10485760 bytes); send the reports in "
                        + "several requests of at most 10000"));
    }

    /** Whatever is wrong with the input, the answer is a 4xx problem document, never a 500. */
    @Test
    void neverAnswersBadInputWithA500() {
        String unit = code("GL");
        String investment = code("investment");
        seed(unit, investment, Measure.CUMULATIVE);
        String known = "\"orgUnit\": \"" + unit + "\", \"indicator\": \"" + investment + "\", \"date\": \""
                + today() + "\"";
        List<String> bodies = List.of(
                "{" + known + ", \"value\": 1, \"note\": \"a\\u0000b\"}",
                "{" + known + ", \"value\": 1, \"eventId\": \"\\u0000\"}",
                "{" + known + ", \"value\": 1e9999999999}",
                "{" + known + ", \"value\": " + "9".repeat(5000) + "}",
                "null", "[null]", "[[]]", "[1, \"a\", true]", "{\"orgUnit\": {}}",
                "{\"orgUnit\": 5, \"indicator\": [], \"date\": 20260415, \"value\": {}}",
                "{\"orgUnit\": \"" + "x".repeat(10_000) + "\", \"indicator\": \"y\", \"date\": \"2026-04-15\"}",
                "{\"orgUnit\": \"GL\", \"indicator\": \"y\", \"date\": \"+999999999-12-31\"}",
                "{\"orgUnit\": \"GL\", \"indicator\": \"y\", \"date\": \"0000-01-01\", \"value\": 1e999999}",
                "{\"orgUnit\": \"GL\", \"indicator\": \"y\", \"date\": \"2026-04-15\", \"value\": -1e-999999}",
                "{\"orgUnit\": \"G\\u0000L\", \"indicator\": \"y\", \"date\": \"2026-04-15\", \"note\": \"\\u0000\"}",
                "[" + "[".repeat(2000) + "]".repeat(2000) + "]",
                "{\"orgUnit\": \"GL\" \"x\"}", "\uFEFF{}", "");
        for (String body : bodies) {
            var response = asAdmin().contentType(ContentType.JSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/progress");
            String shown = body.length() > 80 ? body.substring(0, 80) + "…" : body;
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    shown + " → " + response.statusCode() + " " + response.asString());
            assertEquals(PROBLEM_JSON, response.contentType().split(";")[0], shown);
        }
    }

    @Test
    void dryRunStoresNothing() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        asAdmin().contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(report(unit, rate, today().minusDays(3), "numerator", 1, "denominator", 2))
                .post("/api/progress").then().statusCode(200).body("accepted", equalTo(1));

        series(unit, rate).body("points", hasSize(0));
    }

    @Test
    void concurrentReportsForTheSameDayGetDistinctRevisions() throws Exception {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 1; i <= requests; i++) {
                Map<String, Object> report = report(unit, rate, today(), "numerator", i, "denominator", 100);
                posts.add(() -> asAdmin().contentType(ContentType.JSON).body(report).post("/api/progress").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        history(unit, rate, today()).body("revisions.revision", contains(1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void concurrentRetriesOfOneReportStoreItOnce() throws Exception {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        Map<String, Object> report = report(unit, rate, today(), "eventId", code("ev"), "numerator", 1,
                "denominator", 4);

        List<String> summaries = postConcurrently(List.of(report, report, report, report, report, report));

        assertEquals(1, summaries.stream().filter(summary -> summary.contains("\"accepted\":1")).count(), summaries::toString);
        assertEquals(5, summaries.stream().filter(summary -> summary.contains("\"duplicates\":1")).count(), summaries::toString);
        history(unit, rate, today()).body("revisions", hasSize(1));
    }

    @Test
    void racingRequestsReusingOneEventIdForDifferentDaysStoreOnlyOne() throws Exception {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        String eventId = code("ev");
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reports.add(report(unit, rate, today().minusDays(i), "eventId", eventId, "numerator", 1, "denominator", 4));
        }

        List<String> summaries = postConcurrently(reports);

        assertEquals(1, summaries.stream().filter(summary -> summary.startsWith("200")).count(), summaries::toString);
        assertEquals(5, summaries.stream().filter(summary -> summary.startsWith("422")
                && summary.contains("was already used for a different report")).count(), summaries::toString);
        series(unit, rate).body("points", hasSize(1));
    }

    /** Posts each body from its own thread at once; answers "status body" per request. */
    private static List<String> postConcurrently(List<Map<String, Object>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                posts.add(() -> {
                    var response = asAdmin().contentType(ContentType.JSON).body(body).post("/api/progress");
                    return response.statusCode() + " " + response.asString();
                });
            }
            List<String> results = new ArrayList<>();
            for (Future<String> result : pool.invokeAll(posts)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Object> report(String orgUnit, String indicator, LocalDate date, Object... fields) {
        Map<String, Object> report = new HashMap<>();
        report.put("orgUnit", orgUnit);
        report.put("indicator", indicator);
        report.put("date", date.toString());
        for (int i = 0; i < fields.length; i += 2) {
            report.put((String) fields[i], fields[i + 1]);
        }
        return report;
    }

    static ValidatableResponse post(Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/progress").then();
    }

    static ValidatableResponse history(String orgUnit, String indicator, LocalDate date) {
        return asAdmin().queryParam("orgUnit", orgUnit).queryParam("indicator", indicator)
                .queryParam("date", date.toString()).get("/api/progress/history").then().statusCode(200);
    }

    static ValidatableResponse series(String orgUnit, String indicator) {
        return asAdmin().queryParam("orgUnit", orgUnit).queryParam("indicator", indicator).get("/api/progress")
                .then().statusCode(200);
    }
}
