package io.mubiao.report.ranking;

import static io.mubiao.report.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
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

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.report.KafkaFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.parsing.Parser;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/** Rankings over a read model fed through the real broker, as target- and progress-service feed it. */
@QuarkusTest
class RankingResourceTest {

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

    private static ValidatableResponse ranking(String indicator, String parent, String date) {
        return asAdmin().queryParam("indicator", indicator).queryParam("parent", parent).queryParam("date", date)
                .when().get("/api/rankings").then();
    }

    /** Retries until the consumers have applied what the test published. */
    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    @Test
    void parentValueIsTheRatioOfSumsAndTiesShareARankWithNoDataLast() {
        String province = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String a = province + "-A", b = province + "-B", c = province + "-C", none = province + "-D";
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(province);
        for (String county : new String[] { a, b, c, none }) {
            feed.unit(province, county);
        }
        feed.ratio(a, rate, "2026-04-15", 50, 100, 1);
        feed.ratio(b, rate, "2026-04-15", 90, 900, 1);
        feed.ratio(c, rate, "2026-04-15", 45, 90, 1);

        eventually(() -> ranking(rate, province, "2026-04-15").statusCode(200)
                .body("entries", hasSize(4))
                .body("entries.findAll { it.rank != null }", hasSize(3))
                // (50 + 90 + 45) / (100 + 900 + 90) = 16.97%; the mean of the rates would be 36.67.
                .body("parentValue", equalTo(d("16.97")))
                .body("indicator", equalTo(rate))
                .body("parent", equalTo(province))
                .body("date", equalTo("2026-04-15"))
                .body("unit", equalTo("%"))
                .body("direction", equalTo("HIGHER_IS_BETTER"))
                .body("entries.orgUnit", contains(a, c, b, none))
                .body("entries.rank", contains(1, 1, 3, null))
                .body("entries[0].name", equalTo("name of " + a))
                .body("entries[0].value", equalTo(d("50.00")))
                .body("entries[0].numerator", equalTo(50))
                .body("entries[0].denominator", equalTo(100))
                .body("entries[0].gapToAverage", equalTo(d("-33.03")))
                .body("entries[0].gapToBest", equalTo(d("0.00")))
                .body("entries[0].belowAverage", equalTo(false))
                .body("entries[0].status", equalTo("NO_TARGET"))
                .body("entries[2].value", equalTo(d("10.00")))
                .body("entries[2].gapToBest", equalTo(d("40.00")))
                .body("entries[2].belowAverage", equalTo(true))
                .body("entries[3].value", nullValue())
                .body("entries[3].status", equalTo("NO_DATA")));
    }

    @Test
    void valuesAreCarriedForwardToLaterDates() {
        String parent = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String county = parent + "-A";
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 1);
        feed.unit(parent);
        feed.unit(parent, county);
        feed.ratio(county, rate, "2026-04-10", 1, 4, 1);
        feed.ratio(county, rate, "2026-04-12", 1, 2, 1);

        eventually(() -> ranking(rate, parent, "2026-04-12").body("entries[0].value", equalTo(d("50.0"))));
        ranking(rate, parent, "2026-04-20").body("entries[0].value", equalTo(d("50.0")))
                .body("parentValue", equalTo(d("50.0")));
        ranking(rate, parent, "2026-04-11").body("entries[0].value", equalTo(d("25.0")));
        ranking(rate, parent, "2026-04-09").body("entries[0].value", nullValue())
                .body("entries[0].rank", nullValue())
                .body("parentValue", nullValue());
    }

    @Test
    void theLatestReportOnOrBeforeTheDateCountsWhereverItLies() {
        // As-of values come from a range scan of the date and the day before, else an index descent per unit
        // (RankingRepository.loadAsOf): each way is asked here.
        String parent = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String daily = parent + "-A", weekly = parent + "-B";
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 1);
        feed.unit(parent);
        feed.unit(parent, daily);
        feed.unit(parent, weekly);
        feed.ratio(daily, rate, "2026-04-11", 1, 10, 1);
        feed.ratio(daily, rate, "2026-04-12", 3, 10, 1);
        feed.ratio(daily, rate, "2026-04-13", 5, 10, 1);
        feed.ratio(weekly, rate, "2026-04-05", 2, 10, 1);
        feed.ratio(weekly, rate, "2026-04-12", 4, 10, 1);

        eventually(() -> ranking(rate, parent, "2026-04-13").body("entries.value", contains(d("50.0"), d("40.0"))));
        ranking(rate, parent, "2026-04-12").body("entries.orgUnit", contains(weekly, daily))
                .body("entries.value", contains(d("40.0"), d("30.0")));
        ranking(rate, parent, "2026-04-11").body("entries.orgUnit", contains(weekly, daily))
                .body("entries.value", contains(d("20.0"), d("10.0")));
        ranking(rate, parent, "2026-04-15").body("entries.value", contains(d("50.0"), d("40.0")))
                .body("parentValue", equalTo(d("45.0")));
        ranking(rate, parent, "2026-04-06").body("entries.orgUnit", contains(weekly, daily))
                .body("entries.value", contains(d("20.0"), null));
    }

    @Test
    void yearOnYearOfARatioIsInPoints() {
        String parent = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String county = parent + "-A";
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        feed.unit(parent, county);
        // Last year's report of the 14th is carried to the 15th.
        feed.ratio(county, rate, "2025-04-14", 347, 1000, 1);
        feed.ratio(county, rate, "2026-04-15", 412, 1000, 1);

        eventually(() -> ranking(rate, parent, "2026-04-15")
                .body("entries[0].value", equalTo(d("41.20")))
                .body("entries[0].yoyChange", equalTo(d("6.50")))
                .body("entries[0].yoyGrowth", nullValue()));
    }

    @Test
    void cumulativeRollsUpAsSumWithGrowthInPercent() {
        String parent = KafkaFeed.unique("P");
        String investment = KafkaFeed.unique("investment");
        String a = parent + "-A", b = parent + "-B";
        feed.indicator(investment, Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        feed.unit(parent, a);
        feed.unit(parent, b);
        feed.value(a, investment, "2025-04-15", "100", 1);
        feed.value(a, investment, "2026-04-15", "135", 1);
        feed.value(b, investment, "2026-04-01", "65", 1);
        // A running total for the year is not carried into the next year.
        feed.value(b, investment, "2025-12-31", "999", 1);

        eventually(() -> ranking(investment, parent, "2026-04-15")
                .body("parentValue", equalTo(d("200.00")))
                .body("entries.orgUnit", contains(a, b))
                .body("entries[0].yoyChange", equalTo(d("35.00")))
                .body("entries[0].yoyGrowth", equalTo(d("35.00")))
                .body("entries[0].numerator", nullValue())
                .body("entries[1].yoyGrowth", nullValue()));
        ranking(investment, parent, "2026-01-02").body("entries[1].value", nullValue());
        ranking(investment, parent, "2026-01-01").body("entries[1].value", nullValue());
        ranking(investment, parent, "2025-12-31").body("entries.orgUnit", contains(b, a))
                .body("entries[0].value", equalTo(d("999.00")));
    }

    @Test
    void statusComparesWithTheTrajectoryOfTheUnitsTarget() {
        String parent = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String ahead = parent + "-A", onTrack = parent + "-B", behind = parent + "-C";
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        for (String county : new String[] { ahead, onTrack, behind }) {
            feed.unit(parent, county);
            feed.target(rate, county, TargetKind.VALUE, "100", null, KafkaFeed.milestone("2026-03-31", "20"),
                    KafkaFeed.milestone("2026-04-30", "50"), KafkaFeed.milestone("2026-05-31", "80"),
                    KafkaFeed.milestone("2026-06-30", "100"));
        }
        feed.ratio(ahead, rate, "2026-04-15", 5510, 10000, 1);
        feed.ratio(onTrack, rate, "2026-04-15", 345, 1000, 1);
        feed.ratio(behind, rate, "2026-04-15", 20, 100, 1);

        eventually(() -> ranking(rate, parent, "2026-04-15")
                .body("entries.orgUnit", contains(ahead, onTrack, behind))
                .body("entries.status", contains("AHEAD", "ON_TRACK", "BEHIND"))
                // 15 of the 30 days from 20% on 31 March to 50% on 30 April.
                .body("entries[0].expected", equalTo(d("35.00")))
                .body("entries[0].gapToExpected", equalTo(d("-20.10")))
                .body("entries[0].milestone.due", equalTo("2026-04-30"))
                .body("entries[0].milestone.value", equalTo(50))
                .body("entries[0].gapToMilestone", equalTo(d("-5.10")))
                .body("entries[1].gapToExpected", equalTo(d("0.50")))
                .body("entries[2].gapToExpected", equalTo(d("15.00"))));

        feed.deleteTarget(rate, behind);
        eventually(() -> ranking(rate, parent, "2026-04-15")
                .body("entries.status", contains("AHEAD", "ON_TRACK", "NO_TARGET"))
                .body("entries[2].expected", nullValue()));
    }

    @Test
    void growthTargetIsJudgedOnTheChangeOverLastYear() {
        String parent = KafkaFeed.unique("P");
        String investment = KafkaFeed.unique("investment");
        String county = parent + "-A";
        feed.indicator(investment, Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        feed.unit(parent, county);
        feed.target(investment, county, TargetKind.GROWTH, "35", Trajectory.FLAT);
        feed.value(county, investment, "2025-04-15", "100", 1);
        feed.value(county, investment, "2026-04-15", "120", 1);

        eventually(() -> ranking(investment, parent, "2026-04-15")
                .body("entries[0].yoyGrowth", equalTo(d("20.00")))
                .body("entries[0].expected", equalTo(d("35.00")))
                .body("entries[0].gapToExpected", equalTo(d("15.00")))
                .body("entries[0].milestone.due", equalTo("2026-12-31"))
                .body("entries[0].status", equalTo("BEHIND")));
    }

    @Test
    void levelRanksDescendantsAndKindSelectsPeers() {
        String province = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        String cityX = province + "-X", cityY = province + "-Y";
        String x1 = cityX + "-1", x2 = cityX + "-2", y1 = cityY + "-1", zone = cityX + "-zone";
        feed.indicator(rate, Measure.RATIO, Direction.LOWER_IS_BETTER, 2);
        feed.unit(province);
        feed.unit(province, cityX);
        feed.unit(province, cityY);
        feed.unit(province, cityX, x1);
        feed.unit(province, cityX, x2);
        feed.unit(province, cityY, y1);
        feed.unitOfKind("industrial-zone", province, cityX, zone);
        feed.ratio(x1, rate, "2026-04-15", 3, 10, 1);
        feed.ratio(x2, rate, "2026-04-15", 1, 10, 1);
        feed.ratio(y1, rate, "2026-04-15", 2, 10, 1);
        feed.ratio(zone, rate, "2026-04-15", 5, 10, 1);

        eventually(() -> asAdmin().queryParam("indicator", rate).queryParam("parent", province)
                .queryParam("date", "2026-04-15").queryParam("level", 3).queryParam("kind", "region")
                .when().get("/api/rankings").then().statusCode(200)
                .body("entries.orgUnit", contains(x2, y1, x1))
                .body("entries.rank", contains(1, 2, 3))
                // Lower is better: the best is 10.00, and x1 at 30.00 is 20 points worse.
                .body("entries[2].gapToBest", equalTo(d("20.00")))
                .body("parentValue", equalTo(d("27.50"))));
        asAdmin().queryParam("indicator", rate).queryParam("parent", province).queryParam("date", "2026-04-15")
                .queryParam("kind", "industrial-zone").queryParam("level", "3")
                .when().get("/api/rankings").then().statusCode(200)
                .body("entries.orgUnit", contains(zone));
        // The cities roll up their counties (and the zone): X = 9/30, Y = 2/10.
        ranking(rate, province, "2026-04-15").body("entries.orgUnit", contains(cityY, cityX))
                .body("entries.value", contains(d("20.00"), d("30.00")));
    }

    @Test
    void dateDefaultsToTodayInTheConfiguredZone() {
        String parent = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        String before = LocalDate.now(shanghai).toString();
        eventually(() -> asAdmin().queryParam("indicator", rate).queryParam("parent", parent)
                .when().get("/api/rankings").then().statusCode(200)
                .body("date", oneOf(before, LocalDate.now(shanghai).toString()))
                .body("entries", hasSize(0)));
    }

    @Test
    void missingParametersAreABadRequestNamingEachField() {
        asAdmin().when().get("/api/rankings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("indicator", "parent"));
        asAdmin().queryParam("indicator", "x").queryParam("parent", "y").queryParam("date", "2026-02-30")
                .queryParam("level", "two")
                .when().get("/api/rankings").then().statusCode(400)
                .body("errors.field", contains("date", "level"));
    }

    @Test
    void unknownIndicatorOrParentIsNotFound() {
        String parent = KafkaFeed.unique("P");
        String rate = KafkaFeed.unique("rate");
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(parent);
        eventually(() -> ranking(rate, parent, "2026-04-15").statusCode(200));

        ranking("no-such-indicator", parent, "2026-04-15").statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("indicator no-such-indicator is unknown"));
        ranking(rate, "no-such-unit", "2026-04-15").statusCode(404)
                .body("detail", equalTo("org unit no-such-unit is unknown"));
        asAdmin().queryParam("indicator", rate).queryParam("parent", parent).queryParam("level", 1)
                .when().get("/api/rankings").then().statusCode(422)
                .body("errors.field", hasItem("level"));
    }

    @Test
    void openApiDocumentsTheRankingAndItsBearerToken() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/rankings'.get.summary", equalTo(
                        "Rank the parent's children (or its descendants at a level) on an indicator"))
                .body("paths.'/api/rankings'.get.responses", allOf(hasKey("200"), hasKey("400"), hasKey("401"),
                        hasKey("403"), hasKey("404"), hasKey("422")))
                .body("paths.'/api/rankings'.get.responses.'403'.content", hasKey("application/problem+json"))
                // The lock in Swagger UI: the operation needs the bearer scheme the document declares.
                .body("paths.'/api/rankings'.get.security", contains(hasKey("SecurityScheme")))
                .body("components.securitySchemes.SecurityScheme.type", equalTo("http"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    }
}
