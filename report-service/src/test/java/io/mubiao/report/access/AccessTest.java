package io.mubiao.report.access;

import static io.mubiao.report.Auth.as;
import static io.mubiao.report.Auth.asAdmin;
import static io.mubiao.report.Auth.withToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mubiao.access.Roles;
import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.report.KafkaFeed;
import io.mubiao.testinfra.JwtKeys;
import io.mubiao.testinfra.JwtTestResource;
import io.mubiao.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may rank what: admins every parent, supervisors and reporters a parent inside their subtree only, and
 * nobody without a valid token. The tree: a province with cities X and Y; X has counties X1 and X2, and X1 a
 * township.
 */
@QuarkusTest
class AccessTest {

    private static final String DATE = "2026-04-15";

    private static KafkaFeed feed;
    private static String province, cityX, cityY, countyX1, countyX2, countyY1, township, rate;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void problemsAsJson() {
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    @BeforeEach
    void tree() {
        if (feed != null) {
            return;
        }
        feed = new KafkaFeed(json);
        province = KafkaFeed.unique("P");
        cityX = province + "-X";
        cityY = province + "-Y";
        countyX1 = cityX + "-1";
        countyX2 = cityX + "-2";
        countyY1 = cityY + "-1";
        township = countyX1 + "-a";
        rate = KafkaFeed.unique("rate");
        feed.indicator(rate, Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);
        feed.unit(province);
        feed.unit(province, cityX);
        feed.unit(province, cityY);
        feed.unit(province, cityX, countyX1);
        feed.unit(province, cityX, countyX2);
        feed.unit(province, cityY, countyY1);
        feed.unit(province, cityX, countyX1, township);
        feed.ratio(township, rate, DATE, 30, 100, 1);
        feed.ratio(countyX2, rate, DATE, 50, 100, 1);
        feed.ratio(countyY1, rate, DATE, 70, 100, 1);
        // The township is the deepest unit: once it shows under its county, the whole tree has been applied.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> ranking(
                asAdmin(), countyX1).statusCode(200).body("entries.orgUnit", contains(township)));
    }

    @AfterAll
    static void disconnect() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private static ValidatableResponse ranking(RequestSpecification request, String parent) {
        return request.queryParam("indicator", rate).queryParam("parent", parent).queryParam("date", DATE)
                .when().get("/api/rankings").then();
    }

    private static ValidatableResponse rankingAtLevel(RequestSpecification request, String parent, int level) {
        return request.queryParam("indicator", rate).queryParam("parent", parent).queryParam("date", DATE)
                .queryParam("level", level).queryParam("kind", "region").when().get("/api/rankings").then();
    }

    private static void isForbidden(ValidatableResponse response, String unit) {
        response.statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", equalTo(unit + " is outside your area (" + cityX + " and the units below it)"));
    }

    private static void isUnauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // --- admin

    @Test
    void adminRanksUnderAnyParent() {
        ranking(asAdmin(), province).statusCode(200).body("entries.orgUnit", contains(cityY, cityX));
        ranking(asAdmin(), cityY).statusCode(200).body("entries.orgUnit", contains(countyY1));
        rankingAtLevel(asAdmin(), province, 3).statusCode(200)
                .body("entries.orgUnit", contains(countyY1, countyX2, countyX1));
    }

    // --- supervisor and reporter of city X

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void ranksTheCountiesOfItsOwnCity(String role) {
        ranking(as(role, cityX), cityX).statusCode(200)
                .body("parent", equalTo(cityX))
                .body("entries.orgUnit", contains(countyX2, countyX1));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void ranksTheTownshipsOfOneOfItsCounties(String role) {
        ranking(as(role, cityX), countyX1).statusCode(200).body("entries.orgUnit", contains(township));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void ranksDescendantsAtALevelBelowItsOwnCity(String role) {
        rankingAtLevel(as(role, cityX), cityX, 4).statusCode(200).body("entries.orgUnit", contains(township));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void mayNotRankTheProvincesCities(String role) {
        isForbidden(ranking(as(role, cityX), province), province);
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void mayNotRankUnderAnotherCity(String role) {
        isForbidden(ranking(as(role, cityX), cityY), cityY);
        isForbidden(ranking(as(role, cityX), countyY1), countyY1);
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void aLevelRankingFollowsTheParentRuleEvenWhenItWouldListOwnUnits(String role) {
        // The province's counties at level 3 include X's own, but the parent is the province.
        isForbidden(rankingAtLevel(as(role, cityX), province, 3), province);
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.SUPERVISOR, Roles.REPORTER })
    void anUnknownParentIsNotFoundBeforeTheAreaIsChecked(String role) {
        ranking(as(role, cityX), "no-such-unit").statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("org unit no-such-unit is unknown"));
    }

    @Test
    void aSupervisorWhoseTokenNamesNoOrgUnitRanksNothing() {
        ranking(as(Roles.SUPERVISOR, null), cityX).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("your token names no org unit, so " + cityX + " is outside your area"));
    }

    @Test
    void aTokenWithoutARoleOfTheSuiteIsForbidden() {
        ranking(as("guest", cityX), cityX).statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    // --- tokens that identify nobody

    @Test
    void aMissingTokenIsUnauthorized() {
        isUnauthorized(ranking(given(), cityX));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        isUnauthorized(ranking(withToken(JwtTestResource.tokens().issue(Roles.ADMIN, null, "admin",
                Duration.ofMinutes(-5))), cityX));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized(@TempDir Path otherKeys) {
        String forged = new Tokens(JwtKeys.inFolder(otherKeys)).issue(Roles.ADMIN, null, "mallory");
        isUnauthorized(ranking(withToken(forged), cityX));
    }

    @Test
    void anUnsignedTokenIsUnauthorized() {
        long now = Instant.now().getEpochSecond();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url("{\"iss\":\""
                + JwtKeys.ISSUER + "\",\"sub\":\"mallory\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":"
                + (now + 3600) + "}") + ".";
        isUnauthorized(ranking(withToken(unsigned), cityX));
    }

    @Test
    void aTokenThatIsNoJwtIsUnauthorized() {
        isUnauthorized(ranking(withToken("not-a-jwt"), cityX));
    }

    // --- open without a token

    @Test
    void healthIsOpenWithoutAToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void openApiAndSwaggerUiAreOpenWithoutAToken() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("report-service"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
