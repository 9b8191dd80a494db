package io.mubiao.report.scorecard;

import static io.mubiao.report.Auth.as;
import static io.mubiao.report.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.KafkaFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.parsing.Parser;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Scorecards over a read model fed through the real broker. */
@QuarkusTest
class ScorecardResourceTest {

    private static KafkaFeed feed;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void numbersAsDecimals() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    @BeforeEach
    void connect() {
        if (feed == null) {
            feed = new KafkaFeed(json);
        }
    }

    @AfterAll
    static void disconnect() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static ValidatableResponse scorecard(RequestSpecification request, Map<String, String> query) {
        return request.queryParams(query).when().get("/api/scorecard").then();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    private static String cell(int row, String indicator, String field) {
        return "rows[" + row + "].cells.'" + indicator + "'." + field;
    }

    private static String average(String indicator, String field) {
        return "average.cells.'" + indicator + "'." + field;
    }

    /**
     * Scope S with children A and B; in group G a rate (higher is better: A 40% → 50%, B 30% all along; S has
     * a target) and a failure rate (lower is better: A 10% → 20%, B nothing); in another group a third
     * indicator.
     */
    private record Card(String scope, String a, String b, String group, String rate, String failures, String other) {
    }

    private static Card seed() {
        String scope = KafkaFeed.unique("S");
        Card card = new Card(scope, scope + "-A", scope + "-B", KafkaFeed.unique("group"), KafkaFeed.unique("rate"),
                KafkaFeed.unique("failures"), KafkaFeed.unique("other"));
        feed.indicatorInGroup(card.rate(), Measure.RATIO, Direction.HIGHER_IS_BETTER, 2, card.group());
        feed.indicatorInGroup(card.failures(), Measure.RATIO, Direction.LOWER_IS_BETTER, 2, card.group());
        feed.indicatorInGroup(card.other(), Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2, card.group() + "-2");
        feed.unit(scope);
        feed.unit(scope, card.a());
        feed.unit(scope, card.b());
        feed.target(card.rate(), scope, TargetKind.VALUE, "100", null, KafkaFeed.milestone("2026-03-31", "20"),
                KafkaFeed.milestone("2026-04-30", "50"));
        feed.ratio(card.a(), card.rate(), "2026-04-08", 40, 100, 1);
        feed.ratio(card.a(), card.rate(), "2026-04-15", 50, 100, 1);
        feed.ratio(card.b(), card.rate(), "2026-04-01", 30, 100, 1);
        feed.ratio(card.a(), card.failures(), "2026-04-08", 10, 100, 1);
        feed.ratio(card.a(), card.failures(), "2026-04-15", 20, 100, 1);
        feed.value(card.a(), card.other(), "2026-04-15", "7", 1);
        eventually(() -> scorecard(asAdmin(), Map.of("scope", scope, "date", "2026-04-15")).statusCode(200)
                .body(cell(0, card.other(), "value"), equalTo(d("7.00")))
                .body(cell(0, card.failures(), "value"), equalTo(d("20.00")))
                .body(cell(1, card.rate(), "value"), equalTo(d("30.00")))
                .body(average(card.rate(), "status"), equalTo("AHEAD")));
        return card;
    }

    @Test
    void cellsHoldValueStatusAndTrendInTheIndicatorsDirectionWithTheScopesAverageRow() {
        Card card = seed();
        String rate = card.rate(), failures = card.failures();
        scorecard(asAdmin(), Map.of("scope", card.scope(), "date", "2026-04-15", "group", card.group()))
                .statusCode(200)
                .body("scope", equalTo(card.scope()))
                .body("name", equalTo("name of " + card.scope()))
                .body("date", equalTo("2026-04-15"))
                .body("compareWith", equalTo("2026-04-08"))
                .body("group", equalTo(card.group()))
                .body("indicators.code", contains(failures, rate))
                .body("indicators.direction", contains("LOWER_IS_BETTER", "HIGHER_IS_BETTER"))
                .body("indicators[1].unit", equalTo("%"))
                .body("rows.orgUnit", contains(card.a(), card.b()))
                .body("rows[0].name", equalTo("name of " + card.a()))
                .body("rows[0].cells.keySet()", contains(failures, rate))
                .body(cell(0, rate, "value"), equalTo(d("50.00")))
                .body(cell(0, rate, "previous"), equalTo(d("40.00")))
                .body(cell(0, rate, "trend"), equalTo("IMPROVING"))
                .body(cell(0, rate, "status"), equalTo("NO_TARGET"))
                // A higher failure rate is worse.
                .body(cell(0, failures, "value"), equalTo(d("20.00")))
                .body(cell(0, failures, "trend"), equalTo("WORSENING"))
                .body(cell(1, rate, "value"), equalTo(d("30.00")))
                .body(cell(1, rate, "trend"), equalTo("STEADY"))
                .body(cell(1, failures, "value"), nullValue())
                .body(cell(1, failures, "status"), equalTo("NO_DATA"))
                .body(cell(1, failures, "trend"), nullValue())
                .body("average.orgUnit", equalTo(card.scope()))
                // (50 + 30) / 200 now, (40 + 30) / 200 a week before; 40% against 35% expected is ahead.
                .body(average(rate, "value"), equalTo(d("40.00")))
                .body(average(rate, "previous"), equalTo(d("35.00")))
                .body(average(rate, "trend"), equalTo("IMPROVING"))
                .body(average(rate, "status"), equalTo("AHEAD"))
                .body(average(failures, "value"), equalTo(d("20.00")))
                .body(average(failures, "trend"), equalTo("WORSENING"));
    }

    @Test
    void compareWithChoosesTheDateOfTheTrend() {
        Card card = seed();
        scorecard(asAdmin(), Map.of("scope", card.scope(), "date", "2026-04-15", "group", card.group(),
                "compareWith", "2026-04-01")).statusCode(200)
                .body("compareWith", equalTo("2026-04-01"))
                // A had no report on 1 April: no arrow; B's 30% was already there.
                .body(cell(0, card.rate(), "previous"), nullValue())
                .body(cell(0, card.rate(), "trend"), nullValue())
                .body(cell(1, card.rate(), "trend"), equalTo("STEADY"))
                .body(average(card.rate(), "previous"), equalTo(d("30.00")));
        scorecard(asAdmin(), Map.of("scope", card.scope(), "date", "2026-04-15", "compareWith", "2026-04-15"))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("compareWith"));
    }

    @Test
    void withoutAGroupEveryIndicatorIsAColumnAndAnUnknownGroupIsUnprocessable() {
        Card card = seed();
        scorecard(asAdmin(), Map.of("scope", card.scope(), "date", "2026-04-15")).statusCode(200)
                .body("group", nullValue())
                .body("indicators.code", allOf(hasItem(card.rate()), hasItem(card.failures()), hasItem(card.other())));
        scorecard(asAdmin(), Map.of("scope", card.scope(), "date", "2026-04-15", "group", card.group() + "-2"))
                .statusCode(200)
                .body("indicators.code", contains(card.other()))
                .body("rows[0].cells", not(hasKey(card.rate())));
        scorecard(asAdmin(), Map.of("scope", card.scope(), "group", "no-such-group")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("group"))
                .body("detail", containsString(card.group()));
    }

    @Test
    void aDateBeforeAnyDataListsTheChildrenWithNoData() {
        Card card = seed();
        scorecard(asAdmin(), Map.of("scope", card.scope(), "date", "2020-01-01", "group", card.group()))
                .statusCode(200)
                .body("compareWith", equalTo("2019-12-25"))
                .body("rows.orgUnit", contains(card.a(), card.b()))
                .body(cell(0, card.rate(), "value"), nullValue())
                .body(cell(0, card.rate(), "status"), equalTo("NO_DATA"))
                .body(cell(0, card.rate(), "trend"), nullValue())
                .body(average(card.rate(), "value"), nullValue())
                .body(average(card.rate(), "status"), equalTo("NO_DATA"));
    }

    @Test
    void missingOrMalformedParametersAreABadRequestAndAnUnknownScopeNotFound() {
        asAdmin().when().get("/api/scorecard").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("scope"));
        scorecard(asAdmin(), Map.of("scope", "x", "date", "2026-02-30", "compareWith", "yesterday")).statusCode(400)
                .body("errors.field", contains("date", "compareWith"));
        scorecard(asAdmin(), Map.of("scope", "no-such-unit")).statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("org unit no-such-unit is unknown"));
    }

    @Test
    void aSupervisorReadsScopesInsideItsAreaOnly() {
        Card card = seed();
        scorecard(as(Roles.SUPERVISOR, card.scope()), Map.of("scope", card.scope(), "date", "2026-04-15"))
                .statusCode(200);
        scorecard(as(Roles.REPORTER, card.scope()), Map.of("scope", card.a(), "date", "2026-04-15"))
                .statusCode(200).body("rows", hasSize(0));
        scorecard(as(Roles.SUPERVISOR, card.a()), Map.of("scope", card.scope(), "date", "2026-04-15"))
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo(card.scope() + " is outside your area (" + card.a()
                        + " and the units below it)"));
        scorecard(given(), Map.of("scope", card.scope())).statusCode(401);
    }

    @Test
    void openApiDocumentsTheScorecard() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/scorecard'.get.summary",
                        equalTo("The scope's children × indicators, each cell with value, status and trend"))
                .body("paths.'/api/scorecard'.get.responses", allOf(hasKey("200"), hasKey("400"), hasKey("401"),
                        hasKey("403"), hasKey("404"), hasKey("422")))
                .body("paths.'/api/scorecard'.get.security", contains(hasKey("SecurityScheme")));
    }
}
