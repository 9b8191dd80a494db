package io.mubiao.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void isReadyWithDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void documentsEveryEndpointInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"/api/progress\""))
                .body(containsString("\"/api/progress/history\""))
                .body(containsString("\"207\""))
                .body(containsString("ImportProblem"));
    }
}
