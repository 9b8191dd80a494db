package io.mubiao.testinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs RS256 bearer tokens with {@link JwtKeys}: claims {@code sub}, {@code groups} and {@code orgUnit}, as
 * the services expect them.
 */
public final class Tokens {

    private final JwtKeys keys;

    public Tokens(JwtKeys keys) {
        this.keys = keys;
    }

    /**
     * @param orgUnit root of the holder's subtree; null for none
     * @param validity negative for a token that has already expired
     */
    public String issue(String role, String orgUnit, String subject, Duration validity) {
        Instant now = Instant.now();
        var claims = Jwt.issuer(JwtKeys.ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .issuedAt(validity.isNegative() ? now.plus(validity).minusSeconds(60) : now)
                .expiresAt(now.plus(validity));
        if (orgUnit != null) {
            claims.claim("orgUnit", orgUnit);
        }
        return claims.jws().keyId("mubiao-local").sign(keys.loadPrivateKey());
    }

    public String issue(String role, String orgUnit, String subject) {
        return issue(role, orgUnit, subject, Duration.ofHours(1));
    }

    /** A trusted token that names its holder only by {@code upn}, with no {@code sub}: the services refuse it. */
    public String issueWithoutSubject(String role, String upn) {
        return Jwt.issuer(JwtKeys.ISSUER).upn(upn).groups(Set.of(role)).expiresIn(3600)
                .jws().keyId("mubiao-local").sign(keys.loadPrivateKey());
    }
}
