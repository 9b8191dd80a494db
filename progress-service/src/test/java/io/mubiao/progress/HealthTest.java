package io.mubiao.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, the OpenAPI document and Swagger UI answer without a token. */
@QuarkusTest
class HealthTest {

    @Test
    void isReadyWithDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void healthOpenApiAndSwaggerUiStayOpenWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void documentsEveryEndpointInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"/api/progress\""))
                .body(containsString("\"/api/progress/history\""))
                .body(containsString("\"207\""))
                .body(containsString("ImportProblem"));
    }

    @Test
    void documentsTheBearerTokenAndItsRefusalsInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("paths.'/api/progress'.post.security[0]", hasKey("SecurityScheme"))
                .body("paths.'/api/progress'.get.security[0]", hasKey("SecurityScheme"))
                .body("paths.'/api/progress/history'.get.security[0]", hasKey("SecurityScheme"))
                .body("paths.'/api/progress'.post.responses", hasKey("401"))
                .body("paths.'/api/progress'.post.responses", hasKey("403"))
                .body("paths.'/api/progress'.get.responses", hasKey("403"))
                .body("paths.'/api/progress/history'.get.responses", hasKey("401"))
                .body("paths.'/api/reporting-status'.get.security[0]", hasKey("SecurityScheme"))
                .body("paths.'/api/reporting-status'.get.responses", hasKey("403"));
    }

    @Test
    void documentsTheCsvBodyAndTheReportingStatusWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/progress'.post.requestBody.content", hasKey("text/csv"))
                .body("paths.'/api/progress'.post.requestBody.content", hasKey("application/json"))
                .body("paths.'/api/progress'.post.requestBody.content.'text/csv'.examples", hasKey("spreadsheet export"))
                .body("paths.'/api/progress'.post.description", containsString("row 0 is the first line after the header"))
                .body("paths.'/api/progress'.post.responses", hasKey("415"))
                .body("paths.'/api/reporting-status'.get.responses.'200'.content.'application/json'.examples",
                        hasKey("counties of a city"))
                .body("paths.'/api/reporting-status'.get.responses", hasKey("404"))
                .body("paths.'/api/reporting-status'.get.responses", hasKey("422"));
    }
}
