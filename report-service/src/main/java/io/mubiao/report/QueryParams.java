package io.mubiao.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;

/**
 * Reads the query parameters of one request, collecting every fault so that a 400 names them all at once
 * (each in {@code errors[].field}); {@link #throwIfFailed()} ends the reading. Blank counts as absent.
 */
public final class QueryParams {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** Whether {@code value} has the shape of a code (API.md: [A-Za-z0-9._-]{1,64}). */
    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    /** A required code. */
    public String code(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
        } else if (!CODE.matcher(value).matches()) {
            fail(field, "must match [A-Za-z0-9._-]{1,64}");
        }
        return value;
    }

    /** An optional date YYYY-MM-DD; null when absent or malformed. */
    public LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(field, "must be a date YYYY-MM-DD, not " + value);
            return null;
        }
    }

    /** An optional whole number; null when absent or malformed. */
    public Integer wholeNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            fail(field, "must be a whole number, not " + value);
            return null;
        }
    }

    public void fail(String field, String message) {
        errors.add(Problem.FieldError.of(field, message));
    }

    /** 400 naming every fault found so far, if any. */
    public void throwIfFailed() {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", errors.stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")),
                    List.copyOf(errors));
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
