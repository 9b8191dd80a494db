package io.mubiao.problem;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
    private static final java.util.regex.Pattern GIVEN = java.util.regex.Pattern.compile(
            "(?: from|^Cannot coerce(?: empty)?) ([A-Za-z-]+) value");

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
        // a parse error inside a field arrives wrapped, with the field's path
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooComplexJson(limit);
        }
        boolean wrappedParseError = e instanceof JsonMappingException
                && e.getCause() instanceof JsonProcessingException cause && !(cause instanceof JsonMappingException);
        String message;
        if (wrappedParseError) {
            message = "malformed JSON: " + ((JsonProcessingException) e.getCause()).getOriginalMessage();
        } else if (e instanceof InvalidFormatException format) {
            message = "value '" + abbreviate(String.valueOf(format.getValue())) + "' is not "
                    + shape(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && (e.getOriginalMessage().startsWith("Cannot deserialize value of type")
                        || e.getOriginalMessage().startsWith("Cannot coerce")
                        || e.getOriginalMessage().contains("-argument constructor/factory method to deserialize from"))) {
            // Jackson's words name Java classes; the client wrote JSON
            message = "expected " + shape(mismatch.getTargetType()) + given(e.getOriginalMessage());
        } else if (e.getOriginalMessage().startsWith("Trailing token")) {
            message = "malformed JSON: more follows the end of the JSON value";
        } else if (e instanceof JsonMappingException && !(e instanceof com.fasterxml.jackson.core.JsonParseException)) {
            message = e.getOriginalMessage();
        } else {
            message = "malformed JSON: " + e.getOriginalMessage();
        }
        boolean named = field != null && !field.isEmpty();
        List<Problem.FieldError> errors = named ? List.of(Problem.FieldError.of(field, message)) : null;
        String detail = named ? field + ": " + message : message;
        return respond(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    /**
     * A body past one of Jackson's read limits (nesting deeper than 1,000 levels, a number of more than 1,000
     * digits, text of more than 20 million characters) is refused before it is read any further: without the
     * limits a deep body is a StackOverflowError and a long number minutes of CPU.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response tooComplexJson(StreamConstraintsException e) {
        // "... exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)": the
        // setting's name is Jackson's business, not the client's
        String limit = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        return respond(new Problem("about:blank", "Bad Request", 400, "the JSON is beyond a limit: " + limit, null));
    }

    /** Quarkus's own words name an annotation ("did not match the value in @Consumes"), not the client's fault. */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        String detail = "unsupported media type " + (type == null ? "(no Content-Type)" : type.getType() + "/"
                + type.getSubtype()) + ": send application/json (or text/csv where the endpoint takes it)";
        return respond(new Problem("about:blank", "Unsupported Media Type", 415, detail, null));
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
        // Quarkus REST wraps what its JSON reader could not parse in a bare 400: say what was wrong
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooComplexJson(limit);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
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

    private static String shape(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isRecord()) {
            return "a JSON object";
        }
        return "a valid " + type.getSimpleName();
    }

    /** ", not an array" from Jackson's "... from Array value (token ...)" or "Cannot coerce String value ...". */
    private static String given(String jacksonMessage) {
        java.util.regex.Matcher from = GIVEN.matcher(jacksonMessage);
        if (!from.find()) {
            return "";
        }
        return switch (from.group(1)) {
            case "Array" -> ", not an array";
            case "Object" -> ", not an object";
            case "String" -> ", not text";
            case "Boolean" -> ", not true or false";
            case "Integer", "Floating-point", "Number" -> ", not a number";
            default -> "";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
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
