package io.mubiao.report;

import static io.restassured.RestAssured.given;

import io.mubiao.access.Roles;
import io.mubiao.testinfra.JwtTestResource;
import io.restassured.specification.RequestSpecification;

/** Requests carrying a real bearer token, signed with the key the application under test trusts. */
public final class Auth {

    /** A request by an admin, who may read every unit: for tests about the figures, not about access. */
    public static RequestSpecification asAdmin() {
        return as(Roles.ADMIN, null);
    }

    /** A request by a holder of {@code role} whose area is {@code orgUnit} and the units below it. */
    public static RequestSpecification as(String role, String orgUnit) {
        return withToken(JwtTestResource.tokens().issue(role, orgUnit, orgUnit == null ? role : role + "@" + orgUnit));
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private Auth() {
    }
}
