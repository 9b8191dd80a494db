package io.mubiao.targets.orgunit;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
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
class OrgUnitImportResourceTest {

    private static Map<String, Object> row(String code, String name, String parent) {
        Map<String, Object> row = new HashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("parent", parent);
        return row;
    }

    private static ValidatableResponse importRows(Object rows) {
        return importRows(asAdmin(), rows);
    }

    private static ValidatableResponse importRows(RequestSpecification caller, Object rows) {
        return caller.contentType(ContentType.JSON).body(rows)
                .when().post("/api/org-units/import")
                .then();
    }

    @Test
    void importsChildrenBeforeTheirParents() {
        String root = code("CN");
        String province = code("FJ");
        String city = code("FZ");
        String county = code("GL");
        importRows(List.of(row(county, "鼓楼区", city), row(city, "福州市", province), row(province, "福建省", root),
                row(root, "中国", null))).statusCode(200)
                .contentType(ContentType.JSON)
                .body("received", is(4))
                .body("created", is(4))
                .body("updated", is(0))
                .body("rejected", is(0))
                .body("errors", empty());
        asAdmin().get("/api/org-units/{code}", county).then().statusCode(200)
                .body("level", is(4))
                .body("path", contains(root, province, city, county))
                .body("kind", is("region"))
                .body("changedBy", is(Auth.ADMIN));
    }

    @Test
    void storesValidRowsAndReportsEachRejectedRowWith207() {
        String root = code("root");
        String good = code("good");
        String noName = code("noname");
        String childOfRejected = code("childofrejected");
        String twice = code("twice");
        String cycleA = code("cycA");
        String cycleB = code("cycB");
        List<Map<String, Object>> rows = List.of(
                row(good, "good", root),                     // 0: parent comes later
                row("bad code!", "x", root),                 // 1: bad code
                row(noName, "", root),                       // 2: empty name
                row(code("orphan"), "x", code("missing")),   // 3: unknown parent
                row(childOfRejected, "x", noName),           // 4: parent rejected
                row(twice, "x", root),                       // 5: same code, two parents
                row(twice, "x", good),                       // 6
                row(cycleA, "x", cycleB),                    // 7: cycle
                row(cycleB, "x", cycleA),                    // 8
                row(root, "root", null));                    // 9
        importRows(rows).statusCode(207)
                .contentType(ContentType.JSON)
                .body("received", is(10))
                .body("created", is(2))
                .body("rejected", is(8))
                .body("errors.index", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("errors.field", contains("code", "name", "parent", "parent", "parent", "parent", "parent", "parent"))
                .body("errors[2].message", containsString("unknown parent"))
                .body("errors[3].message", containsString("was rejected (row 2)"))
                .body("errors[4].message", containsString("different parents in rows 5, 6"))
                .body("errors[6].message", containsString("cycle"));
        asAdmin().get("/api/org-units/{code}", good).then().statusCode(200).body("path", contains(root, good));
        for (String rejected : List.of(noName, childOfRejected, twice, cycleA, cycleB)) {
            asAdmin().get("/api/org-units/{code}", rejected).then().statusCode(404);
        }
    }

    @Test
    void answers422WithTheSummaryWhenEveryRowIsRejected() {
        String stored = code("stored");
        String below = code("below");
        orgUnit(stored, null);
        orgUnit(below, stored);
        // moving the stored unit under its own child is a cycle through stored units
        importRows(List.of(row(stored, "x", below))).statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422))
                .body("received", is(1))
                .body("rejected", is(1))
                .body("created", is(0))
                .body("errors[0].index", is(0))
                .body("errors[0].field", is("parent"))
                .body("errors[0].message", containsString("cycle"));
        asAdmin().get("/api/org-units/{code}", stored).then().body("level", is(1));
    }

    @Test
    void rejectsEmptyArray() {
        importRows(List.of()).statusCode(422).contentType("application/problem+json");
    }

    @Test
    void rejectsBodyThatIsNotAnArrayWith400() {
        importRows(Map.of("code", "x")).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void attachesRowsToStoredParentsAndCountsUpdatesAndUnchangedRows() {
        String root = code("root");
        String city = code("city");
        orgUnit(root, null);
        orgUnit(city, root);
        String county = code("county");
        importRows(List.of(row(county, "county", city), row(city, "unit " + city, root), row(root, "renamed", null)))
                .statusCode(200)
                .body("created", is(1))
                .body("unchanged", is(1))
                .body("updated", is(1));
        asAdmin().get("/api/org-units/{code}", county).then().body("path", contains(root, city, county));
        asAdmin().get("/api/org-units/{code}", root).then().body("name", is("renamed"));
    }

    @Test
    void importMovesStoredDescendantsThatAreNotInTheFile() {
        String oldRoot = code("old");
        String newRoot = code("new");
        String moved = code("moved");
        String child = code("child");
        orgUnit(oldRoot, null);
        orgUnit(newRoot, null);
        orgUnit(moved, oldRoot);
        orgUnit(child, moved);
        String newMid = code("mid");
        importRows(as(Roles.ADMIN, null, "importer@test"), List.of(row(moved, "moved", newMid),
                row(newMid, "mid", newRoot))).statusCode(200)
                .body("created", is(1))
                .body("updated", is(1));
        asAdmin().get("/api/org-units/{code}", child).then()
                .body("level", is(4))
                .body("path", contains(newRoot, newMid, moved, child))
                .body("changedBy", is("importer@test"));
        asAdmin().get("/api/org-units/{code}", newMid).then().body("changedBy", is("importer@test"));
        asAdmin().get("/api/org-units/{code}", oldRoot).then().body("changedBy", is(Auth.ADMIN));
    }

    @Test
    void importsThreeThousandUnitsInReverseOrderWellUnderFiveSeconds() {
        String prefix = code("bulk");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(prefix, "province", null));
        for (int city = 0; city < 30; city++) {
            String cityCode = prefix + "-" + city;
            rows.add(row(cityCode, "city " + city, prefix));
            for (int county = 0; county < 99; county++) {
                rows.add(row(cityCode + "-" + county, "county " + county, cityCode));
            }
        }
        Collections.reverse(rows);
        assertTrue(rows.size() >= 3000);
        long started = System.nanoTime();
        importRows(rows).statusCode(200).body("created", is(rows.size())).body("rejected", is(0));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5_000, "import of " + rows.size() + " units took " + millis + " ms");
        asAdmin().get("/api/org-units/{code}", prefix + "-29-98").then().statusCode(200)
                .body("level", is(3))
                .body("path", contains(prefix, prefix + "-29", prefix + "-29-98"));
    }
}
