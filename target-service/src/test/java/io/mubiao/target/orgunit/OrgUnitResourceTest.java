package io.mubiao.target.orgunit;

import static io.mubiao.target.TestData.code;
import static io.mubiao.target.TestData.orgUnit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class OrgUnitResourceTest {

    private static ValidatableResponse put(String code, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/api/org-units/{code}", code)
                .then();
    }

    @Test
    void createsWith201ThenUpdatesWith200() {
        String code = code("root");
        put(code, Map.of("name", "省")).statusCode(201)
                .contentType(ContentType.JSON)
                .body("code", is(code))
                .body("name", is("省"))
                .body("parent", nullValue())
                .body("kind", is("region"))
                .body("level", is(1))
                .body("path", contains(code));
        put(code, Map.of("name", "福建省", "kind", "province")).statusCode(200)
                .body("name", is("福建省"))
                .body("kind", is("province"));
        given().get("/api/org-units/{code}", code).then().statusCode(200)
                .body("name", is("福建省"))
                .body("kind", is("province"));
    }

    @Test
    void repeatingTheSamePutAnswers200WithTheSameUnit() {
        String code = code("same");
        put(code, Map.of("name", "n")).statusCode(201);
        put(code, Map.of("name", "n")).statusCode(200).body("level", is(1)).body("path", contains(code));
    }

    @Test
    void derivesLevelAndPathFromTheParent() {
        String root = code("CN");
        String province = code("FJ");
        String city = code("FZ");
        orgUnit(root, null);
        orgUnit(province, root);
        put(city, Map.of("name", "福州市", "parent", province, "kind", "region")).statusCode(201)
                .body("parent", is(province))
                .body("level", is(3))
                .body("path", contains(root, province, city));
    }

    @Test
    void rejectsBadCodeOnThePath() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/org-units/{code}", "bad!code")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422))
                .body("errors[0].field", is("code"));
        put("x".repeat(65), Map.of("name", "x")).statusCode(422).body("errors[0].field", is("code"));
    }

    @Test
    void rejectsEmptyName() {
        put(code("noname"), Map.of("name", " ")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("name"));
        given().contentType(ContentType.JSON).body("{}")
                .when().put("/api/org-units/{code}", code("noname"))
                .then().statusCode(422).body("errors[0].field", is("name"));
    }

    @Test
    void rejectsUnknownParent() {
        String code = code("orphan");
        put(code, Map.of("name", "x", "parent", code("missing"))).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("parent"))
                .body("detail", containsString("unknown parent"));
        given().get("/api/org-units/{code}", code).then().statusCode(404);
    }

    @Test
    void rejectsUnitAsItsOwnParent() {
        String code = code("self");
        put(code, Map.of("name", "x", "parent", code)).statusCode(422).body("errors[0].field", is("parent"));
    }

    @Test
    void rejectsCycle() {
        String a = code("A");
        String b = code("B");
        String c = code("C");
        orgUnit(a, null);
        orgUnit(b, a);
        orgUnit(c, b);
        put(a, Map.of("name", "x", "parent", c)).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("parent"))
                .body("detail", containsString("cycle"));
        given().get("/api/org-units/{code}", a).then().statusCode(200)
                .body("parent", nullValue())
                .body("level", is(1));
    }

    @Test
    void moveUpdatesLevelAndPathOfTheWholeSubtree() {
        String oldRoot = code("old");
        String newRoot = code("new");
        String newMid = code("newmid");
        String moved = code("moved");
        String child = code("child");
        String grandchild = code("grandchild");
        orgUnit(oldRoot, null);
        orgUnit(newRoot, null);
        orgUnit(newMid, newRoot);
        orgUnit(moved, oldRoot);
        orgUnit(child, moved);
        orgUnit(grandchild, child);

        put(moved, Map.of("name", "moved", "parent", newMid)).statusCode(200)
                .body("level", is(3))
                .body("path", contains(newRoot, newMid, moved));
        given().get("/api/org-units/{code}", child).then().statusCode(200)
                .body("level", is(4))
                .body("path", contains(newRoot, newMid, moved, child));
        given().get("/api/org-units/{code}", grandchild).then().statusCode(200)
                .body("level", is(5))
                .body("path", contains(newRoot, newMid, moved, child, grandchild));

        // and back up to a root: levels shrink again
        put(moved, Map.of("name", "moved")).statusCode(200).body("level", is(1)).body("path", contains(moved));
        given().get("/api/org-units/{code}", grandchild).then()
                .body("level", is(3))
                .body("path", contains(moved, child, grandchild));
        given().get("/api/org-units/{code}/children", oldRoot).then().body("", empty());
    }

    @Test
    void returns404ProblemForUnknownUnit() {
        given().get("/api/org-units/{code}", code("nobody")).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("title", is("Not Found"))
                .body("detail", containsString("does not exist"));
    }

    @Test
    void listsChildrenSortedByCode() {
        String parent = code("P");
        orgUnit(parent, null);
        orgUnit(parent + "-c", parent);
        orgUnit(parent + "-a", parent);
        orgUnit(parent + "-b", parent);
        orgUnit(parent + "-a-x", parent + "-a");
        given().get("/api/org-units/{code}/children", parent).then().statusCode(200)
                .body("code", contains(parent + "-a", parent + "-b", parent + "-c"))
                .body("level", contains(2, 2, 2));
        given().get("/api/org-units/{code}/children", parent + "-b").then().statusCode(200).body("", empty());
    }

    @Test
    void childrenOfUnknownUnitIs404() {
        given().get("/api/org-units/{code}/children", code("nobody")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsMalformedJsonWith400() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().put("/api/org-units/{code}", code("bad"))
                .then().statusCode(400)
                .contentType("application/problem+json");
    }
}
