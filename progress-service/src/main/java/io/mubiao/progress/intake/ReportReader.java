package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.mubiao.problem.Problem.FieldError;
import io.mubiao.problem.ProblemException;

/**
 * Maps the JSON body of {@code POST /api/progress} to reports, field by field: a wrong type in one field of
 * one item becomes an error for that field, and the rest of the batch is still read. A CSV body arrives here
 * as the same JSON ({@link ReportCsv}).
 */
public final class ReportReader {

    /** One item of the body: the fields that could be read, and what could not. */
    public record Parsed(int index, ReportRequest request, List<FieldError> errors) {
    }

    /** How much of a wrong string a message quotes. */
    private static final int MAX_QUOTED = 40;
    private static final char NUL = '\u0000';

    private ReportReader() {
    }

    /** The items of a body that is one report object or an array of them. */
    public static List<JsonNode> items(JsonNode body, int maxItems) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ProblemException.badRequest("the body is empty: send a report object or an array of reports");
        }
        if (body.isObject()) {
            return List.of(body);
        }
        if (!body.isArray()) {
            throw ProblemException.badRequest("the body must be a report object or an array of reports");
        }
        if (body.isEmpty()) {
            throw ProblemException.invalid("the array of reports is empty: send at least one report", List.of());
        }
        if (body.size() > maxItems) {
            throw new ProblemException(413, "Content Too Large",
                    body.size() + " reports in one request; send at most " + maxItems + " per request", null);
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return items;
    }

    public static Parsed read(int index, JsonNode item) {
        List<FieldError> errors = new ArrayList<>();
        if (!item.isObject()) {
            errors.add(new FieldError(index, null, null, "a report must be a JSON object, not " + describe(item)));
            return new Parsed(index, null, errors);
        }
        Fields fields = new Fields(index, item, errors);
        ReportRequest request = new ReportRequest(fields.text("eventId"), fields.text("orgUnit"), fields.text("indicator"),
                fields.date("date"), fields.number("value"), fields.number("numerator"),
                fields.number("denominator"), fields.text("note"));
        // every error of the item names its eventId, when it has a readable one
        List<FieldError> withEventId = errors.stream()
                .map(error -> new FieldError(error.index(), request.eventId(), error.field(), error.message()))
                .toList();
        return new Parsed(index, request, withEventId);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    /** At most {@value #MAX_QUOTED} characters of a wrong string, for a message that quotes it. */
    static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    /** Reads typed fields of one item; null or absent fields read as null. */
    private static final class Fields {

        private final int index;
        private final JsonNode item;
        private final List<FieldError> errors;

        Fields(int index, JsonNode item, List<FieldError> errors) {
            this.index = index;
            this.item = item;
            this.errors = errors;
        }

        String text(String name) {
            JsonNode node = item.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                fail(name, name + " must be a string, not " + describe(node));
                return null;
            }
            if (node.textValue().indexOf(NUL) >= 0) {
                // PostgreSQL text cannot hold it: looked up or stored, it would fail the whole batch
                fail(name, name + " must not contain the character U+0000");
                return null;
            }
            return node.textValue();
        }

        BigDecimal number(String name) {
            JsonNode node = item.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isNumber()) {
                // a CSV cell that is not a decimal arrives as a string too: quote it so either sender sees it
                String what = node.isTextual() ? "the string '" + abbreviate(node.textValue()) + "'" : describe(node);
                fail(name, name + " must be a number, not " + what);
                return null;
            }
            return node.decimalValue();
        }

        LocalDate date(String name) {
            JsonNode node = item.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                fail(name, name + " must be a date written YYYY-MM-DD, not " + describe(node));
                return null;
            }
            try {
                // ISO_LOCAL_DATE resolves strictly: 2026-02-30 is refused, not moved to 2 March
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                fail(name, name + " '" + abbreviate(node.textValue()) + "' is not a real date written YYYY-MM-DD");
                return null;
            }
        }

        private void fail(String field, String message) {
            errors.add(new FieldError(index, null, field, message));
        }
    }
}
