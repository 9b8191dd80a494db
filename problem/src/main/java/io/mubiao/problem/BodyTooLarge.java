package io.mubiao.problem;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size} gets a 413 problem
 * document instead of Quarkus's bare 413 (which has no body). It runs just before Quarkus's own check (route
 * order -2). Unless the client waits for "100 Continue", the body is read and thrown away before answering, up
 * to {@link #DRAIN_FACTOR} times the limit, so that a client that sends its whole body before reading (most
 * scripts do) gets the answer rather than a broken connection; beyond that the answer is sent at once and the
 * connection closed. A chunked body without Content-Length that grows past the limit is still cut off by
 * Quarkus with a bare 413. A service may add what to do instead ({@code problem.body-too-large.advice}).
 */
@ApplicationScoped
public class BodyTooLarge {

    private static final Logger LOG = Logger.getLogger(BodyTooLarge.class);
    private static final int ORDER = -3;
    private static final long DRAIN_FACTOR = 4;
    private static final long MEGABYTE = 1024 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /** Appended to the detail, e.g. how many items one request may carry. */
    @ConfigProperty(name = "problem.body-too-large.advice")
    Optional<String> advice;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        Buffer problem = problem(limit);
        router.route().order(ORDER).handler(context -> check(context, limit, problem));
    }

    private static void check(RoutingContext context, long limit, Buffer problem) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request);
        if (declared <= limit) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        response.setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> request.connection().close());
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        if (waitsForContinue || declared > DRAIN_FACTOR * limit) {
            response.end(problem);
            return;
        }
        request.handler(ignored -> {
        });
        request.exceptionHandler(e -> LOG.debugf("reading an oversized body to discard it failed: %s", e.getMessage()));
        request.endHandler(done -> response.end(problem));
        request.resume();
    }

    /** The Content-Length header, or -1 when there is none or it is not a number (Quarkus judges those). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Buffer problem(long limit) {
        String size = limit % MEGABYTE == 0 ? limit / MEGABYTE + " MB" : limit + " bytes";
        String detail = "the body is larger than " + size + " (" + limit + " bytes)"
                + advice.map(text -> "; " + text).orElse("");
        Problem problem = new Problem("about:blank", "Content Too Large", 413, detail, null);
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the 413 problem document", e);
        }
    }
}
