package io.mubiao.target;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document is part of the contract: every operation has a summary and documents its statuses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndItsErrorStatuses() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        assertTrue(paths.keySet().containsAll(java.util.List.of("/api/org-units/{code}", "/api/org-units/import",
                "/api/org-units/{code}/children", "/api/indicators", "/api/indicators/{code}", "/api/targets",
                "/api/targets/{indicator}/{orgUnit}/{year}")), paths.keySet().toString());
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                assertFalse(String.valueOf(operation.get("summary")).isBlank(), method + " " + path);
                assertTrue(operation.containsKey("responses"), method + " " + path);
            }
        }));
        assertEquals(java.util.Set.of("200", "207", "400", "422"),
                document.getMap("paths.'/api/org-units/import'.post.responses").keySet());
        assertEquals(java.util.Set.of("200", "201", "400", "404", "422"),
                document.getMap("paths.'/api/targets/{indicator}/{orgUnit}/{year}'.put.responses").keySet());
    }
}
