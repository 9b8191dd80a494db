package io.mubiao.problem;

import java.util.List;

/**
 * A request that cannot be served, in the user's terms. Thrown by services; {@link ProblemMappers} turns it
 * into an {@code application/problem+json} response with its status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    /** 422: the request is well-formed but its content is wrong; each error names its field. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "Unprocessable Content", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(message, List.of(Problem.FieldError.of(field, message)));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }
}
