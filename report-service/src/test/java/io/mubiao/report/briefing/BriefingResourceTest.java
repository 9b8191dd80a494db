package io.mubiao.report.briefing;

import static io.mubiao.report.Auth.as;
import static io.mubiao.report.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static io.mubiao.report.briefing.GoldenData.DATE;
import static io.mubiao.report.briefing.GoldenData.FZ;
import static io.mubiao.report.briefing.GoldenData.GROUP;
import static io.mubiao.report.briefing.GoldenData.INVESTMENT;
import static io.mubiao.report.briefing.GoldenData.ND;
import static io.mubiao.report.briefing.GoldenData.NP;
import static io.mubiao.report.briefing.GoldenData.PROVINCE;
import static io.mubiao.report.briefing.GoldenData.QZ;
import static io.mubiao.report.briefing.GoldenData.RATE;
import static io.mubiao.report.briefing.GoldenData.XM;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.report.KafkaFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.parsing.Parser;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Briefings over the fixed province of {@link GoldenData}, fed through the real broker. */
@QuarkusTest
class BriefingResourceTest {

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
    void seed() {
        if (feed == null) {
            feed = new KafkaFeed(json);
        }
        GoldenData.seed(feed);
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

    private static ValidatableResponse briefing(RequestSpecification request, String cadence, String scope,
            String... params) {
        request = request.queryParam("scope", scope).queryParam("date", DATE).queryParam("group", GROUP);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/api/briefings/" + cadence).then();
    }

    @Test
    void headlineIsTheScopesRollUpWithItsChangeYearOnYearAndGaps() {
        briefing(asAdmin(), "daily", PROVINCE).statusCode(200).contentType("application/json")
                .body("scope", equalTo(PROVINCE))
                .body("scopeName", equalTo("福建省"))
                .body("cadence", equalTo("daily"))
                .body("period.from", equalTo(DATE))
                .body("period.to", equalTo(DATE))
                .body("headline.indicator", contains(RATE, INVESTMENT))
                .body("headline[0].value", equalTo(d("41.20")))
                .body("rankings[0].parentValue", equalTo(d("41.20")))
                .body("headline[0].previousDate", equalTo("2026-04-14"))
                .body("headline[0].previousValue", equalTo(d("37.78")))
                .body("headline[0].change", equalTo(d("3.42")))
                .body("headline[0].yoyChange", equalTo(d("4.70")))
                .body("headline[0].targetKind", equalTo("VALUE"))
                .body("headline[0].expected", equalTo(d("43.70")))
                .body("headline[0].gapToExpected", equalTo(d("2.50")))
                .body("headline[0].milestone.due", equalTo("2026-04-30"))
                .body("headline[0].gapToMilestone", equalTo(d("8.80")))
                .body("headline[0].status", equalTo("BEHIND"))
                .body("headline[0].rank", nullValue())
                .body("headline[0].of", nullValue())
                .body("headline[1].value", equalTo(d("360.50")))
                .body("headline[1].change", equalTo(d("2.50")))
                .body("headline[1].yoyGrowth", equalTo(d("6.03")))
                .body("headline[1].status", equalTo("NO_TARGET"));
    }

    @Test
    void listsNameTheRightUnits() {
        briefing(asAdmin(), "daily", PROVINCE).statusCode(200)
                .body("rankings[0].entries.orgUnit", contains(XM, FZ, QZ, ND, NP))
                .body("top.'" + RATE + "'.orgUnit", contains(XM, FZ, QZ))
                .body("bottom.'" + RATE + "'.orgUnit", contains(NP, ND, QZ))
                .body("belowAverage.'" + RATE + "'.orgUnit", contains(NP, ND, QZ))
                .body("belowAverage.'" + RATE + "'.gapToAverage", contains(d("12.20"), d("3.30"), d("0.20")))
                .body("behindMilestone.'" + RATE + "'.orgUnit", contains(NP, ND, QZ, FZ))
                .body("behindMilestone.'" + RATE + "'[0].daysLeft", equalTo(15))
                .body("behindMilestone.'" + RATE + "'[0].neededPerDay", equalTo(d("1.4000")))
                .body("notReported.'" + RATE + "'.orgUnit", contains(ND, NP))
                .body("notReported.'" + RATE + "'.lastReportDate", contains("2026-04-10", "2026-04-14"))
                .body("mostImproved.'" + RATE + "'.orgUnit", contains(QZ, XM, FZ))
                .body("mostImproved.'" + RATE + "'.change", contains(d("11.00"), d("5.10"), d("1.00")))
                .body("projections.'" + RATE + "'[0].orgUnit", equalTo(NP))
                .body("projections.'" + RATE + "'[0].projected", equalTo(d("31.14")))
                .body("projections.'" + RATE + "'[0].willMeet", equalTo(false))
                .body("projections.'" + RATE + "'.findAll { it.willMeet }.orgUnit", contains(FZ, QZ, XM))
                .body("imbalance.'" + RATE + "'[0].weakestUnit", equalTo(NP))
                .body("imbalance.'" + RATE + "'[0].strongestUnit", equalTo(XM))
                // A CUMULATIVE province's value is the sum of its cities: none is "below average" of it.
                .body("belowAverage.'" + INVESTMENT + "'", empty())
                .body("notReported.'" + INVESTMENT + "'.orgUnit", contains(ND, NP, QZ))
                .body("mostImproved.'" + INVESTMENT + "'.orgUnit", contains(XM))
                .body("mostImproved.'" + INVESTMENT + "'[0].change", equalTo(d("2.12")));
    }

    @Test
    void withoutAGroupOnlyIndicatorsWithAFigureOrATargetUnderTheScopeAreBriefed() {
        String idle = "GOLD.idle";
        feed.namedIndicator(idle, "未开展指标", "%", io.mubiao.events.Measure.RATIO,
                io.mubiao.events.Direction.HIGHER_IS_BETTER, "idle", 2);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> asAdmin().queryParam("scope", PROVINCE)
                .queryParam("date", DATE).queryParam("group", "idle").get("/api/briefings/daily").statusCode() == 200);

        // named by its group, it is briefed (no data); left to the default, it is not this province's business
        asAdmin().queryParam("scope", PROVINCE).queryParam("date", DATE).queryParam("group", "idle")
                .get("/api/briefings/daily").then().statusCode(200)
                .body("headline.indicator", contains(idle))
                .body("headline[0].status", equalTo("NO_DATA"));
        asAdmin().queryParam("scope", PROVINCE).queryParam("date", DATE).get("/api/briefings/daily").then()
                .statusCode(200)
                .body("headline.indicator", org.hamcrest.Matchers.hasItems(RATE, INVESTMENT))
                .body("headline.indicator", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(idle)));
    }

    @Test
    void weeklyChangeIsSinceLastSundayAndReportsCountOverTheWeek() {
        // 15 April 2026 is a Wednesday: the week runs from Monday the 13th, compared with Sunday the 12th.
        briefing(asAdmin(), "weekly", PROVINCE).statusCode(200)
                .body("period.from", equalTo("2026-04-13"))
                .body("headline[0].previousDate", equalTo("2026-04-12"))
                .body("headline[0].previousValue", equalTo(d("34.18")))
                .body("headline[0].change", equalTo(d("7.02")))
                .body("notReported.'" + RATE + "'.orgUnit", contains(ND));
    }

    @Test
    void aCumulativeTotalStartsTheYearFromZero() {
        // Daily on 1 January: the previous day is last year, whose running total (340) is not this year's start.
        asAdmin().queryParam("scope", PROVINCE).queryParam("date", "2026-01-01").queryParam("group", GROUP)
                .when().get("/api/briefings/daily").then().statusCode(200)
                .body("headline[1].value", equalTo(d("5.00")))
                .body("headline[1].previousDate", equalTo("2025-12-31"))
                .body("headline[1].previousValue", equalTo(d("0.00")))
                .body("headline[1].change", equalTo(d("5.00")));
    }

    @Test
    void aScopeWithAParentIsRankedAmongItsSiblings() {
        briefing(asAdmin(), "monthly", XM).statusCode(200)
                .body("period.from", equalTo("2026-04-01"))
                .body("headline[0].value", equalTo(d("55.10")))
                .body("headline[0].rank", equalTo(1))
                .body("headline[0].of", equalTo(5))
                .body("headline[1].rank", equalTo(2))
                .body("rankings[0].entries", empty())
                .body("top.'" + RATE + "'", empty());
    }

    @Test
    void aDateBeforeAnyDataGivesAWellFormedEmptyBriefing() {
        asAdmin().queryParam("scope", PROVINCE).queryParam("date", "2020-01-01").queryParam("group", GROUP)
                .when().get("/api/briefings/daily").then().statusCode(200)
                .body("headline.value", everyItem(nullValue()))
                .body("headline.status", everyItem(equalTo("NO_DATA")))
                .body("rankings[0].entries", hasSize(5))
                .body("rankings[0].entries.status", everyItem(equalTo("NO_DATA")))
                .body("rankings[0].entries.rank", everyItem(nullValue()))
                .body("top.'" + RATE + "'", empty())
                .body("bottom.'" + RATE + "'", empty())
                .body("belowAverage.'" + RATE + "'", empty())
                .body("behindMilestone.'" + RATE + "'", empty())
                .body("mostImproved.'" + RATE + "'", empty())
                .body("projections.'" + RATE + "'", empty())
                .body("imbalance.'" + RATE + "'", empty())
                // Nobody has reported yet: every unit is named as never having reported.
                .body("notReported.'" + RATE + "'.lastReportDate", everyItem(nullValue()));
        asAdmin().queryParam("scope", PROVINCE).queryParam("date", "2020-01-01").queryParam("group", GROUP)
                .queryParam("format", "markdown").when().get("/api/briefings/daily").then().statusCode(200)
                .body(containsString("截至1月1日，全省企业年报率暂无数据。"));
    }

    @Test
    void markdownInChineseReadsLikeACircular() {
        briefing(asAdmin(), "daily", PROVINCE, "format", "markdown").statusCode(200)
                .contentType("text/markdown;charset=UTF-8")
                .body(containsString("截至4月15日，全省企业年报率41.20%，比去年同期提高4.70个百分点，比4月14日提高3.42个百分点"))
                .body(containsString("距4月30日50%的目标还差8.80个百分点"))
                .body(containsString("低于全省平均水平（41.20%）的有：南平市（29.00%，低12.20个百分点）"))
                .body(containsString("| 1 | 厦门市 | 55.10 |"));
    }

    @Test
    void markdownInEnglish() {
        briefing(asAdmin(), "daily", PROVINCE, "format", "markdown", "lang", "en").statusCode(200)
                .contentType("text/markdown;charset=UTF-8")
                .body(containsString("As of 15 April, 企业年报率 in 福建省 stood at 41.20%, up 4.70 points on a year earlier, "
                        + "up 3.42 points since 14 April"))
                .body(containsString("Below the average of 福建省 (41.20%): 南平市 (29.00%, 12.20 points short)"))
                .body(containsString("| Rank | Unit | Value |"));
    }

    @Test
    void htmlIsAPrintablePageWithInlineCharts() {
        briefing(asAdmin(), "daily", PROVINCE, "format", "html").statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("size: A4"))
                .body(containsString("@media print"))
                .body(containsString("<svg"))
                .body(containsString("class=\"average\""))
                .body(containsString("class=\"milestone\""))
                .body(containsString("截至4月15日，全省企业年报率41.20%"))
                .body(not(containsString("<script")))
                .body(not(containsString("<link")))
                .body(not(containsString("src=")));
        briefing(asAdmin(), "daily", PROVINCE, "format", "html", "lang", "en").statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("stood at 41.20%"));
    }

    @Test
    void unknownCadenceOrScopeOrGroupIsNotFound() {
        briefing(asAdmin(), "fortnightly", PROVINCE).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("fortnightly"));
        briefing(asAdmin(), "daily", "NOPE-unknown").statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("NOPE-unknown"));
        asAdmin().queryParam("scope", PROVINCE).queryParam("group", "no-such-group").when()
                .get("/api/briefings/daily").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownLanguageOrFormatIsABadRequest() {
        briefing(asAdmin(), "daily", PROVINCE, "lang", "fr").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
        briefing(asAdmin(), "daily", PROVINCE, "format", "pdf").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        asAdmin().when().get("/api/briefings/daily").then().statusCode(400).body("errors[0].field", equalTo("scope"));
        briefing(asAdmin(), "daily", PROVINCE, "level", "1").statusCode(422);
    }

    @Test
    void accessFollowsTheAreaRule() {
        given().queryParam("scope", PROVINCE).when().get("/api/briefings/daily").then().statusCode(401)
                .contentType("application/problem+json");
        briefing(as(Roles.SUPERVISOR, XM), "daily", PROVINCE).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(PROVINCE));
        briefing(as(Roles.SUPERVISOR, XM), "daily", XM).statusCode(200).body("headline[0].rank", equalTo(1));
        briefing(as(Roles.REPORTER, PROVINCE), "daily", XM, "format", "markdown").statusCode(200);
    }

    @Test
    void openApiDescribesEveryFormatAndError() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/briefings/{cadence}'.get.responses.'200'.content.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("application/json", BriefingResource.MARKDOWN,
                                BriefingResource.HTML))
                .body("paths.'/api/briefings/{cadence}'.get.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "400", "401", "403", "404", "422"));
    }
}
