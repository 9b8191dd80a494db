package io.mubiao.targets;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mubiao.access.Roles;
import io.mubiao.testinfra.JwtTestResource;
import io.restassured.specification.RequestSpecification;

/**
 * Requests that carry a real bearer token, signed with the key the application under test trusts. Tokens
 * are valid for an hour and kept per role, unit and subject, so a test run signs each only once.
 */
public final class Auth {

    /** The subject of {@link #asAdmin()}. */
    public static final String ADMIN = "admin@test";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** {@code given()} with an admin token, for everything that is not about access itself. */
    public static RequestSpecification asAdmin() {
        return as(Roles.ADMIN, null, ADMIN);
    }

    /** {@code given()} with a token of this role, subtree root ({@code null} for none) and subject. */
    public static RequestSpecification as(String role, String orgUnit, String subject) {
        return given().auth().oauth2(token(role, orgUnit, subject));
    }

    public static String token(String role, String orgUnit, String subject) {
        return TOKENS.computeIfAbsent(role + "|" + orgUnit + "|" + subject,
                key -> JwtTestResource.tokens().issue(role, orgUnit, subject));
    }

    private Auth() {
    }
}
