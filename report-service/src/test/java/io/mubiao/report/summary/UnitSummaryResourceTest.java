package io.mubiao.report.summary;

import static io.mubiao.report.Auth.as;
import static io.mubiao.report.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

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

/** Unit summaries over a read model fed through the real broker. */
@QuarkusTest
class UnitSummaryResourceTest {

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

    private static ValidatableResponse summary(RequestSpecification request, String orgUnit, String date) {
        if (date != null) {
            request = request.queryParam("date", date);
        }
        return request.when().get("/api/units/{orgUnit}/summary", orgUnit).then();
    }

    /** The GPath of one indicator's item: the read model holds every other test's indicators too. */
    private static String item(String indicator, String field) {
        return "indicators.find { it.indicator == '" + indicator + "' }." + field;
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    /**
     * Province P with regions A, B, C and an industrial zone Z; a rate (A 50%, B 30%, Z 90%, C nothing, B had
     * 25% a year ago, B has a target) and an investment total (B only: 120 against 100 a year ago).
     */
    private record Tree(String province, String a, String b, String c, String zone, String rate, String investment) {
    }

    private static Tree seed() {
        String province = KafkaFeed.unique("P");
        Tree tree = new Tree(province, province + "-A", province + "-B", province + "-C", province + "-Z",
                KafkaFeed.unique("rate"), KafkaFeed.unique("investment"));
        feed.indicator(tree.rate(), Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.indicator(tree.investment(), Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(province);
        feed.unit(province, tree.a());
        feed.unit(province, tree.b());
        feed.unit(province, tree.c());
        feed.unitOfKind("industrial-zone", province, tree.zone());
        feed.target(tree.rate(), tree.b(), TargetKind.VALUE, "100", null, KafkaFeed.milestone("2026-03-31", "20"),
                KafkaFeed.milestone("2026-04-30", "50"));
        feed.ratio(tree.a(), tree.rate(), "2026-04-15", 50, 100, 1);
        feed.ratio(tree.b(), tree.rate(), "2025-04-15", 25, 100, 1);
        feed.ratio(tree.b(), tree.rate(), "2026-04-15", 30, 100, 1);
        feed.ratio(tree.zone(), tree.rate(), "2026-04-15", 90, 100, 1);
        feed.value(tree.b(), tree.investment(), "2025-04-15", "100", 1);
        feed.value(tree.b(), tree.investment(), "2026-04-15", "120", 1);
        eventually(() -> summary(asAdmin(), tree.b(), "2026-04-15").statusCode(200)
                .body(item(tree.investment(), "value"), equalTo(d("120.00")))
                .body(item(tree.rate(), "target.value"), equalTo(100)));
        eventually(() -> summary(asAdmin(), tree.province(), "2026-04-15").statusCode(200)
                .body(item(tree.rate(), "value"), equalTo(d("56.67"))));
        return tree;
    }

    @Test
    void rankIsAmongTheSiblingsOfTheUnitsKindWithYearOnYearTargetAndStatus() {
        Tree tree = seed();
        String rate = tree.rate();
        summary(asAdmin(), tree.b(), "2026-04-15").statusCode(200)
                .body("orgUnit", equalTo(tree.b()))
                .body("name", equalTo("name of " + tree.b()))
                .body("date", equalTo("2026-04-15"))
                .body(item(rate, "name"), equalTo("name of " + rate))
                .body(item(rate, "unit"), equalTo("%"))
                .body(item(rate, "value"), equalTo(d("30.00")))
                .body(item(rate, "yoyChange"), equalTo(d("5.00")))
                .body(item(rate, "yoyGrowth"), nullValue())
                .body(item(rate, "target.kind"), equalTo("VALUE"))
                // 15 of the 30 days from 20% on 31 March to 50% on 30 April: 35%, and 30% is 5 points short.
                .body(item(rate, "expected"), equalTo(d("35.00")))
                .body(item(rate, "gapToExpected"), equalTo(d("5.00")))
                .body(item(rate, "milestone.due"), equalTo("2026-04-30"))
                .body(item(rate, "milestone.value"), equalTo(50))
                .body(item(rate, "gapToMilestone"), equalTo(d("20.00")))
                .body(item(rate, "status"), equalTo("BEHIND"))
                // A 50% and B 30% among the regions A, B, C; the zone's 90% is of another kind.
                .body(item(rate, "rank"), equalTo(2))
                .body(item(rate, "of"), equalTo(3))
                .body(item(tree.investment(), "yoyChange"), equalTo(d("20.00")))
                .body(item(tree.investment(), "yoyGrowth"), equalTo(d("20.00")))
                .body(item(tree.investment(), "target"), nullValue())
                .body(item(tree.investment(), "status"), equalTo("NO_TARGET"))
                .body(item(tree.investment(), "rank"), equalTo(1))
                .body(item(tree.investment(), "of"), equalTo(3));

        summary(asAdmin(), tree.c(), "2026-04-15").statusCode(200)
                .body(item(rate, "value"), nullValue())
                .body(item(rate, "status"), equalTo("NO_DATA"))
                .body(item(rate, "rank"), nullValue())
                .body(item(rate, "of"), equalTo(3));
        // The zone is ranked among zones only: the only one.
        summary(asAdmin(), tree.zone(), "2026-04-15").statusCode(200)
                .body(item(rate, "rank"), equalTo(1))
                .body(item(rate, "of"), equalTo(1));
    }

    @Test
    void aRootUnitHasItsRollUpAndNoRank() {
        Tree tree = seed();
        // Children of every kind roll up: (50 + 30 + 90) / 300.
        summary(asAdmin(), tree.province(), "2026-04-15").statusCode(200)
                .body(item(tree.rate(), "value"), equalTo(d("56.67")))
                .body(item(tree.rate(), "status"), equalTo("NO_TARGET"))
                .body(item(tree.rate(), "rank"), nullValue())
                .body(item(tree.rate(), "of"), nullValue())
                .body(item(tree.investment(), "value"), equalTo(d("120.00")));
    }

    @Test
    void aDateBeforeAnyDataGivesEveryIndicatorWithNoData() {
        Tree tree = seed();
        summary(asAdmin(), tree.b(), "2020-01-01").statusCode(200)
                .body("date", equalTo("2020-01-01"))
                .body(item(tree.rate(), "value"), nullValue())
                .body(item(tree.rate(), "yoyChange"), nullValue())
                .body(item(tree.rate(), "target"), nullValue())
                .body(item(tree.rate(), "status"), equalTo("NO_DATA"))
                .body(item(tree.rate(), "rank"), nullValue())
                .body(item(tree.rate(), "of"), equalTo(3))
                .body(item(tree.investment(), "status"), equalTo("NO_DATA"));
    }

    @Test
    void dateDefaultsToTodayInTheConfiguredZone() {
        Tree tree = seed();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        String before = LocalDate.now(shanghai).toString();
        summary(asAdmin(), tree.b(), null).statusCode(200)
                .body("date", oneOf(before, LocalDate.now(shanghai).toString()))
                .body(item(tree.rate(), "of"), equalTo(3));
    }

    @Test
    void unknownUnitIsNotFoundAndAMalformedDateABadRequest() {
        summary(asAdmin(), "no-such-unit", "2026-04-15").statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("org unit no-such-unit is unknown"));
        summary(asAdmin(), "no-such-unit", "2026-02-30").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("date"));
    }

    @Test
    void aSupervisorReadsUnitsInsideItsAreaOnly() {
        Tree tree = seed();
        // B's supervisor sees B ranked among its siblings, though the parent lies outside its area.
        summary(as(Roles.SUPERVISOR, tree.b()), tree.b(), "2026-04-15").statusCode(200)
                .body(item(tree.rate(), "rank"), equalTo(2))
                .body(item(tree.rate(), "of"), equalTo(3));
        summary(as(Roles.REPORTER, tree.province()), tree.b(), "2026-04-15").statusCode(200);
        summary(as(Roles.SUPERVISOR, tree.a()), tree.b(), "2026-04-15").statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo(tree.b() + " is outside your area (" + tree.a() + " and the units below it)"));
        summary(as(Roles.SUPERVISOR, tree.b()), tree.province(), "2026-04-15").statusCode(403);
        summary(given(), tree.b(), "2026-04-15").statusCode(401);
    }

    @Test
    void openApiDocumentsTheSummary() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/units/{orgUnit}/summary'.get.summary",
                        equalTo("Every indicator of a unit, with its rank among its siblings"))
                .body("paths.'/api/units/{orgUnit}/summary'.get.responses", allOf(hasKey("200"), hasKey("400"),
                        hasKey("401"), hasKey("403"), hasKey("404")))
                .body("paths.'/api/units/{orgUnit}/summary'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/units/{orgUnit}/summary'.get.security", contains(hasKey("SecurityScheme")));
    }
}
