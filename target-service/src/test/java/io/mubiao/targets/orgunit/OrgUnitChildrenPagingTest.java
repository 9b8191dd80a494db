package io.mubiao.targets.orgunit;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code GET /api/org-units/{code}/children} pages: the body is an array, the total and the page are headers. */
@QuarkusTest
class OrgUnitChildrenPagingTest {

    private static final String PROBLEM = "application/problem+json";

    /** A parent with 5 children c0…c4 (imported in reverse order) and a grandchild that is not counted. */
    private String parent;

    @BeforeEach
    void tree() {
        parent = code("page");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            rows.add(Map.of("code", parent + "-c" + i, "name", "child " + i, "parent", parent));
        }
        rows.add(Map.of("code", parent, "name", "parent"));
        asAdmin().contentType(ContentType.JSON).body(rows).post("/api/org-units/import").then().statusCode(200);
        orgUnit(parent + "-c0-x", parent + "-c0");
    }

    @Test
    void firstPageUsesTheDefaultSizeAndGivesTheTotalInHeaders() {
        asAdmin().get("/api/org-units/{code}/children", parent).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Total-Count", "5")
                .header("X-Page", "0")
                .header("X-Page-Size", "100")
                .body("code", contains(parent + "-c0", parent + "-c1", parent + "-c2", parent + "-c3", parent + "-c4"));
    }

    @Test
    void pagesThroughTheChildrenSortedByCode() {
        asAdmin().queryParam("page", 0).queryParam("size", 2).get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).header("X-Total-Count", "5").header("X-Page-Size", "2")
                .body("code", contains(parent + "-c0", parent + "-c1"));
        asAdmin().queryParam("page", 1).queryParam("size", 2).get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).header("X-Page", "1")
                .body("code", contains(parent + "-c2", parent + "-c3"));
        asAdmin().queryParam("page", 2).queryParam("size", 2).get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).header("X-Total-Count", "5")
                .body("code", contains(parent + "-c4"));
    }

    @Test
    void pageBeyondTheEndIsAnEmptyArrayWithTheTotal() {
        asAdmin().queryParam("page", 3).queryParam("size", 2).get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).header("X-Total-Count", "5").header("X-Page", "3").body("", empty());
        asAdmin().queryParam("page", Integer.MAX_VALUE).queryParam("size", 1000)
                .get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).header("X-Total-Count", "5").body("", empty());
    }

    @Test
    void sizeOf1000IsAllowedAndSizeAbove1000IsRejectedNamingTheParameter() {
        asAdmin().queryParam("size", 1000).get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).body("", hasSize(5));
        asAdmin().queryParam("size", 1001).get("/api/org-units/{code}/children", parent).then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", is("size"))
                .body("errors[0].message", containsString("between 1 and 1000"));
    }

    @Test
    void rejectsNegativePageZeroSizeAndNonNumbersNamingTheParameter() {
        asAdmin().queryParam("page", -1).get("/api/org-units/{code}/children", parent).then()
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", is("page"));
        asAdmin().queryParam("size", 0).get("/api/org-units/{code}/children", parent).then()
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", is("size"));
        asAdmin().queryParam("page", "two").get("/api/org-units/{code}/children", parent).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("page"))
                .body("detail", containsString("'two' is not a whole number"));
        asAdmin().queryParam("size", "1e3").get("/api/org-units/{code}/children", parent).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("size"));
    }

    @Test
    void everyRoleReadsPagesAndAnUnknownUnitIs404() {
        as(Roles.REPORTER, parent, "reporter@" + parent).queryParam("size", 1)
                .get("/api/org-units/{code}/children", parent).then()
                .statusCode(200).header("X-Total-Count", "5").body("", hasSize(1));
        asAdmin().get("/api/org-units/{code}/children", code("nobody")).then()
                .statusCode(404).contentType(PROBLEM);
    }
}
