package io.mubiao.progress;

import static io.restassured.RestAssured.given;

import io.mubiao.access.Roles;
import io.mubiao.testinfra.JwtTestResource;
import io.restassured.specification.RequestSpecification;

/** Requests carrying a real bearer token, signed with the key the application under test trusts. */
public final class Auth {

    /** A request by an admin, who may do everything: for tests about the figures, not about access. */
    public static RequestSpecification asAdmin() {
        return as(Roles.ADMIN, null, "admin");
    }

    /** A request by a reporter whose area is {@code orgUnit} and the units below it. */
    public static RequestSpecification asReporter(String orgUnit, String subject) {
        return as(Roles.REPORTER, orgUnit, subject);
    }

    /** A request by a supervisor whose area is {@code orgUnit} and the units below it. */
    public static RequestSpecification asSupervisor(String orgUnit) {
        return as(Roles.SUPERVISOR, orgUnit, "supervisor@" + orgUnit);
    }

    public static RequestSpecification as(String role, String orgUnit, String subject) {
        return withToken(JwtTestResource.tokens().issue(role, orgUnit, subject));
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private Auth() {
    }
}
