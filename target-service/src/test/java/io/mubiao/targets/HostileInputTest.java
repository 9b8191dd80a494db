package io.mubiao.targets;

import static io.mubiao.targets.Auth.asAdmin;
import static io.mubiao.targets.TestData.code;
import static io.mubiao.targets.TestData.indicator;
import static io.mubiao.targets.TestData.orgUnit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Bad bodies that used to end as a 500, a bare "HTTP 400 Bad Request", a write, or an exhausted heap (issue 9;
 * the e2e HostileRequestsIT sends a thousand more). Each is a problem document naming the fault, and nothing
 * is stored.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse putUnit(String code, String body) {
        return asAdmin().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .put("/api/org-units/{code}", code).then();
    }

    private static void notStored(String code) {
        asAdmin().get("/api/org-units/{code}", code).then().statusCode(404);
    }

    @Test
    void malformedJsonSaysSoInsteadOfABare400() {
        String code = code("malformed");
        putUnit(code, "{\"name\" \"x\"}").statusCode(400).contentType(PROBLEM)
                .body("detail", startsWith("malformed JSON: Unexpected character"));
        putUnit(code, "{\"name\":\"x\"} {\"name\":\"y\"}").statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("malformed JSON: more follows the end of the JSON value"));
        notStored(code);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotLastOneWins() {
        String code = code("twice");
        putUnit(code, "{\"name\":\"a\",\"name\":\"b\"}").statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("Duplicate field 'name'"));
        notStored(code);
    }

    @Test
    void numbersAreNoTextAndTextIsNoNumber() {
        String code = code("types");
        putUnit(code, "{\"name\":5}").statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("name: value '5' is not text")).body("errors[0].field", equalTo("name"));
        notStored(code);
        for (String decimals : new String[] { "\"2\"", "2.5", "true" }) {
            asAdmin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"unit\":\"%\",\"measure\":\"RATIO\","
                    + "\"direction\":\"HIGHER_IS_BETTER\",\"decimals\":" + decimals + "}")
                    .put("/api/indicators/{code}", code("decimals")).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("decimals"));
        }
    }

    @Test
    void textHoldingU0000IsRefusedBeforePostgresqlSeesIt() {
        String code = code("nul");
        putUnit(code, "{\"name\":\"a\\u0000b\"}").statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("name: text must not contain the character U+0000"));
        notStored(code);
        asAdmin().delete("/api/org-units/{code}", "a\0b").then().statusCode(422).contentType(PROBLEM);
    }

    /** 1e999999999 is a BigDecimal whose plain form has a billion digits: printing it exhausted the heap. */
    @Test
    void hugeAndTinyTargetsAre422NotA500() {
        String unit = code("county");
        String rate = code("rate");
        orgUnit(unit, null);
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        int year = Year.now().getValue();
        for (String number : new String[] { "1e999999999", "-1e-999999999", "123456789012345.5", "0.0000001" }) {
            asAdmin().contentType(ContentType.JSON).body("{\"value\":" + number + ",\"milestones\":[]}")
                    .put("/api/targets/{indicator}/{unit}/{year}", rate, unit, year).then().statusCode(422)
                    .contentType(PROBLEM)
                    .body("detail", equalTo("value: must have at most 14 digits before the decimal point and 6 after"));
        }
        asAdmin().get("/api/targets/{indicator}/{unit}/{year}", rate, unit, year).then().statusCode(404);
    }

    @Test
    void aDateIsYyyyMmDdAndNothingElse() {
        String unit = code("county");
        String rate = code("rate");
        orgUnit(unit, null);
        indicator(rate, "RATIO", "HIGHER_IS_BETTER");
        int year = Year.now().getValue();
        for (String due : new String[] { year + "-04-15T00:00:00", " " + year + "-04-15", year + "-02-30" }) {
            asAdmin().contentType(ContentType.JSON).body("{\"value\":50,\"milestones\":[{\"due\":\"" + due
                    + "\",\"value\":20}]}").put("/api/targets/{indicator}/{unit}/{year}", rate, unit, year)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("milestones[0].due"))
                    .body("detail", containsString("must be a real date written YYYY-MM-DD"));
        }
    }

    @Test
    void deepNestingIs400NamingTheDepth() {
        String code = code("deep");
        putUnit(code, "{\"name\":\"x\",\"extra\":" + "[".repeat(100_000) + "}").statusCode(400).contentType(PROBLEM)
                .body("detail", startsWith("the JSON is beyond a limit: Document nesting depth"));
        notStored(code);
    }

    @Test
    void aBodyOverTenMegabytesIs413Problem() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/org-units/{code}", code("large")).then()
                .statusCode(413).contentType(PROBLEM)
                .body("detail", equalTo("the body is larger than 10 MB (10485760 bytes)"));
    }

    @Test
    void anotherMediaTypeIs415NamingIt() {
        asAdmin().contentType("application/xml").body("<unit/>").put("/api/org-units/{code}", code("xml")).then()
                .statusCode(415).contentType(PROBLEM)
                .body("detail", startsWith("unsupported media type application/xml"));
    }
}
