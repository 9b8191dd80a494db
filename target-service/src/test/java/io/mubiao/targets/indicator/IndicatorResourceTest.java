package io.mubiao.targets.indicator;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.targets.Auth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class IndicatorResourceTest {

    private static Map<String, Object> body(String measure, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "企业年报率");
        body.put("unit", "%");
        body.put("measure", measure);
        body.put("direction", direction);
        return body;
    }

    private static ValidatableResponse put(String code, Map<String, Object> body) {
        return put(asAdmin(), code, body);
    }

    private static ValidatableResponse put(RequestSpecification caller, String code, Map<String, Object> body) {
        return caller.contentType(ContentType.JSON).body(body)
                .when().put("/api/indicators/{code}", code)
                .then();
    }

    @Test
    void createsWith201AndDefaultDecimalsThenUpdatesWith200() {
        String code = code("rate");
        put(code, body("RATIO", "HIGHER_IS_BETTER")).statusCode(201)
                .contentType(ContentType.JSON)
                .body("code", is(code))
                .body("name", is("企业年报率"))
                .body("unit", is("%"))
                .body("measure", is("RATIO"))
                .body("direction", is("HIGHER_IS_BETTER"))
                .body("group", nullValue())
                .body("decimals", is(2))
                .body("changedBy", is(Auth.ADMIN))
                .body("changedAt", notNullValue());
        Map<String, Object> changed = body("RATIO", "HIGHER_IS_BETTER");
        changed.put("group", "annual-report");
        changed.put("decimals", 1);
        put(code, changed).statusCode(200).body("group", is("annual-report")).body("decimals", is(1));
        asAdmin().get("/api/indicators/{code}", code).then().statusCode(200).body("decimals", is(1));
    }

    @Test
    void recordsWhoMadeTheLastChangeAndWhen() {
        String code = code("audited");
        String createdAt = put(as(Roles.ADMIN, null, "alice@test"), code, body("RATIO", "HIGHER_IS_BETTER"))
                .statusCode(201).body("changedBy", is("alice@test")).extract().path("changedAt");
        Map<String, Object> renamed = body("RATIO", "HIGHER_IS_BETTER");
        renamed.put("name", "个体户年报率");
        String changedAt = put(as(Roles.ADMIN, null, "bob@test"), code, renamed)
                .statusCode(200).body("changedBy", is("bob@test")).extract().path("changedAt");
        // the same state again changes nothing, so the record still names bob
        put(as(Roles.ADMIN, null, "carol@test"), code, renamed).statusCode(200).body("changedBy", is("bob@test"));
        asAdmin().get("/api/indicators/{code}", code).then()
                .body("changedBy", is("bob@test"))
                .body("changedAt", is(changedAt));
        assertTrue(Instant.parse(createdAt).isBefore(Instant.parse(changedAt)), createdAt + " then " + changedAt);
    }

    @Test
    void rejectsUnknownMeasureNamingTheField() {
        put(code("bad"), body("AVERAGE", "HIGHER_IS_BETTER")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("measure"))
                .body("errors[0].message", containsString("RATIO, CUMULATIVE, SNAPSHOT"));
    }

    @Test
    void rejectsUnknownDirectionAndMissingMeasureTogether() {
        Map<String, Object> body = body(null, "UP");
        body.remove("measure");
        put(code("bad"), body).statusCode(422)
                .body("errors.field", contains("direction", "measure"));
    }

    @Test
    void rejectsEmptyNameAndDecimalsOutsideZeroToSix() {
        Map<String, Object> body = body("CUMULATIVE", "HIGHER_IS_BETTER");
        body.put("name", "");
        body.put("decimals", 7);
        put(code("bad"), body).statusCode(422)
                .body("errors.field", contains("decimals", "name"));
        body.put("name", "ok");
        body.put("decimals", -1);
        put(code("bad"), body).statusCode(422).body("errors.field", contains("decimals"));
    }

    @Test
    void rejectsBadCodeOnThePath() {
        put("no spaces", body("RATIO", "HIGHER_IS_BETTER")).statusCode(422).body("errors[0].field", is("code"));
    }

    @Test
    void returns404ForUnknownIndicator() {
        asAdmin().get("/api/indicators/{code}", code("nothing")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listsIndicatorsOfAGroupSortedByCode() {
        String group = code("group");
        String b = code("b-rate");
        String a = code("a-rate");
        for (String code : List.of(b, a)) {
            Map<String, Object> body = body("RATIO", "HIGHER_IS_BETTER");
            body.put("group", group);
            put(code, body).statusCode(201);
        }
        String other = code("other");
        put(other, body("SNAPSHOT", "LOWER_IS_BETTER")).statusCode(201);
        asAdmin().queryParam("group", group).get("/api/indicators").then().statusCode(200)
                .body("code", contains(a, b));
        asAdmin().get("/api/indicators").then().statusCode(200).body("code", hasItems(a, b, other));
    }

    @Test
    void refusesToChangeTheMeasureOfAnIndicatorWithTargets() {
        String code = code("investment");
        String unit = code("unit");
        indicator(code, "CUMULATIVE", "HIGHER_IS_BETTER");
        orgUnit(unit, null);
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 100, "milestones", List.of()))
                .when().put("/api/targets/{i}/{o}/{y}", code, unit, 2026)
                .then().statusCode(201);
        put(code, body("RATIO", "HIGHER_IS_BETTER")).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already has targets"));
        // other changes are fine
        Map<String, Object> renamed = body("CUMULATIVE", "HIGHER_IS_BETTER");
        renamed.put("name", "固定资产投资");
        put(code, renamed).statusCode(200).body("name", is("固定资产投资"));
        asAdmin().get("/api/indicators").then().body("code", hasItem(code));
    }
}
