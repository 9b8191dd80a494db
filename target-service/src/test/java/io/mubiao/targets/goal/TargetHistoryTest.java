package io.mubiao.targets.goal;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Every change of a target is on record: who made it, when, and the target as it then was. */
@QuarkusTest
class TargetHistoryTest {

    private static final String ALICE = "alice@planning";
    private static final String BOB = "bob@statistics";

    private String investment;
    private String county;

    @BeforeEach
    void referenceData() {
        investment = code("hist-investment");
        county = code("hist-county");
        indicator(investment, "CUMULATIVE", "HIGHER_IS_BETTER");
        orgUnit(county, null);
    }

    private static RequestSpecification admin(String subject) {
        return as(Roles.ADMIN, null, subject);
    }

    private JsonPath put(RequestSpecification caller, Map<String, Object> body, int status) {
        return caller.contentType(ContentType.JSON).body(body)
                .put("/api/targets/{i}/{o}/{y}", investment, county, 2026)
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void historyNamesBothAdminsWithTheTimesOfTheirChangesOldestFirst() {
        JsonPath created = put(admin(ALICE), Map.of("value", 1000, "milestones",
                List.of(Map.of("due", "2026-06-30", "value", 400))), 201);
        assertEquals(1, created.getInt("version"));
        assertEquals(ALICE, created.getString("changedBy"));
        JsonPath changed = put(admin(BOB), Map.of("value", 1200, "trajectory", "STEP", "milestones",
                List.of(Map.of("due", "2026-03-31", "value", 200), Map.of("due", "2026-06-30", "value", 500.5))), 200);
        assertEquals(2, changed.getInt("version"));
        assertEquals(BOB, changed.getString("changedBy"));
        String createdAt = created.getString("changedAt");
        String changedAt = changed.getString("changedAt");
        assertTrue(Instant.parse(createdAt).isBefore(Instant.parse(changedAt)), createdAt + " then " + changedAt);

        asAdmin().get("/api/targets/{i}/{o}/{y}", investment, county, 2026).then().statusCode(200)
                .body("version", is(2))
                .body("changedBy", is(BOB))
                .body("changedAt", is(changedAt));
        asAdmin().get("/api/targets/{i}/{o}/{y}/history", investment, county, 2026).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("", hasSize(2))
                .body("version", contains(1, 2))
                .body("changedBy", contains(ALICE, BOB))
                .body("changedAt", contains(createdAt, changedAt))
                .body("kind", contains("VALUE", "VALUE"))
                .body("value", contains(1000, 1200))
                .body("start", contains(0, 0))
                .body("trajectory", contains("LINEAR", "STEP"))
                .body("[0].milestones.due", contains("2026-06-30"))
                .body("[0].milestones.value", contains(400))
                .body("[1].milestones.due", contains("2026-03-31", "2026-06-30"))
                .body("[1].milestones.value", contains(200, 500.5f));
    }

    @Test
    void aPutThatChangesNothingAddsNoVersionAndKeepsTheAuthor() {
        Map<String, Object> body = Map.of("value", 1000, "milestones", List.of());
        put(admin(ALICE), body, 201);
        assertEquals(ALICE, put(admin(BOB), body, 200).getString("changedBy"));
        asAdmin().get("/api/targets/{i}/{o}/{y}", investment, county, 2026).then()
                .body("version", is(1))
                .body("changedBy", is(ALICE));
        asAdmin().get("/api/targets/{i}/{o}/{y}/history", investment, county, 2026).then().statusCode(200)
                .body("changedBy", contains(ALICE));
    }

    @Test
    void historyOfAMissingTargetIs404Problem() {
        asAdmin().get("/api/targets/{i}/{o}/{y}/history", investment, county, 2031).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("no target of " + investment + " for " + county + " in 2031"));
    }

    @Test
    void listedTargetsShowTheirVersionAndAuthor() {
        String city = code("hist-city");
        orgUnit(city, county);
        put(admin(ALICE), Map.of("value", 10, "milestones", List.of()), 201);
        admin(BOB).contentType(ContentType.JSON).body(Map.of("value", 5, "milestones", List.of()))
                .put("/api/targets/{i}/{o}/{y}", investment, city, 2026).then().statusCode(201);
        asAdmin().queryParam("indicator", investment).get("/api/targets").then().statusCode(200)
                .body("orgUnit", contains(city, county))
                .body("changedBy", contains(BOB, ALICE))
                .body("version", contains(1, 1));
    }
}
