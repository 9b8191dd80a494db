package io.mubiao.problem;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where each service turns exceptions into {@code application/problem+json}. Bad input is
 * always a 4xx naming what is wrong; anything unexpected is a 500 that says nothing about the internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 asks the client to wait before trying again: about as long as a restart of PostgreSQL. */
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /**
     * Quarkus REST ships its own mapper for {@link MismatchedInputException} (a wrong JSON type, an impossible
     * date, an object where an array belongs) that answers without a problem body; this one outranks it.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String detail;
        if (e instanceof InvalidFormatException format) {
            detail = "value " + format.getValue() + " is not a valid " + format.getTargetType().getSimpleName();
        } else if (e instanceof JsonMappingException && !(e instanceof com.fasterxml.jackson.core.JsonParseException)) {
            detail = e.getOriginalMessage();
        } else {
            detail = "malformed JSON: " + e.getOriginalMessage();
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null : List.of(Problem.FieldError.of(field, detail));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Problem.FieldError.of(field(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem("about:blank", "Unprocessable Content", 422, detail, errors));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("request failed", e);
        }
        return respond(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Failures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "the request could not be completed; the failure is logged", null));
    }

    /**
     * The database is away (stopped, restarting, unreachable, out of connections) or a lock was contended: the
     * request is not to blame and may well work when sent again, so 503 with a Retry-After, never a 500. These
     * surface wrapped in whatever the failing layer throws (Hibernate, JTA, a repository), hence the walk
     * through the causes ({@link Failures}) from the one mapper every such exception reaches.
     */
    Response unavailable(Exception e) {
        LOG.warnf("answered 503, the database failed: %s", Failures.describe(e));
        Problem problem = new Problem("about:blank", "Service Unavailable", 503,
                "the database is not available at the moment; send the request again shortly", null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "put.request.name" → "name": drop the method and parameter names of a resource call. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
