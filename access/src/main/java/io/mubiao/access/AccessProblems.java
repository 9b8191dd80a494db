package io.mubiao.access;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.mubiao.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 as {@code application/problem+json}. Needs {@code quarkus.http.auth.proactive=false}, so that
 * authentication failures reach the REST layer instead of ending as an empty 401 before it.
 */
public class AccessProblems {

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized("the bearer token is missing, expired, or not signed by a trusted issuer");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("this endpoint needs a bearer token (Authorization: Bearer …)");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Forbidden", 403, "your role may not do this", null)).build();
    }

    private static Response unauthorized(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem("about:blank", "Unauthorized", 401, detail, null)).build();
    }
}
