package io.mubiao.targets;

/**
 * How access control reads in the OpenAPI document, the same words on every operation. The scheme itself
 * (HTTP bearer, JWT) comes from {@code quarkus.smallrye-openapi.security-scheme=jwt} under Quarkus's default
 * name, which the operations reference so that Swagger UI shows the lock and sends the token.
 */
public final class AccessDocs {

    /** {@code quarkus.smallrye-openapi.security-scheme-name}, left at its default. */
    public static final String SCHEME = "SecurityScheme";

    public static final String UNAUTHORIZED = "No bearer token, or one that is expired, not signed by the trusted "
            + "key, or unsigned";

    public static final String WRITE_FORBIDDEN = "Only admin changes reference data: supervisor and reporter "
            + "tokens are refused";

    public static final String READ_FORBIDDEN = "The token carries none of the roles admin, supervisor, reporter";

    private AccessDocs() {
    }
}
