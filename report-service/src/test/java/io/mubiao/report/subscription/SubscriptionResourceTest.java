package io.mubiao.report.subscription;

import static io.mubiao.report.Auth.as;
import static io.mubiao.report.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.access.Roles;
import io.mubiao.report.delivery.DeliveryData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.specification.RequestSpecification;

/** {@code /api/subscriptions} and {@code /api/deliveries}: the answers, the errors and the area rule. */
@QuarkusTest
class SubscriptionResourceTest {

    private static final String HOOK = "http://127.0.0.1:9/hook";

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void problems() {
        RestAssured.registerParser("application/problem+json", Parser.JSON);
    }

    @BeforeEach
    void seed() {
        DeliveryData.seed(json);
    }

    private static RequestSpecification supervisor() {
        return as(Roles.SUPERVISOR, DeliveryData.PROVINCE);
    }

    private static Map<String, Object> body(String channel, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("scope", DeliveryData.PROVINCE, "cadence", "weekly",
                "channel", channel));
        if (address != null) {
            body.put("address", address);
        }
        return body;
    }

    @Test
    void aSupervisorSubscribesListsReadsAndUnsubscribes() {
        Map<String, Object> request = body("webhook", HOOK);
        request.put("time", "07:30");
        int id = supervisor().contentType(ContentType.JSON).body(request).when().post("/api/subscriptions")
                .then().statusCode(201)
                .header("Location", containsString("/api/subscriptions/"))
                .body("scope", equalTo(DeliveryData.PROVINCE))
                .body("cadence", equalTo("weekly"))
                .body("lang", equalTo("zh-CN"))
                .body("format", equalTo("markdown"))
                .body("channel", equalTo("webhook"))
                .body("address", equalTo(HOOK))
                .body("time", equalTo("07:30"))
                .body("createdBy", equalTo("supervisor@" + DeliveryData.PROVINCE))
                .body("secret", matchesPattern("[0-9a-f]{64}"))
                .extract().path("id");

        supervisor().when().get("/api/subscriptions").then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == " + id + " }.secret", nullValue());
        supervisor().when().get("/api/subscriptions/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("secret", nullValue());

        supervisor().when().delete("/api/subscriptions/" + id).then().statusCode(204);
        supervisor().when().get("/api/subscriptions/" + id).then().statusCode(404);
        supervisor().when().delete("/api/subscriptions/" + id).then().statusCode(404);
        supervisor().when().get("/api/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void aRunWritesOneRowPerPeriodAndDeletingCancelsIt() {
        int id = asAdmin().contentType(ContentType.JSON).body(body("email", "boss@example.org"))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
        // Wednesday 15 April: the weekly circular as of Tuesday the 14th, from Monday the 13th.
        String delivery = asAdmin().queryParam("date", "2026-04-15").when().post("/api/subscriptions/" + id + "/run")
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("period.from", equalTo("2026-04-13"))
                .body("period.to", equalTo("2026-04-14"))
                .body("channel", equalTo("email"))
                .body("attempts", equalTo(0))
                .extract().path("id");
        asAdmin().queryParam("date", "2026-04-15").when().post("/api/subscriptions/" + id + "/run")
                .then().statusCode(202).body("id", equalTo(delivery));
        asAdmin().queryParam("subscription", id).when().get("/api/deliveries").then().statusCode(200)
                .body("id", contains(delivery));

        asAdmin().when().delete("/api/subscriptions/" + id).then().statusCode(204);
        asAdmin().queryParam("subscription", id).when().get("/api/deliveries").then().statusCode(200)
                .body("status", contains("CANCELLED"));
        asAdmin().when().post("/api/subscriptions/" + id + "/run").then().statusCode(404);
    }

    @Test
    void badFieldsAre422NamingEachField() {
        Map<String, Object> request = new HashMap<>(Map.of("scope", DeliveryData.PROVINCE, "cadence", "hourly",
                "lang", "fr", "format", "pdf", "channel", "fax", "time", "25:00"));
        asAdmin().contentType(ContentType.JSON).body(request).when().post("/api/subscriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("cadence", "lang", "format", "channel", "time"));
        asAdmin().contentType(ContentType.JSON).body(body("webhook", "ftp://example.org/hook"))
                .when().post("/api/subscriptions").then().statusCode(422).body("errors.field", contains("address"));
        asAdmin().contentType(ContentType.JSON).body(body("webhook", null))
                .when().post("/api/subscriptions").then().statusCode(422).body("errors.field", contains("address"));
        asAdmin().contentType(ContentType.JSON).body(body("email", "not an address"))
                .when().post("/api/subscriptions").then().statusCode(422).body("errors.field", contains("address"));
        asAdmin().contentType(ContentType.JSON).body(body("kafka", "somewhere"))
                .when().post("/api/subscriptions").then().statusCode(422).body("errors.field", contains("address"));
        Map<String, Object> unknownScope = body("kafka", null);
        unknownScope.put("scope", "NO-SUCH-UNIT");
        asAdmin().contentType(ContentType.JSON).body(unknownScope).when().post("/api/subscriptions")
                .then().statusCode(422).body("errors.field", contains("scope"))
                .body("detail", containsString("NO-SUCH-UNIT"));
        asAdmin().contentType(ContentType.JSON).body("{\"scope\": ").when().post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().when().get("/api/subscriptions").then().statusCode(200)
                .body("address", not(hasItem("somewhere")));
    }

    @Test
    void unknownSubscriptionsAre404AndTheLogNeedsOne() {
        asAdmin().when().get("/api/subscriptions/987654321").then().statusCode(404);
        asAdmin().when().delete("/api/subscriptions/987654321").then().statusCode(404);
        asAdmin().when().post("/api/subscriptions/987654321/run").then().statusCode(404);
        asAdmin().when().get("/api/subscriptions/abc").then().statusCode(404);
        asAdmin().queryParam("subscription", 987654321).when().get("/api/deliveries").then().statusCode(404);
        asAdmin().when().get("/api/deliveries").then().statusCode(400).body("errors.field", contains("subscription"));
        asAdmin().queryParam("subscription", "abc").when().get("/api/deliveries").then().statusCode(400)
                .body("errors.field", contains("subscription"));
        int id = asAdmin().contentType(ContentType.JSON).body(body("kafka", null)).when().post("/api/subscriptions")
                .then().statusCode(201).extract().path("id");
        asAdmin().queryParam("date", "15.04.2026").when().post("/api/subscriptions/" + id + "/run")
                .then().statusCode(400).body("errors.field", contains("date"));
        asAdmin().when().delete("/api/subscriptions/" + id).then().statusCode(204);
    }

    @Test
    void theAreaRuleAndTheRolesApply() {
        RequestSpecification city = as(Roles.SUPERVISOR, "DLV-A");
        city.contentType(ContentType.JSON).body(body("kafka", null)).when().post("/api/subscriptions")
                .then().statusCode(403).body("detail", containsString("outside your area"));
        as(Roles.REPORTER, DeliveryData.PROVINCE).contentType(ContentType.JSON).body(body("kafka", null))
                .when().post("/api/subscriptions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body("kafka", null)).when().post("/api/subscriptions")
                .then().statusCode(401);

        int id = asAdmin().contentType(ContentType.JSON).body(body("kafka", null)).when().post("/api/subscriptions")
                .then().statusCode(201).extract().path("id");
        as(Roles.SUPERVISOR, "DLV-A").when().get("/api/subscriptions/" + id).then().statusCode(403);
        as(Roles.SUPERVISOR, "DLV-A").when().delete("/api/subscriptions/" + id).then().statusCode(403);
        as(Roles.SUPERVISOR, "DLV-A").queryParam("subscription", id).when().get("/api/deliveries").then()
                .statusCode(403);
        as(Roles.SUPERVISOR, "DLV-A").when().get("/api/subscriptions").then().statusCode(200)
                .body("id", not(hasItem(id)));
        supervisor().when().get("/api/subscriptions/" + id).then().statusCode(200);
        supervisor().when().delete("/api/subscriptions/" + id).then().statusCode(204);
    }
}
