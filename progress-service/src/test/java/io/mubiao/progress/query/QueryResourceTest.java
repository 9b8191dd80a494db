package io.mubiao.progress.query;

import static io.mubiao.progress.Auth.asAdmin;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class QueryResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void seriesGivesTheLatestRevisionOfEachDateWithinTheRange() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);
        LocalDate day = today().minusDays(10);
        asAdmin().contentType(ContentType.JSON).body(List.of(
                report(unit, rate, day, 10), report(unit, rate, day.plusDays(1), 20),
                report(unit, rate, day.plusDays(1), 25), report(unit, rate, day.plusDays(2), 30),
                report(unit, rate, day.plusDays(3), 40)))
                .post("/api/progress").then().statusCode(200).body("accepted", equalTo(5));

        asAdmin().queryParam("orgUnit", unit).queryParam("indicator", rate)
                .queryParam("from", day.plusDays(1).toString()).queryParam("to", day.plusDays(2).toString())
                .get("/api/progress").then().statusCode(200).contentType(ContentType.JSON)
                .body("orgUnit", equalTo(unit)).body("indicator", equalTo(rate))
                .body("from", equalTo(day.plusDays(1).toString())).body("to", equalTo(day.plusDays(2).toString()))
                .body("points.date", contains(day.plusDays(1).toString(), day.plusDays(2).toString()))
                .body("points.value", contains(25, 30))
                .body("points.revision", contains(2, 1));

        asAdmin().queryParam("orgUnit", unit).queryParam("indicator", rate).get("/api/progress")
                .then().statusCode(200).body("points", hasSize(4));
    }

    @Test
    void historyIsEmptyForADateNeverReported() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        asAdmin().queryParam("orgUnit", unit).queryParam("indicator", rate).queryParam("date", "2020-01-01")
                .get("/api/progress/history").then().statusCode(200)
                .body("date", equalTo("2020-01-01")).body("revisions", hasSize(0));
    }

    @Test
    void seriesRequiresOrgUnitAndIndicator() {
        asAdmin().get("/api/progress").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("orgUnit", "indicator"))
                .body("detail", equalTo("orgUnit is required; indicator is required"));
    }

    @Test
    void seriesRejectsDatesThatAreNotDatesOrOutOfOrder() {
        asAdmin().queryParam("orgUnit", "A").queryParam("indicator", "B").queryParam("from", "2026-13-01")
                .get("/api/progress").then().statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("from '2026-13-01' is not a real date written YYYY-MM-DD"));
        asAdmin().queryParam("orgUnit", "A").queryParam("indicator", "B").queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01")
                .get("/api/progress").then().statusCode(400)
                .body("errors[0].message", equalTo("from 2026-02-01 is after to 2026-01-01"));
    }

    @Test
    void historyRequiresTheDate() {
        asAdmin().queryParam("orgUnit", "A").queryParam("indicator", "B").get("/api/progress/history")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("date"));
    }

    @Test
    void unknownOrgUnitIsNotFound() {
        asAdmin().queryParam("orgUnit", "no-such-unit").queryParam("indicator", "B").get("/api/progress")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", equalTo("unknown org unit no-such-unit"));
    }

    private static Map<String, Object> report(String orgUnit, String indicator, LocalDate date, int numerator) {
        return Map.of("orgUnit", orgUnit, "indicator", indicator, "date", date.toString(), "numerator", numerator,
                "denominator", 100);
    }
}
