package io.mubiao.targets;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void isReadyWithDatabaseAndBroker() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
