package io.mubiao.progress.query;

import static io.mubiao.progress.Auth.as;
import static io.mubiao.progress.Auth.asAdmin;
import static io.mubiao.progress.Auth.asReporter;
import static io.mubiao.progress.Auth.asSupervisor;
import static io.mubiao.progress.ReferenceData.awaitAccepted;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.publishIndicator;
import static io.mubiao.progress.ReferenceData.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;
import io.mubiao.progress.OrgTree;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * GET /api/reporting-status on the {@link OrgTree}: province ─ city (county, otherCounty), otherCity
 * (otherCitysCounty).
 */
@QuarkusTest
class ReportingStatusTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void countsAChildAsReportedWhenItOrAUnitBelowItReportedThatDay() {
        OrgTree tree = OrgTree.seed();
        LocalDate day = today().minusDays(1);
        post(tree.report(tree.county(), day, 5));

        status(asAdmin(), tree.province(), day, null).statusCode(200).contentType(ContentType.JSON)
                .body("parent", equalTo(tree.province())).body("date", equalTo(day.toString()))
                .body("indicator", nullValue())
                .body("reported", equalTo(1)).body("of", equalTo(2))
                .body("children.orgUnit", contains(sorted(tree.city(), tree.otherCity())))
                .body(child(tree.city()) + ".reported", equalTo(true))
                .body(child(tree.city()) + ".lastReportDate", equalTo(day.toString()))
                .body(child(tree.city()) + ".units", equalTo(3))
                .body(child(tree.city()) + ".reportedUnits", equalTo(1))
                .body(child(tree.city()) + ".name", equalTo("unit " + tree.city()))
                .body(child(tree.city()) + ".kind", equalTo("region"))
                .body(child(tree.otherCity()) + ".reported", equalTo(false))
                .body(child(tree.otherCity()) + ".lastReportDate", nullValue())
                .body(child(tree.otherCity()) + ".units", equalTo(2))
                .body(child(tree.otherCity()) + ".reportedUnits", equalTo(0));

        status(asAdmin(), tree.city(), day, null).statusCode(200)
                .body("reported", equalTo(1)).body("of", equalTo(2))
                .body(child(tree.county()) + ".reported", equalTo(true))
                .body(child(tree.otherCounty()) + ".reported", equalTo(false));
    }

    @Test
    void aRejectedFirstReportLeavesItsDayUnreported() {
        // Intake first tries to insert the report as new; its reused eventId makes that collide, and the retry
        // refuses it: nothing of the attempt may count as a report of its day.
        OrgTree tree = OrgTree.seed();
        LocalDate day = today().minusDays(2);
        Map<String, Object> first = new HashMap<>(tree.report(tree.county(), day.minusDays(1), 5));
        first.put("eventId", code("ev"));
        post(first);
        Map<String, Object> reused = new HashMap<>(tree.report(tree.county(), day, 6));
        reused.put("eventId", first.get("eventId"));
        asAdmin().contentType(ContentType.JSON).body(List.of(reused)).post("/api/progress").then().statusCode(422)
                .body("errors[0].field", equalTo("eventId"));

        status(asAdmin(), tree.city(), day, null).statusCode(200)
                .body(child(tree.county()) + ".reported", equalTo(false))
                .body(child(tree.county()) + ".lastReportDate", equalTo(day.minusDays(1).toString()));
    }

    @Test
    void givesTheLatestReportDateOnOrBeforeTheDay() {
        OrgTree tree = OrgTree.seed();
        LocalDate day = today().minusDays(5);
        post(tree.report(tree.otherCitysCounty(), day.minusDays(3), 1));
        post(tree.report(tree.otherCity(), day.minusDays(1), 1));
        post(tree.report(tree.otherCitysCounty(), day.plusDays(2), 1));

        status(asAdmin(), tree.province(), day, null).statusCode(200)
                .body("reported", equalTo(0))
                .body(child(tree.otherCity()) + ".reported", equalTo(false))
                .body(child(tree.otherCity()) + ".lastReportDate", equalTo(day.minusDays(1).toString()));
        status(asAdmin(), tree.otherCity(), day, null).statusCode(200)
                .body(child(tree.otherCitysCounty()) + ".lastReportDate", equalTo(day.minusDays(3).toString()));
        status(asAdmin(), tree.province(), day.plusDays(2), null).statusCode(200)
                .body(child(tree.otherCity()) + ".reported", equalTo(true))
                .body(child(tree.otherCity()) + ".lastReportDate", equalTo(day.plusDays(2).toString()));
    }

    @Test
    void countsOnlyTheIndicatorAskedAbout() {
        OrgTree tree = OrgTree.seed();
        String investment = code("investment");
        publishIndicator(investment, Measure.CUMULATIVE);
        Map<String, Object> report = Map.of("orgUnit", tree.county(), "indicator", investment, "date",
                today().toString(), "value", 12);
        awaitAccepted(report);
        post(report);

        status(asAdmin(), tree.city(), today(), investment).statusCode(200)
                .body("indicator", equalTo(investment))
                .body("reported", equalTo(1)).body(child(tree.county()) + ".reported", equalTo(true));
        status(asAdmin(), tree.city(), today(), tree.rate()).statusCode(200)
                .body("indicator", equalTo(tree.rate()))
                .body("reported", equalTo(0)).body(child(tree.county()) + ".lastReportDate", nullValue());
        status(asAdmin(), tree.city(), today(), null).statusCode(200).body("reported", equalTo(1));
    }

    @Test
    void defaultsTheDateToTodayInTheServicesTimeZone() {
        OrgTree tree = OrgTree.seed();
        post(tree.report(tree.otherCounty(), today(), 3));

        asAdmin().queryParam("parent", tree.city()).get("/api/reporting-status").then().statusCode(200)
                .body("date", equalTo(today().toString()))
                .body(child(tree.otherCounty()) + ".reported", equalTo(true));
    }

    @Test
    void answersAnEmptyListForAUnitWithoutChildren() {
        OrgTree tree = OrgTree.seed();

        status(asAdmin(), tree.county(), today(), null).statusCode(200)
                .body("reported", equalTo(0)).body("of", equalTo(0)).body("children", hasSize(0));
    }

    @Test
    void refusesAnUnknownParentWith404() {
        status(asAdmin(), "no-such-unit", today(), null).statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", equalTo("unknown org unit no-such-unit"));
    }

    @Test
    void refusesAnUnknownIndicatorWith422() {
        OrgTree tree = OrgTree.seed();

        status(asAdmin(), tree.city(), today(), "no-such-indicator").statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", equalTo("unknown indicator no-such-indicator"))
                .body("errors[0].field", equalTo("indicator"));
    }

    @Test
    void refusesBadParametersWith400() {
        asAdmin().queryParam("parent", "FJ").queryParam("date", "2026-02-30").get("/api/reporting-status")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("date"))
                .body("detail", equalTo("date '2026-02-30' is not a real date written YYYY-MM-DD"));
        asAdmin().queryParam("date", "yesterday").queryParam("indicator", "a b").get("/api/reporting-status")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("parent", "indicator", "date"));
    }

    // --- access: as GET /api/progress ---

    @Test
    void supervisorsAndReportersAskInsideTheirAreaOnly() {
        OrgTree tree = OrgTree.seed();

        status(asSupervisor(tree.city()), tree.city(), today(), null).statusCode(200).body("of", equalTo(2));
        status(asReporter(tree.city(), "zhang.wei"), tree.city(), today(), null).statusCode(200);
        status(asReporter(tree.county(), "li.na"), tree.county(), today(), null).statusCode(200);

        status(asSupervisor(tree.city()), tree.province(), today(), null).statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", equalTo(OrgTree.outside(tree.province(), tree.city())));
        status(asReporter(tree.county(), "li.na"), tree.city(), today(), null).statusCode(403);
        status(asReporter(tree.city(), "zhang.wei"), tree.otherCity(), today(), null).statusCode(403);
        status(asAdmin(), tree.province(), today(), null).statusCode(200);
    }

    @Test
    void refusesCallersWithoutTokenOrRole() {
        OrgTree tree = OrgTree.seed();

        status(given(), tree.city(), today(), null).statusCode(401).contentType(PROBLEM_JSON);
        status(as("guest", tree.city(), "guest"), tree.city(), today(), null).statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", equalTo("your role may not do this"));
        // an unknown parent is a 404 whoever asks, before the area is looked at
        status(asSupervisor(tree.city()), "no-such-unit", today(), null).statusCode(404);
    }

    private static ValidatableResponse status(RequestSpecification request, String parent, LocalDate date,
            String indicator) {
        request.queryParam("parent", parent).queryParam("date", date.toString());
        if (indicator != null) {
            request.queryParam("indicator", indicator);
        }
        return request.get("/api/reporting-status").then();
    }

    private static void post(Map<String, Object> report) {
        asAdmin().contentType(ContentType.JSON).body(List.of(report)).post("/api/progress").then().statusCode(200)
                .body("accepted", equalTo(1));
    }

    /** The GPath of the child with code {@code code}. */
    private static String child(String code) {
        return "children.find { it.orgUnit == '" + code + "' }";
    }

    private static String[] sorted(String... codes) {
        return java.util.Arrays.stream(codes).sorted().toArray(String[]::new);
    }
}
