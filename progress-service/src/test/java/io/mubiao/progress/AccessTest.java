package io.mubiao.progress;

import static io.mubiao.progress.Auth.as;
import static io.mubiao.progress.Auth.asAdmin;
import static io.mubiao.progress.Auth.asReporter;
import static io.mubiao.progress.Auth.asSupervisor;
import static io.mubiao.progress.Auth.withToken;
import static io.mubiao.progress.OrgTree.outside;
import static io.mubiao.progress.ReferenceData.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mubiao.access.Roles;
import io.mubiao.testinfra.JwtKeys;
import io.mubiao.testinfra.JwtTestResource;
import io.mubiao.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what: a real token for every request; admins everywhere, reporters write and read inside their
 * area (the token's orgUnit and the units below it), supervisors only read inside it.
 */
@QuarkusTest
class AccessTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    // --- tokens ---

    @Test
    void refusesEveryEndpointWithoutATokenWithProblem() {
        OrgTree tree = OrgTree.seed();

        series(given(), tree, tree.county()).statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
        history(given(), tree, tree.county()).statusCode(401).contentType(PROBLEM_JSON);
        post(given(), tree.report(tree.county(), today(), 5)).statusCode(401).contentType(PROBLEM_JSON);

        assertNothingStored(tree, tree.county());
    }

    @Test
    void refusesAnExpiredToken() {
        OrgTree tree = OrgTree.seed();
        String expired = JwtTestResource.tokens().issue(Roles.ADMIN, null, "admin", Duration.ofMinutes(-10));

        series(withToken(expired), tree, tree.county()).statusCode(401).contentType(PROBLEM_JSON)
                .body("detail", equalTo("the bearer token is missing, expired, or not signed by a trusted issuer"));
        post(withToken(expired), tree.report(tree.county(), today(), 5)).statusCode(401).contentType(PROBLEM_JSON);

        assertNothingStored(tree, tree.county());
    }

    @Test
    void refusesATokenSignedWithAnotherKey(@TempDir Path otherKeys) {
        OrgTree tree = OrgTree.seed();
        String forged = new Tokens(JwtKeys.inFolder(otherKeys)).issue(Roles.ADMIN, null, "admin");

        series(withToken(forged), tree, tree.county()).statusCode(401).contentType(PROBLEM_JSON);
        history(withToken(forged), tree, tree.county()).statusCode(401).contentType(PROBLEM_JSON);
        post(withToken(forged), tree.report(tree.county(), today(), 5)).statusCode(401).contentType(PROBLEM_JSON);

        assertNothingStored(tree, tree.county());
    }

    @Test
    void refusesAnUnsignedToken() {
        OrgTree tree = OrgTree.seed();
        long now = Instant.now().getEpochSecond();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url("{\"iss\":\""
                + JwtKeys.ISSUER + "\",\"sub\":\"mallory\",\"upn\":\"mallory\",\"groups\":[\"admin\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}") + ".";

        series(withToken(unsigned), tree, tree.county()).statusCode(401).contentType(PROBLEM_JSON);
        post(withToken(unsigned), tree.report(tree.county(), today(), 5)).statusCode(401).contentType(PROBLEM_JSON);

        assertNothingStored(tree, tree.county());
    }

    @Test
    void refusesATokenWithoutSubjectSinceReportsRecordWhoSentThem() {
        OrgTree tree = OrgTree.seed();
        String anonymous = JwtTestResource.tokens().issueWithoutSubject(Roles.ADMIN, "someone");

        post(withToken(anonymous), tree.report(tree.county(), today(), 5)).statusCode(401).contentType(PROBLEM_JSON);

        assertNothingStored(tree, tree.county());
    }

    @Test
    void refusesATokenWithoutARoleOfTheSuite() {
        OrgTree tree = OrgTree.seed();

        series(as("guest", tree.city(), "guest"), tree, tree.county()).statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", equalTo("your role may not do this"));
        history(as("guest", tree.city(), "guest"), tree, tree.county()).statusCode(403).contentType(PROBLEM_JSON);
        post(as("guest", tree.city(), "guest"), tree.report(tree.county(), today(), 5)).statusCode(403)
                .contentType(PROBLEM_JSON);

        assertNothingStored(tree, tree.county());
    }

    // --- POST /api/progress ---

    @Test
    void adminReportsForEveryUnit() {
        OrgTree tree = OrgTree.seed();

        post(asAdmin(), List.of(tree.report(tree.province(), today(), 1), tree.report(tree.otherCitysCounty(), today(), 2),
                tree.report(tree.county(), today(), 3)))
                .statusCode(200).body("accepted", equalTo(3));

        history(asAdmin(), tree, tree.otherCitysCounty()).statusCode(200)
                .body("revisions.reportedBy", contains("admin"));
    }

    @Test
    void reporterOfACityReportsForTheCityAndItsCounties() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.city(), "zhang.wei"), List.of(tree.report(tree.city(), today(), 1),
                tree.report(tree.county(), today(), 2), tree.report(tree.otherCounty(), today(), 3)))
                .statusCode(200).body("accepted", equalTo(3)).body("rejected", equalTo(0));

        history(asAdmin(), tree, tree.otherCounty()).statusCode(200)
                .body("revisions.numerator", contains(3)).body("revisions.reportedBy", contains("zhang.wei"));
    }

    @Test
    void reporterIsRefusedASingleReportForAnotherCitysCounty() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.city(), "zhang.wei"), tree.report(tree.otherCitysCounty(), today(), 5))
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("status", equalTo(403)).body("title", equalTo("Forbidden"))
                .body("detail", equalTo(outside(tree.otherCitysCounty(), tree.city())))
                .body("received", equalTo(1)).body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("orgUnit"));

        assertNothingStored(tree, tree.otherCitysCounty());
    }

    @Test
    void reporterIsRefusedAReportForTheUnitAboveItsArea() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.county(), "wang.fang"), tree.report(tree.city(), today(), 5))
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", equalTo(outside(tree.city(), tree.county())));

        assertNothingStored(tree, tree.city());
    }

    @Test
    void batchWithRowsOutsideTheAreaStoresTheOthersAndNamesTheRowsOutside() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.city(), "zhang.wei"), List.of(tree.report(tree.county(), today(), 1),
                tree.report(tree.otherCitysCounty(), today(), 2), tree.report(tree.otherCounty(), today(), 3),
                tree.report(tree.province(), today(), 4)))
                .statusCode(207).contentType(ContentType.JSON)
                .body("received", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("errors.index", contains(1, 3))
                .body("errors.field", contains("orgUnit", "orgUnit"))
                .body("errors.message", contains(outside(tree.otherCitysCounty(), tree.city()),
                        outside(tree.province(), tree.city())));

        series(asAdmin(), tree, tree.county()).statusCode(200).body("points", hasSize(1));
        series(asAdmin(), tree, tree.otherCounty()).statusCode(200).body("points", hasSize(1));
        assertNothingStored(tree, tree.otherCitysCounty());
        assertNothingStored(tree, tree.province());
    }

    @Test
    void batchWhollyOutsideTheAreaIsForbiddenWithTheSummary() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.city(), "zhang.wei"), List.of(tree.report(tree.otherCity(), today(), 1),
                Map.of("eventId", "sm-1", "orgUnit", tree.otherCitysCounty(), "indicator", tree.rate(),
                        "date", today().toString(), "numerator", 120, "denominator", 100)))
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("status", equalTo(403)).body("title", equalTo("Forbidden"))
                .body("detail", startsWith("all 2 reports were refused: " + outside(tree.otherCity(), tree.city())))
                .body("received", equalTo(2)).body("accepted", equalTo(0)).body("duplicates", equalTo(0))
                .body("rejected", equalTo(2))
                // a report for a unit outside the area is refused as a whole: its numbers are not looked at
                .body("errors", hasSize(2))
                .body("errors.index", contains(0, 1))
                .body("errors.field", contains("orgUnit", "orgUnit"))
                .body("errors[1].eventId", equalTo("sm-1"))
                .body("errors[1].message", equalTo(outside(tree.otherCitysCounty(), tree.city())));

        assertNothingStored(tree, tree.otherCity());
        assertNothingStored(tree, tree.otherCitysCounty());
    }

    @Test
    void batchRefusedForOutsideAndInvalidRowsIsUnprocessable() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.city(), "zhang.wei"), List.of(tree.report(tree.otherCitysCounty(), today(), 1),
                tree.report(tree.county(), today(), 120)))
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("rejected", equalTo(2))
                .body("errors.field", contains("orgUnit", "numerator"));
    }

    @Test
    void unknownOrgUnitIsUnprocessableForAReporterTooBeforeTheArea() {
        OrgTree tree = OrgTree.seed();

        post(asReporter(tree.city(), "zhang.wei"), tree.report("no-such-unit", today(), 1))
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].message", equalTo("unknown org unit no-such-unit"));
        post(asReporter(tree.city(), "zhang.wei"), List.of(tree.report("no-such-unit", today(), 1),
                tree.report(tree.otherCity(), today(), 1)))
                .statusCode(422)
                .body("errors.message", contains("unknown org unit no-such-unit", outside(tree.otherCity(), tree.city())));
    }

    @Test
    void dryRunFollowsTheSameAreaRules() {
        OrgTree tree = OrgTree.seed();

        dryRun(asReporter(tree.city(), "zhang.wei"), tree.report(tree.otherCitysCounty(), today(), 1))
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", equalTo(outside(tree.otherCitysCounty(), tree.city())));
        dryRun(asReporter(tree.city(), "zhang.wei"), List.of(tree.report(tree.county(), today(), 1),
                tree.report(tree.otherCitysCounty(), today(), 1)))
                .statusCode(207).body("accepted", equalTo(1)).body("errors.index", contains(1));
        dryRun(asReporter(tree.city(), "zhang.wei"), List.of(tree.report(tree.otherCity(), today(), 1),
                tree.report(tree.otherCitysCounty(), today(), 1)))
                .statusCode(403).contentType(PROBLEM_JSON).body("rejected", equalTo(2));

        assertNothingStored(tree, tree.county());
    }

    @Test
    void reporterWhoseTokenNamesNoOrgUnitMayReportForNoUnit() {
        OrgTree tree = OrgTree.seed();

        post(as(Roles.REPORTER, null, "nowhere"), tree.report(tree.county(), today(), 1))
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", equalTo("your token names no org unit, so " + tree.county() + " is outside your area"));

        assertNothingStored(tree, tree.county());
    }

    @Test
    void supervisorMayNotReportEvenInsideItsArea() {
        OrgTree tree = OrgTree.seed();

        post(asSupervisor(tree.city()), tree.report(tree.county(), today(), 1))
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("title", equalTo("Forbidden")).body("detail", equalTo("your role may not do this"));
        dryRun(asSupervisor(tree.city()), tree.report(tree.county(), today(), 1)).statusCode(403);

        assertNothingStored(tree, tree.county());
    }

    // --- GET /api/progress and /api/progress/history ---

    @Test
    void adminReadsEveryUnit() {
        OrgTree tree = OrgTree.seed();
        post(asAdmin(), tree.report(tree.otherCitysCounty(), today(), 7)).statusCode(200);

        for (String unit : List.of(tree.province(), tree.city(), tree.otherCitysCounty())) {
            series(asAdmin(), tree, unit).statusCode(200).body("orgUnit", equalTo(unit));
            history(asAdmin(), tree, unit).statusCode(200).body("orgUnit", equalTo(unit));
        }
        series(asAdmin(), tree, tree.otherCitysCounty()).body("points.numerator", contains(7));
    }

    @Test
    void supervisorReadsInsideItsAreaAndIsRefusedOutside() {
        OrgTree tree = OrgTree.seed();
        post(asAdmin(), tree.report(tree.county(), today(), 7)).statusCode(200);

        for (String unit : List.of(tree.city(), tree.county(), tree.otherCounty())) {
            series(asSupervisor(tree.city()), tree, unit).statusCode(200);
            history(asSupervisor(tree.city()), tree, unit).statusCode(200);
        }
        series(asSupervisor(tree.city()), tree, tree.county()).body("points.numerator", contains(7));
        history(asSupervisor(tree.city()), tree, tree.county()).body("revisions.numerator", contains(7));

        for (String unit : List.of(tree.province(), tree.otherCity(), tree.otherCitysCounty())) {
            series(asSupervisor(tree.city()), tree, unit).statusCode(403).contentType(PROBLEM_JSON)
                    .body("status", equalTo(403)).body("detail", equalTo(outside(unit, tree.city())));
            history(asSupervisor(tree.city()), tree, unit).statusCode(403).contentType(PROBLEM_JSON)
                    .body("detail", equalTo(outside(unit, tree.city())));
        }
    }

    @Test
    void reporterReadsInsideItsAreaAndIsRefusedOutside() {
        OrgTree tree = OrgTree.seed();

        series(asReporter(tree.county(), "wang.fang"), tree, tree.county()).statusCode(200);
        history(asReporter(tree.county(), "wang.fang"), tree, tree.county()).statusCode(200);
        for (String unit : List.of(tree.city(), tree.otherCounty(), tree.otherCitysCounty())) {
            series(asReporter(tree.county(), "wang.fang"), tree, unit).statusCode(403).contentType(PROBLEM_JSON)
                    .body("detail", equalTo(outside(unit, tree.county())));
            history(asReporter(tree.county(), "wang.fang"), tree, unit).statusCode(403).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void unknownOrgUnitIsNotFoundWhateverTheArea() {
        OrgTree tree = OrgTree.seed();

        series(asSupervisor(tree.city()), tree, "no-such-unit").statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", equalTo("unknown org unit no-such-unit"));
        history(asReporter(tree.city(), "zhang.wei"), tree, "no-such-unit").statusCode(404);
    }

    private static ValidatableResponse post(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).body(body).post("/api/progress").then();
    }

    private static ValidatableResponse dryRun(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).queryParam("dryRun", true).body(body).post("/api/progress").then();
    }

    private static ValidatableResponse series(RequestSpecification request, OrgTree tree, String orgUnit) {
        return request.queryParam("orgUnit", orgUnit).queryParam("indicator", tree.rate()).get("/api/progress").then();
    }

    private static ValidatableResponse history(RequestSpecification request, OrgTree tree, String orgUnit) {
        return request.queryParam("orgUnit", orgUnit).queryParam("indicator", tree.rate())
                .queryParam("date", today().toString()).get("/api/progress/history").then();
    }

    private static void assertNothingStored(OrgTree tree, String orgUnit) {
        series(asAdmin(), tree, orgUnit).statusCode(200).body("points", hasSize(0));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
