package io.mubiao.targets.orgunit;

import static io.mubiao.targets.Auth.as;
import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.targets.Auth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class OrgUnitResourceTest {

    private static ValidatableResponse put(String code, Map<String, ?> body) {
        return asAdmin().contentType(ContentType.JSON).body(body)
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
                .body("path", contains(code))
                .body("changedBy", is(Auth.ADMIN))
                .body("changedAt", notNullValue());
        put(code, Map.of("name", "福建省", "kind", "province")).statusCode(200)
                .body("name", is("福建省"))
                .body("kind", is("province"));
        asAdmin().get("/api/org-units/{code}", code).then().statusCode(200)
                .body("name", is("福建省"))
                .body("kind", is("province"));
    }

    @Test
    void repeatingTheSamePutAnswers200WithTheSameUnit() {
        String code = code("same");
        String changedAt = put(code, Map.of("name", "n")).statusCode(201).extract().path("changedAt");
        put(code, Map.of("name", "n")).statusCode(200).body("level", is(1)).body("path", contains(code))
                .body("changedAt", is(changedAt));
    }

    @Test
    void recordsWhoChangedAUnitIncludingDescendantsMovedWithIt() {
        String oldRoot = code("old");
        String newRoot = code("new");
        String moved = code("moved");
        String child = code("child");
        orgUnit(oldRoot, null);
        orgUnit(newRoot, null);
        orgUnit(moved, oldRoot);
        orgUnit(child, moved);
        String changedAt = as(Roles.ADMIN, null, "mover@test").contentType(ContentType.JSON)
                .body(Map.of("name", "moved", "parent", newRoot))
                .put("/api/org-units/{code}", moved)
                .then().statusCode(200)
                .body("changedBy", is("mover@test"))
                .extract().path("changedAt");
        asAdmin().get("/api/org-units/{code}", moved).then()
                .body("changedBy", is("mover@test"))
                .body("changedAt", is(changedAt));
        asAdmin().get("/api/org-units/{code}/children", moved).then()
                .body("changedBy", contains("mover@test"))
                .body("changedAt", contains(changedAt));
        asAdmin().get("/api/org-units/{code}", oldRoot).then().body("changedBy", is(Auth.ADMIN));
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
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x"))
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
        asAdmin().contentType(ContentType.JSON).body("{}")
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
        asAdmin().get("/api/org-units/{code}", code).then().statusCode(404);
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
        asAdmin().get("/api/org-units/{code}", a).then().statusCode(200)
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
        asAdmin().get("/api/org-units/{code}", child).then().statusCode(200)
                .body("level", is(4))
                .body("path", contains(newRoot, newMid, moved, child));
        asAdmin().get("/api/org-units/{code}", grandchild).then().statusCode(200)
                .body("level", is(5))
                .body("path", contains(newRoot, newMid, moved, child, grandchild));

        // and back up to a root: levels shrink again
        put(moved, Map.of("name", "moved")).statusCode(200).body("level", is(1)).body("path", contains(moved));
        asAdmin().get("/api/org-units/{code}", grandchild).then()
                .body("level", is(3))
                .body("path", contains(moved, child, grandchild));
        asAdmin().get("/api/org-units/{code}/children", oldRoot).then().body("", empty());
    }

    @Test
    void returns404ProblemForUnknownUnit() {
        asAdmin().get("/api/org-units/{code}", code("nobody")).then().statusCode(404)
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
        asAdmin().get("/api/org-units/{code}/children", parent).then().statusCode(200)
                .body("code", contains(parent + "-a", parent + "-b", parent + "-c"))
                .body("level", contains(2, 2, 2));
        asAdmin().get("/api/org-units/{code}/children", parent + "-b").then().statusCode(200).body("", empty());
    }

    @Test
    void childrenOfUnknownUnitIs404() {
        asAdmin().get("/api/org-units/{code}/children", code("nobody")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsMalformedJsonWith400() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\": ")
                .when().put("/api/org-units/{code}", code("bad"))
                .then().statusCode(400)
                .contentType("application/problem+json");
    }
}
