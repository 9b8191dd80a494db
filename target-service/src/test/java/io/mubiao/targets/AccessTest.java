package io.mubiao.targets;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.mubiao.access.Roles;
import io.mubiao.testinfra.JwtKeys;
import io.mubiao.testinfra.JwtTestResource;
import io.mubiao.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what: admin writes and reads everything; supervisor and reporter read the reference data and
 * are refused every write; a missing, expired, forged or unsigned token is refused everywhere with a 401;
 * health and the OpenAPI document need no token. Every refusal is a problem document.
 */
@QuarkusTest
class AccessTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int YEAR = 2026;

    @TempDir
    static Path forgeryKeys;

    /** Each kind of endpoint, called with valid input, so that only the caller decides the outcome. */
    enum Call {
        WRITE_ORG_UNIT(true), IMPORT_ORG_UNITS(true), WRITE_INDICATOR(true), WRITE_TARGET(true),
        READ_ORG_UNIT(false), READ_CHILDREN(false), LIST_INDICATORS(false), READ_INDICATOR(false),
        LIST_TARGETS(false), READ_TARGET(false), READ_TARGET_HISTORY(false);

        final boolean write;

        Call(boolean write) {
            this.write = write;
        }

        static Stream<Call> writes() {
            return Arrays.stream(values()).filter(call -> call.write);
        }

        static Stream<Call> reads() {
            return Arrays.stream(values()).filter(call -> !call.write);
        }
    }

    /** What is wrong with the token. */
    enum BadToken {
        NONE, EXPIRED, FORGED, UNSIGNED
    }

    /** Read by every test, written by none: made once for the class. */
    private static String root;
    private static String city;
    private static String elsewhere;
    private static String rate;
    private static final AtomicInteger YEARS = new AtomicInteger(YEAR);

    /** What a write creates when it is let through, fresh for each test; refused writes must leave it missing. */
    private String newUnit;
    private String newIndicator;
    /** The year of the target a write creates for {@code city}, taken when the write is sent. */
    private int newYear;

    @BeforeEach
    void referenceData() {
        if (root == null) {
            root = code("acc-root");
            city = code("acc-city");
            elsewhere = code("acc-elsewhere");
            rate = code("acc-rate");
            orgUnit(root, null);
            orgUnit(city, root);
            orgUnit(elsewhere, null);
            indicator(rate, "RATIO", "HIGHER_IS_BETTER");
            asAdmin().contentType(ContentType.JSON).body(Map.of("value", 90, "milestones", List.of()))
                    .put("/api/targets/{i}/{o}/{y}", rate, city, YEAR).then().statusCode(201);
        }
        newUnit = code("acc-new");
        newIndicator = code("acc-newrate");
    }

    private Response call(Call call, RequestSpecification request) {
        request = request.contentType(ContentType.JSON);
        return switch (call) {
            case WRITE_ORG_UNIT -> request.body(Map.of("name", "new", "parent", root))
                    .put("/api/org-units/{code}", newUnit);
            case IMPORT_ORG_UNITS -> request.body(List.of(Map.of("code", newUnit, "name", "new", "parent", root)))
                    .post("/api/org-units/import");
            case WRITE_INDICATOR -> request.body(Map.of("name", "new", "unit", "%", "measure", "RATIO",
                    "direction", "HIGHER_IS_BETTER")).put("/api/indicators/{code}", newIndicator);
            case WRITE_TARGET -> {
                newYear = YEARS.incrementAndGet();
                yield request.body(Map.of("value", 95, "milestones", List.of()))
                        .put("/api/targets/{i}/{o}/{y}", rate, city, newYear);
            }
            case READ_ORG_UNIT -> request.get("/api/org-units/{code}", city);
            case READ_CHILDREN -> request.get("/api/org-units/{code}/children", root);
            case LIST_INDICATORS -> request.get("/api/indicators");
            case READ_INDICATOR -> request.get("/api/indicators/{code}", rate);
            case LIST_TARGETS -> request.queryParam("parent", root).get("/api/targets");
            case READ_TARGET -> request.get("/api/targets/{i}/{o}/{y}", rate, city, YEAR);
            case READ_TARGET_HISTORY -> request.get("/api/targets/{i}/{o}/{y}/history", rate, city, YEAR);
        };
    }

    /** A refused write stored nothing: what it would have created is still missing. */
    private void assertNothingWritten(Call call) {
        switch (call) {
            case WRITE_ORG_UNIT, IMPORT_ORG_UNITS ->
                asAdmin().get("/api/org-units/{code}", newUnit).then().statusCode(404);
            case WRITE_INDICATOR -> asAdmin().get("/api/indicators/{code}", newIndicator).then().statusCode(404);
            case WRITE_TARGET -> asAdmin().get("/api/targets/{i}/{o}/{y}", rate, city, newYear).then().statusCode(404);
            default -> throw new IllegalArgumentException(call + " writes nothing");
        }
    }

    private RequestSpecification withBadToken(BadToken bad) {
        return switch (bad) {
            case NONE -> given();
            case EXPIRED -> given().auth().oauth2(JwtTestResource.tokens()
                    .issue(Roles.ADMIN, null, "admin@expired", Duration.ofMinutes(-10)));
            case FORGED -> given().auth().oauth2(new Tokens(JwtKeys.inFolder(forgeryKeys))
                    .issue(Roles.ADMIN, null, "mallory"));
            case UNSIGNED -> given().auth().oauth2(unsignedAdminToken());
        };
    }

    /** A token that claims admin but carries no signature at all ({@code "alg": "none"}). */
    private static String unsignedAdminToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + JwtKeys.ISSUER + "\",\"sub\":\"mallory\",\"upn\":\"mallory\","
                + "\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static Stream<Arguments> writesByNonAdmins() {
        return Call.writes().flatMap(call -> Stream.of(Roles.SUPERVISOR, Roles.REPORTER)
                .map(role -> Arguments.of(call, role)));
    }

    static Stream<Arguments> readsByNonAdmins() {
        return Call.reads().flatMap(call -> Stream.of(Roles.SUPERVISOR, Roles.REPORTER)
                .map(role -> Arguments.of(call, role)));
    }

    static Stream<Arguments> everyCallWithEveryBadToken() {
        return Arrays.stream(Call.values()).flatMap(call -> Arrays.stream(BadToken.values())
                .map(bad -> Arguments.of(call, bad)));
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void adminMayCallEveryEndpoint(Call call) {
        call(call, asAdmin()).then().statusCode(call.write ? anyOf(is(200), is(201)) : is(200))
                .contentType(ContentType.JSON);
    }

    @ParameterizedTest
    @MethodSource("writesByNonAdmins")
    void supervisorAndReporterAreRefusedEveryWriteWith403Problem(Call call, String role) {
        call(call, as(role, root, role + "@" + root)).then().statusCode(403)
                .contentType(PROBLEM)
                .body("status", is(403))
                .body("title", is("Forbidden"));
        assertNothingWritten(call);
    }

    @ParameterizedTest
    @MethodSource("readsByNonAdmins")
    void supervisorAndReporterMayReadEveryReference(Call call, String role) {
        call(call, as(role, root, role + "@" + root)).then().statusCode(200).contentType(ContentType.JSON);
    }

    @ParameterizedTest
    @MethodSource("readsByNonAdmins")
    void supervisorAndReporterReadUnitsOutsideTheirOwnSubtreeToo(Call call, String role) {
        call(call, as(role, elsewhere, role + "@" + elsewhere)).then().statusCode(200);
    }

    @ParameterizedTest
    @MethodSource("everyCallWithEveryBadToken")
    void missingExpiredForgedOrUnsignedTokenIs401Problem(Call call, BadToken bad) {
        call(call, withBadToken(bad)).then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", is("Bearer"))
                .body("status", is(401))
                .body("title", is("Unauthorized"));
        if (call.write) {
            assertNothingWritten(call);
        }
    }

    @Test
    void tokenWithNoneOfTheSuitesRolesIsRefusedEvenReadsWith403() {
        call(Call.READ_ORG_UNIT, as("guest", root, "guest@" + root)).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void tokenWithoutSubjectIsRefusedSinceEveryChangeIsOnRecord() {
        String nameless = JwtTestResource.tokens().issueWithoutSubject(Roles.ADMIN, "nameless");
        call(Call.READ_ORG_UNIT, given().auth().oauth2(nameless)).then().statusCode(401).contentType(PROBLEM);
        call(Call.WRITE_ORG_UNIT, given().auth().oauth2(nameless)).then().statusCode(401).contentType(PROBLEM);
        assertNothingWritten(Call.WRITE_ORG_UNIT);
    }

    @Test
    void refusesAReporterBeforeLookingAtTheBody() {
        as(Roles.REPORTER, root, "reporter@" + root).contentType(ContentType.JSON).body("{\"name\": ")
                .put("/api/org-units/{code}", newUnit)
                .then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .put("/api/org-units/{code}", newUnit)
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void healthOpenApiAndSwaggerUiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(ContentType.HTML);
    }
}
