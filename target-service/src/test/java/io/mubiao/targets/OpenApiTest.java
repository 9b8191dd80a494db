package io.mubiao.targets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document is part of the contract: every operation has a summary, documents its statuses, and
 * says that it needs a bearer token (so that Swagger UI shows the lock and sends the token).
 */
@QuarkusTest
class OpenApiTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyOperationHasASummaryAndItsErrorStatuses() {
        JsonPath document = document();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/org-units/{code}", "/api/org-units/import",
                "/api/org-units/{code}/children", "/api/indicators", "/api/indicators/{code}", "/api/targets",
                "/api/targets/{indicator}/{orgUnit}/{year}", "/api/targets/{indicator}/{orgUnit}/{year}/history",
                "/api/targets/{indicator}/{orgUnit}/{year}/allocation")),
                paths.keySet().toString());
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                assertFalse(String.valueOf(operation.get("summary")).isBlank(), method + " " + path);
                assertTrue(operation.containsKey("responses"), method + " " + path);
            }
        }));
        assertEquals(Set.of("200", "207", "400", "401", "403", "415", "422"),
                document.getMap("paths.'/api/org-units/import'.post.responses").keySet());
        assertEquals(Set.of("application/json", "text/csv"),
                document.getMap("paths.'/api/org-units/import'.post.requestBody.content").keySet());
        for (String type : List.of("application/json", "text/csv")) {
            assertFalse(document.getMap("paths.'/api/org-units/import'.post.requestBody.content.'" + type
                    + "'.examples").isEmpty(), type);
        }
        assertEquals(Set.of("204", "401", "403", "404", "409"),
                document.getMap("paths.'/api/org-units/{code}'.delete.responses").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "422"),
                document.getMap("paths.'/api/org-units/{code}/children'.get.responses").keySet());
        assertTrue(document.getMap("paths.'/api/org-units/{code}/children'.get.responses.'200'.headers")
                .containsKey("X-Total-Count"));
        assertEquals(Set.of("200", "201", "400", "401", "403", "404", "422"),
                document.getMap("paths.'/api/targets/{indicator}/{orgUnit}/{year}'.put.responses").keySet());
        assertEquals(Set.of("200", "401", "403", "404"),
                document.getMap("paths.'/api/targets/{indicator}/{orgUnit}/{year}/history'.get.responses").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "422"),
                document.getMap("paths.'/api/targets/{indicator}/{orgUnit}/{year}/allocation'.put.responses")
                        .keySet());
        assertEquals(Set.of("200", "401", "403", "404"),
                document.getMap("paths.'/api/targets/{indicator}/{orgUnit}/{year}'.get.responses").keySet());
        assertEquals(Set.of("200", "401", "403", "422"),
                document.getMap("paths.'/api/targets'.get.responses").keySet());
        for (String path : List.of("/api/targets/{indicator}/{orgUnit}/{year}",
                "/api/targets/{indicator}/{orgUnit}/{year}/allocation")) {
            assertFalse(document.getMap("paths.'" + path + "'.put.requestBody.content.'application/json'.examples")
                    .isEmpty(), path);
        }
    }

    @Test
    void everyApiOperationNeedsTheBearerTokenAndDocuments401And403AsProblems() {
        JsonPath document = document();
        assertEquals("http", document.getString("components.securitySchemes.SecurityScheme.type"));
        assertEquals("bearer", document.getString("components.securitySchemes.SecurityScheme.scheme"));
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                String where = "paths.'" + path + "'." + method;
                assertEquals(List.of(Map.of("SecurityScheme", List.of())), document.getList(where + ".security"),
                        where);
                for (String status : List.of("401", "403")) {
                    assertTrue(document.getMap(where + ".responses.'" + status + "'.content")
                            .containsKey("application/problem+json"), where + " " + status);
                }
            }
        }));
    }
}
