package io.mubiao.progress.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.mubiao.problem.Problem.FieldError;
import io.mubiao.problem.ProblemException;

/** Collects every fault of a query's parameters, answered together as a 400. */
final class QueryParams {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<FieldError> errors = new ArrayList<>();

    /** A required code. */
    void code(String name, String value) {
        if (value == null || value.isEmpty()) {
            fail(name, name + " is required");
        } else {
            optionalCode(name, value);
        }
    }

    /** A code that may be left out. */
    void optionalCode(String name, String value) {
        if (value != null && !value.isEmpty() && !CODE.matcher(value).matches()) {
            fail(name, name + " '" + value + "' is not a code: 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    LocalDate date(String name, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                fail(name, name + " is required, written YYYY-MM-DD");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(name, name + " '" + value + "' is not a real date written YYYY-MM-DD");
            return null;
        }
    }

    void fail(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    void throwIfFailed() {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(FieldError::message).toList());
            throw new ProblemException(400, "Bad Request", detail, errors);
        }
    }
}
