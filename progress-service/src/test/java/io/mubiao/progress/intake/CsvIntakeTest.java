package io.mubiao.progress.intake;

import static io.mubiao.progress.Auth.asAdmin;
import static io.mubiao.progress.Auth.asReporter;
import static io.mubiao.progress.Auth.asSupervisor;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static io.mubiao.progress.intake.IntakeResourceTest.history;
import static io.mubiao.progress.intake.IntakeResourceTest.report;
import static io.mubiao.progress.intake.IntakeResourceTest.series;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;
import io.mubiao.progress.OrgTree;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** POST /api/progress with a text/csv body: read as the same reports in JSON would be, and answered alike. */
@QuarkusTest
class CsvIntakeTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    @Test
    void storesRowsOfASpreadsheetExportWithByteOrderMarkAndCrlf() {
        String unit = code("GL");
        String rate = code("rate");
        String investment = code("investment");
        seed(unit, rate, Measure.RATIO);
        seed(unit, investment, Measure.CUMULATIVE);
        LocalDate day = today().minusDays(1);
        String csv = "\uFEFFnote,Date,orgUnit,indicator,value,numerator,denominator\r\n"
                + "\"as of 17:00, \"\"provisional\"\"\"," + day + "," + unit + "," + rate + ",,5510,10000\r\n"
                + "," + day + "," + unit + "," + investment + ",1250.5,,\r\n";

        // no charset parameter at all: UTF-8 is the default
        asAdmin().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/progress")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("received", equalTo(2)).body("accepted", equalTo(2)).body("errors", hasSize(0));

        history(unit, rate, day).body("revisions[0].value", equalTo(55.1f))
                .body("revisions[0].numerator", equalTo(5510))
                .body("revisions[0].note", equalTo("as of 17:00, \"provisional\""))
                .body("revisions[0].reportedBy", equalTo("admin"));
        history(unit, investment, day).body("revisions[0].value", equalTo(1250.5f));
    }

    @Test
    void answersEveryRowErrorExactlyAsForTheSameReportsInJson() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        LocalDate day = today().minusDays(2);
        LocalDate tomorrow = today().plusDays(1);
        String csv = """
                eventId,orgUnit,indicator,date,value,numerator,denominator
                ,%1$s,%2$s,%3$s,,10,100
                bad-1,%1$s,%2$s,%3$s,,120,100
                ,%1$s,%2$s,%3$s,,abc,100
                ,%1$s,no-such-indicator,%3$s,3,,
                ,%1$s,%2$s,2026-02-30,,1,2
                ,%1$s,%2$s,%4$s,,1e30,1e-9
                ,%1$s,%2$s,%3$s,50,,
                """.formatted(unit, rate, day, tomorrow);
        List<Map<String, Object>> json = List.of(
                report(unit, rate, day, "numerator", 10, "denominator", 100),
                report(unit, rate, day, "eventId", "bad-1", "numerator", 120, "denominator", 100),
                report(unit, rate, day, "numerator", "abc", "denominator", 100),
                report(unit, "no-such-indicator", day, "value", 3),
                Map.of("orgUnit", unit, "indicator", rate, "date", "2026-02-30", "numerator", 1, "denominator", 2),
                report(unit, rate, tomorrow, "numerator", new java.math.BigDecimal("1e30"),
                        "denominator", new java.math.BigDecimal("1e-9")),
                report(unit, rate, day, "value", 50));

        String fromCsv = csv(asAdmin(), csv).queryParam("dryRun", true).post("/api/progress")
                .then().statusCode(207).contentType(ContentType.JSON)
                .body("received", equalTo(7)).body("accepted", equalTo(1)).body("rejected", equalTo(6))
                .body("errors.index", contains(1, 2, 3, 4, 5, 5, 5, 6, 6, 6))
                .body("errors.field", contains("numerator", "numerator", "indicator", "date", "date", "numerator",
                        "denominator", "value", "numerator", "denominator"))
                .body("errors[0].eventId", equalTo("bad-1"))
                .body("errors[1].message", equalTo("numerator must be a number, not the string 'abc'"))
                .body("errors[3].message", equalTo("date '2026-02-30' is not a real date written YYYY-MM-DD"))
                .body("errors[5].message", equalTo("numerator 1000000000000000000000000000000 is too large: at most 14 "
                        + "digits before the decimal point"))
                .body("errors[6].message", equalTo("denominator 0.000000001 has more than 6 decimal places"))
                .extract().asString();
        String fromJson = asAdmin().contentType(ContentType.JSON).body(json).queryParam("dryRun", true)
                .post("/api/progress").then().statusCode(207).extract().asString();

        assertEquals(JsonPath.from(fromJson).getMap(""), JsonPath.from(fromCsv).getMap(""));
        series(unit, rate).body("points", hasSize(0));
    }

    @Test
    void refusesAnUnknownColumnNamingIt() {
        csv(asAdmin(), "orgUnit,indicator,date,rate\nGL,x,2026-04-15,5\n").post("/api/progress")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", startsWith("unknown column 'rate' in the header (line 1)"))
                .body("errors[0].field", equalTo("header"));
    }

    @Test
    void refusesBrokenQuotingWithTheLine() {
        csv(asAdmin(), "orgUnit,indicator,date,note\nGL,x,2026-04-15,\"a\"b\n").post("/api/progress")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", startsWith("malformed CSV: "))
                .body("detail", org.hamcrest.Matchers.endsWith("(line 2)"));
    }

    @Test
    void refusesAnEmptyCsvWithoutHeader() {
        csv(asAdmin(), "").post("/api/progress").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("header"));
    }

    @Test
    void refusesAHeaderWithoutRowsLikeAnEmptyArray() {
        csv(asAdmin(), "orgUnit,indicator,date,value\n").post("/api/progress")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", equalTo("the CSV has a header but no reports: send at least one row below it"));
    }

    @Test
    void refusesACharsetOtherThanUtf8() {
        asAdmin().contentType("text/csv; charset=GBK").body("orgUnit,indicator,date\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/progress").then().statusCode(415).contentType(PROBLEM_JSON)
                .body("detail", equalTo("charset GBK is not supported: send the CSV as UTF-8"));
    }

    @Test
    void refusesMoreRowsThanOneRequestMayCarry() {
        StringBuilder csv = new StringBuilder("orgUnit,indicator,date,value\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append("X,Y,2025-01-01,").append(i).append('\n');
        }
        csv(asAdmin(), csv.toString()).post("/api/progress").then().statusCode(413).contentType(PROBLEM_JSON)
                .body("detail", equalTo("10001 reports in one request; send at most 10000 per request"));
    }

    @Test
    void refusesACsvOverTenMegabytesWithProblem() {
        byte[] header = "orgUnit,indicator,date,value,note\n".getBytes(StandardCharsets.UTF_8);
        byte[] rows = repeat("GL,rate,2025-01-01,1," + "n".repeat(1000) + "\n", 10_500);
        byte[] body = new byte[header.length + rows.length];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(rows, 0, body, header.length, rows.length);

        asAdmin().contentType(CSV_UTF8).body(body).post("/api/progress")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("title", equalTo("Content Too Large")).body("detail", startsWith("the body is larger than 10 MB"));
    }

    /** Whatever is wrong with a CSV, the answer is a 4xx problem document, never a 500. */
    @Test
    void neverAnswersABadCsvWithA500() {
        List<String> bodies = List.of("orgUnit,indicator,date\nG\u0000L,y,2026-04-15\n",
                "orgUnit,indicator,date,note\nGL,y,2026-04-15,\"\u0000\"\n",
                "orgUnit,indicator,date,value\nGL,y,2026-04-15,1e9999999999\n",
                "orgUnit,indicator,date,value\nGL,y,2026-04-15," + "9".repeat(5000) + "\n",
                "orgUnit,indicator,date\n\"\n", "\"", ",,,\n,,,\n", "orgUnit,indicator,date\n,,,\n",
                "orgUnit,indicator,date" + ",note".repeat(10_000) + "\n",
                "orgUnit;indicator;date\nGL;y;2026-04-15\n");
        for (String body : bodies) {
            var response = csv(asAdmin(), body).post("/api/progress");
            String shown = body.length() > 80 ? body.substring(0, 80) + "…" : body;
            org.junit.jupiter.api.Assertions.assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    shown + " → " + response.statusCode() + " " + response.asString());
            assertEquals(PROBLEM_JSON, response.contentType().split(";")[0], shown);
        }
    }

    @Test
    void dryRunValidatesAndStoresNothing() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        csv(asAdmin(), "orgUnit,indicator,date,numerator,denominator\n" + unit + "," + rate + ","
                + today().minusDays(3) + ",1,2\n").queryParam("dryRun", true).post("/api/progress")
                .then().statusCode(200).body("accepted", equalTo(1));

        series(unit, rate).body("points", hasSize(0));
    }

    @Test
    void appliesTheSameAccessRulesAsJson() {
        OrgTree tree = OrgTree.seed();
        String header = "orgUnit,indicator,date,numerator,denominator\n";
        String county = tree.county() + "," + tree.rate() + "," + today() + ",1,2\n";
        String otherCitys = tree.otherCitysCounty() + "," + tree.rate() + "," + today() + ",1,2\n";

        csv(asReporter(tree.city(), "zhang.wei"), header + county + otherCitys).post("/api/progress")
                .then().statusCode(207).body("accepted", equalTo(1))
                .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].message", equalTo(OrgTree.outside(tree.otherCitysCounty(), tree.city())));
        csv(asReporter(tree.city(), "zhang.wei"), header + otherCitys).post("/api/progress")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("rejected", equalTo(1));
        csv(asSupervisor(tree.province()), header + county).post("/api/progress")
                .then().statusCode(403).contentType(PROBLEM_JSON).body("detail", equalTo("your role may not do this"));
        csv(RestAssured.given(), header + county).post("/api/progress").then().statusCode(401);

        history(tree.county(), tree.rate(), today()).body("revisions.reportedBy", contains("zhang.wei"));
    }

    static RequestSpecification csv(RequestSpecification request, String body) {
        return request.contentType(CSV_UTF8).body(body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] repeat(String line, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < times; i++) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
