package io.mubiao.targets;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;

/**
 * Unique codes and small setup calls for REST tests: the database lives for the whole test run, so each
 * test makes codes of its own.
 */
public final class TestData {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A fresh code such as {@code city-k3x9a-17}. */
    public static String code(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates or updates a unit through the API. */
    public static void orgUnit(String code, String parent) {
        Map<String, Object> body = parent == null ? Map.of("name", "unit " + code)
                : Map.of("name", "unit " + code, "parent", parent);
        Auth.asAdmin().contentType(ContentType.JSON).body(body)
                .when().put("/api/org-units/{code}", code)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    /** Creates or updates an indicator through the API. */
    public static void indicator(String code, String measure, String direction) {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "indicator " + code, "unit", "%", "measure", measure, "direction", direction))
                .when().put("/api/indicators/{code}", code)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    private TestData() {
    }
}
