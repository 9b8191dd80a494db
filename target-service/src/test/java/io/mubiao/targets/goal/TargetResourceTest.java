package io.mubiao.targets.goal;

import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.targets.Auth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TargetResourceTest {

    private String rate;
    private String investment;
    private String growthRate;
    private String province;
    private String cityA;
    private String cityB;

    @BeforeEach
    void referenceData() {
        rate = code("filing-rate");
        investment = code("investment");
        growthRate = code("gdp-growth");
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        indicator(investment, "CUMULATIVE", "HIGHER_IS_BETTER");
        indicator(growthRate, "SNAPSHOT", "HIGHER_IS_BETTER");
        province = code("FJ");
        cityA = code("FZ");
        cityB = code("XM");
        orgUnit(province, null);
        orgUnit(cityB, province);
        orgUnit(cityA, province);
    }

    private static Map<String, Object> milestone(String due, Object value) {
        return Map.of("due", due, "value", value);
    }

    private static final List<Map<String, Object>> COUNTDOWN = List.of(milestone("2026-03-31", 20),
            milestone("2026-04-30", 50), milestone("2026-05-31", 80), milestone("2026-06-30", 100));

    private static Map<String, Object> body(Object value, List<Map<String, Object>> milestones) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        body.put("milestones", milestones);
        return body;
    }

    private static ValidatableResponse put(String indicator, String orgUnit, int year, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body)
                .when().put("/api/targets/{indicator}/{orgUnit}/{year}", indicator, orgUnit, year)
                .then();
    }

    @Test
    void createsWith201WithDefaultsThenReplacesWith200() {
        put(rate, province, 2026, body(100, COUNTDOWN)).statusCode(201)
                .contentType(ContentType.JSON)
                .body("indicator", is(rate))
                .body("orgUnit", is(province))
                .body("year", is(2026))
                .body("kind", is("VALUE"))
                .body("value", is(100))
                .body("start", is(0))
                .body("trajectory", is("LINEAR"))
                .body("milestones.due", contains("2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"))
                .body("milestones.value", contains(20, 50, 80, 100))
                .body("version", is(1))
                .body("changedBy", is(Auth.ADMIN));
        Map<String, Object> replaced = body(100, List.of(milestone("2026-06-30", 90.5)));
        replaced.put("trajectory", "STEP");
        replaced.put("start", 10);
        put(rate, province, 2026, replaced).statusCode(200)
                .body("trajectory", is("STEP"))
                .body("start", is(10))
                .body("milestones", hasSize(1))
                .body("milestones[0].value", is(90.5f))
                .body("version", is(2));
        asAdmin().get("/api/targets/{i}/{o}/{y}", rate, province, 2026).then().statusCode(200)
                .body("milestones", hasSize(1))
                .body("trajectory", is("STEP"));
        put(rate, province, 2026, replaced).statusCode(200).body("version", is(2));
    }

    @Test
    void defaultsToFlatForGrowthTargetsAndSnapshotIndicators() {
        Map<String, Object> growth = body(35, List.of());
        growth.put("kind", "GROWTH");
        put(investment, province, 2026, growth).statusCode(201)
                .body("kind", is("GROWTH"))
                .body("trajectory", is("FLAT"));
        put(growthRate, province, 2026, body(7.5, List.of())).statusCode(201)
                .body("kind", is("VALUE"))
                .body("trajectory", is("FLAT"));
        put(investment, cityA, 2026, body(1200, null)).statusCode(201)
                .body("trajectory", is("LINEAR"))
                .body("milestones", empty());
    }

    @Test
    void unknownIndicatorOrOrgUnitOnThePathIs404() {
        put(code("nothing"), province, 2026, body(100, COUNTDOWN)).statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("indicator"));
        put(rate, code("nowhere"), 2026, body(100, COUNTDOWN)).statusCode(404)
                .body("detail", containsString("org unit"));
    }

    @Test
    void getOfAMissingTargetIs404() {
        asAdmin().get("/api/targets/{i}/{o}/{y}", rate, province, 2031).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void requiresValue() {
        put(rate, province, 2026, body(null, COUNTDOWN)).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("value"));
    }

    @Test
    void rejectsUnknownKindAndTrajectory() {
        Map<String, Object> body = body(100, COUNTDOWN);
        body.put("kind", "PERCENT");
        body.put("trajectory", "CURVE");
        put(rate, province, 2026, body).statusCode(422).body("errors.field", contains("kind", "trajectory"));
    }

    @Test
    void rejectsMilestoneWithoutDueDateNamingItsIndex() {
        put(rate, province, 2026, body(100, List.of(milestone("2026-03-31", 20), Map.of("value", 50)))).statusCode(422)
                .body("errors[0].field", is("milestones[1].due"));
    }

    @Test
    void rejectsDueDatesOutsideTheYear() {
        put(rate, province, 2026, body(100, List.of(milestone("2026-03-31", 20), milestone("2027-01-31", 50))))
                .statusCode(422)
                .body("errors[0].field", is("milestones[1].due"))
                .body("errors[0].message", containsString("outside 2026"));
    }

    @Test
    void rejectsDueDatesThatAreNotStrictlyAscending() {
        put(rate, province, 2026, body(100, List.of(milestone("2026-04-30", 20), milestone("2026-04-30", 50),
                milestone("2026-03-31", 60)))).statusCode(422)
                .body("errors.field", contains("milestones[1].due", "milestones[2].due"));
    }

    @Test
    void rejectsRatioTargetsOutsideZeroToHundred() {
        put(rate, province, 2026, body(120, List.of(milestone("2026-03-31", -5)))).statusCode(422)
                .body("errors.field", contains("value", "milestones[0].value"));
    }

    @Test
    void rejectsFallingMilestonesOfAHigherIsBetterTarget() {
        put(investment, province, 2026, body(500, List.of(milestone("2026-03-31", 300), milestone("2026-06-30", 200),
                milestone("2026-09-30", 600)))).statusCode(422)
                .body("errors.field", contains("milestones[1].value", "value"))
                .body("errors[0].message", containsString("may not fall"));
    }

    @Test
    void allowsFallingMilestonesOfALowerIsBetterTarget() {
        String accidents = code("accidents");
        indicator(accidents, "CUMULATIVE", "LOWER_IS_BETTER");
        put(accidents, province, 2026, body(10, List.of(milestone("2026-06-30", 30), milestone("2026-09-30", 20))))
                .statusCode(201);
    }

    @Test
    void yearEndMilestoneMustEqualTheValue() {
        put(rate, province, 2026, body(100, List.of(milestone("2026-12-31", 90)))).statusCode(422)
                .body("errors[0].field", is("milestones[0].value"));
        put(rate, province, 2026, body(100, List.of(milestone("2026-06-30", 50), milestone("2026-12-31", 100))))
                .statusCode(201);
    }

    @Test
    void listsTargetsOfTheParentsChildrenFilteredByIndicatorAndYear() {
        put(rate, province, 2026, body(100, COUNTDOWN)).statusCode(201);
        put(rate, cityB, 2026, body(100, COUNTDOWN)).statusCode(201);
        put(rate, cityA, 2026, body(90, COUNTDOWN.subList(0, 2))).statusCode(201);
        put(rate, cityA, 2025, body(80, List.of())).statusCode(201);
        put(investment, cityA, 2026, body(1000, List.of())).statusCode(201);

        asAdmin().queryParam("parent", province).queryParam("indicator", rate).queryParam("year", 2026)
                .get("/api/targets").then().statusCode(200)
                .body("orgUnit", contains(cityA, cityB))
                .body("[0].value", is(90))
                .body("[0].milestones", hasSize(2))
                .body("[1].milestones", hasSize(4));
        asAdmin().queryParam("parent", province).get("/api/targets").then().statusCode(200)
                .body("", hasSize(4));
        asAdmin().queryParam("indicator", rate).get("/api/targets").then().statusCode(200)
                .body("orgUnit", contains(province, cityA, cityA, cityB))
                .body("year", contains(2026, 2025, 2026, 2026));
    }

    @Test
    void listingWithUnknownParentOrIndicatorIs422() {
        asAdmin().queryParam("parent", code("nowhere")).get("/api/targets").then().statusCode(422)
                .body("errors[0].field", is("parent"));
        asAdmin().queryParam("indicator", code("nothing")).get("/api/targets").then().statusCode(422)
                .body("errors[0].field", is("indicator"));
        asAdmin().queryParam("year", "soon").get("/api/targets").then().statusCode(422)
                .body("errors[0].field", is("year"));
    }

    @Test
    void rejectsMalformedDateWith400() {
        put(rate, province, 2026, body(100, List.of(milestone("2026-02-30", 20)))).statusCode(400)
                .contentType("application/problem+json");
    }
}
