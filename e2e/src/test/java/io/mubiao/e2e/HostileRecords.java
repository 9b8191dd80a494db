package io.mubiao.e2e;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generates the records of {@link HostileRecordsIT}: hostile records of every class of issue 9 (malformed and
 * truncated JSON, wrong types, huge and tiny numbers, NaN and Infinity, negative values, impossible dates,
 * records as large as the broker takes, deep nesting, codes with SQL, HTML, control characters and long
 * unicode, empty arrays and objects, duplicate keys), each with the words its dead letter's reason must hold,
 * and the good records they are mixed with. Seeded, so that a failure can be replayed.
 */
final class HostileRecords {

    /** A record to produce; {@code reason} is null for a good one, else a fragment of the expected dlq-reason. */
    record Hostile(String fault, String key, byte[] value, String reason) {

        boolean bad() {
            return reason != null;
        }
    }

    /**
     * The largest value a producer with default settings sends: 1 MiB per request (max.request.size), a little
     * under the broker's default message.max.bytes, less the record's and its batch's overhead. A dead letter of
     * it, with its headers, is larger than the broker's default allows.
     */
    static final int LARGEST_VALUE = 1_048_400;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random = new Random(9);
    private final List<String> units;
    private final String cumulative;
    private final String ratio;
    private final LocalDate today;

    /**
     * @param units the org units the reports are for (and their keys)
     * @param cumulative a CUMULATIVE indicator they know; {@code ratio} a RATIO one
     */
    HostileRecords(List<String> units, String cumulative, String ratio, LocalDate today) {
        this.units = units;
        this.cumulative = cumulative;
        this.ratio = ratio;
        this.today = today;
    }

    /**
     * {@code perClass} bad reports of each class ({@code largest} of the largest records) for progress.reported,
     * each behind a good report of the same key, then one more good report per unit, so that every bad record
     * has good ones after it in its partition.
     */
    List<Hostile> reported(int perClass, int largest) {
        Map<String, IntFunction<Hostile>> classes = new LinkedHashMap<>();
        classes.put("malformed JSON", this::malformed);
        classes.put("truncated JSON", this::truncated);
        classes.put("wrong types", this::wrongType);
        classes.put("huge numbers", this::huge);
        classes.put("tiny numbers", this::tiny);
        classes.put("NaN and Infinity", this::notANumber);
        classes.put("negative values", this::negative);
        classes.put("impossible dates", this::impossibleDate);
        classes.put("deeply nested JSON", this::nested);
        classes.put("codes with SQL, HTML, control characters, long unicode", this::hostileCode);
        classes.put("empty arrays and objects", this::empty);
        classes.put("duplicate keys", this::duplicateKeys);
        classes.put("unknown codes", this::unknownCode);
        List<Hostile> bad = new ArrayList<>();
        classes.values().forEach(generator -> {
            for (int i = 0; i < perClass; i++) {
                bad.add(generator.apply(bad.size()));
            }
        });
        for (int i = 0; i < largest; i++) {
            bad.add(largest(bad.size()));
        }
        List<Hostile> records = new ArrayList<>();
        int good = 0;
        for (Hostile each : bad) {
            records.add(good(good++));
            records.add(each);
        }
        for (int i = 0; i < units.size(); i++) {
            records.add(good(good++));
        }
        return records;
    }

    /** A valid report: its own unit, indicator and date, so that it is stored as revision 1. */
    Hostile good(int n) {
        String unit = unit(n);
        // each unit reports on consecutive past days
        LocalDate date = today.minusDays(1 + n / units.size());
        return new Hostile("good", unit, json(Map.of("eventId", "good-" + n, "orgUnit", unit, "indicator", cumulative,
                "date", date.toString(), "value", n)), null);
    }

    private Hostile malformed(int n) {
        String unit = unit(n);
        return switch (n % 5) {
            case 0 -> bad("malformed JSON", unit, "{not json at all " + n, "malformed JSON");
            case 1 -> bad("malformed JSON", unit, "{\"eventId\": \"bad-" + n + "\" \"orgUnit\": \"" + unit + "\"}",
                    "malformed JSON");
            case 2 -> new Hostile("malformed JSON", unit, new byte[] { '{', '"', (byte) 0xc3, 0x28, '"', ':', '1', '}' },
                    "malformed JSON");
            case 3 -> bad("malformed JSON", unit, goodReportText(n) + " trailing", "malformed JSON");
            default -> bad("malformed JSON", unit, "{'eventId': 'bad-" + n + "'}", "malformed JSON");
        };
    }

    private Hostile truncated(int n) {
        String whole = goodReportText(n);
        return bad("truncated JSON", unit(n), whole.substring(0, 1 + random.nextInt(whole.length() - 1)), "end-of-input");
    }

    private Hostile wrongType(int n) {
        String unit = unit(n);
        Map<String, Object> report = report(n, unit);
        String expected = switch (n % 5) {
            case 0 -> put(report, "orgUnit", 42, "orgUnit must be a string, not a number");
            case 1 -> put(report, "value", String.valueOf(n), "value must be a number, not the string");
            case 2 -> put(report, "date", 20260101, "date must be a date written YYYY-MM-DD, not a number");
            case 3 -> put(report, "value", true, "value must be a number, not a boolean");
            default -> put(report, "indicator", List.of(cumulative), "indicator must be a string, not an array");
        };
        return new Hostile("wrong types", unit, json(report), expected);
    }

    private Hostile huge(int n) {
        String[] numbers = { "1e20", "123456789012345678901234567890", "1e999999", "99999999999999999.5", "-1e300" };
        return withValueText("huge numbers", n, numbers[n % numbers.length], "is too large");
    }

    private Hostile tiny(int n) {
        String[] numbers = { "1e-30", "0.0000001", "4.9e-324", "-1e-7", "1.0000000000000000000000001" };
        return withValueText("tiny numbers", n, numbers[n % numbers.length], "has more than 6 decimal places");
    }

    private Hostile notANumber(int n) {
        String[] tokens = { "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"" };
        String token = tokens[n % tokens.length];
        // bare tokens are no JSON; quoted ones are strings where a number belongs: both reasons quote the token
        return withValueText("NaN and Infinity", n, token, token.replace("\"", "").replace("-", ""));
    }

    private Hostile negative(int n) {
        String unit = unit(n);
        Map<String, Object> report = ratioReport(n, unit);
        String expected = switch (n % 3) {
            case 0 -> put(report, "numerator", -1 - n, "is negative");
            case 1 -> put(report, "denominator", -1 - n, "must be above 0");
            default -> put(report, "denominator", 0, "must be above 0");
        };
        return new Hostile("negative values", unit, json(report), expected);
    }

    private Hostile impossibleDate(int n) {
        String unit = unit(n);
        Map<String, Object> report = report(n, unit);
        String expected = switch (n % 6) {
            case 0 -> put(report, "date", today.getYear() + "-02-30", "is not a real date");
            case 1 -> put(report, "date", "2025-13-01", "is not a real date");
            case 2 -> put(report, "date", "0000-00-00", "is not a real date");
            case 3 -> put(report, "date", "1899-12-31", "is before 1900-01-01");
            case 4 -> put(report, "date", today.plusDays(1 + n).toString(), "is in the future");
            default -> put(report, "date", "+999999999-12-31", "is in the future");
        };
        return new Hostile("impossible dates", unit, json(report), expected);
    }

    private Hostile nested(int n) {
        String unit = unit(n);
        if (n % 2 == 0) {
            // deeper than the parser goes (Jackson's StreamReadConstraints: 1,000 levels)
            int depth = 1_001 + random.nextInt(20_000);
            return bad("deeply nested JSON", unit, "{\"eventId\": \"bad-" + n + "\", \"value\": " + "[".repeat(depth)
                    + "]".repeat(depth) + "}", "nesting depth");
        }
        // deep but readable, where a number belongs
        int depth = 2 + random.nextInt(900);
        String text = goodReportText(n).replace("\"value\":" + n, "\"value\":" + "{\"a\":".repeat(depth) + "1"
                + "}".repeat(depth));
        return bad("deeply nested JSON", unit, text, "value must be a number, not object");
    }

    private Hostile hostileCode(int n) {
        String unit = unit(n);
        Map<String, Object> report = report(n, unit);
        String[] codes = { unit + "'; drop table progress.report; --", "<script>alert('" + n + "')</script>",
                unit + "\u0007\u001b[2J", "\u200b" + unit, "县".repeat(65 + n % 300), unit + "\r\nX-Injected: 1",
                unit + " OR 1=1" };
        String field = n % 2 == 0 ? "orgUnit" : "indicator";
        if (n % (codes.length + 1) == codes.length) {
            report.put(field, unit + "\u0000");
            return new Hostile("codes with SQL, HTML, control characters, long unicode", unit, json(report),
                    field + " must not contain the character U+0000");
        }
        String code = codes[n % (codes.length + 1)];
        report.put(field, code);
        // the reason quotes at most 40 characters of it
        String quoted = code.length() <= 40 ? code + "'" : code.substring(0, 40) + "…'";
        return new Hostile("codes with SQL, HTML, control characters, long unicode", unit, json(report),
                field + " '" + quoted + " is not a code");
    }

    private Hostile empty(int n) {
        String unit = unit(n);
        return switch (n % 5) {
            case 0 -> bad("empty arrays and objects", unit, "[]", "a report must be a JSON object, not an array");
            case 1 -> bad("empty arrays and objects", unit, "[" + goodReportText(n) + "]",
                    "a report must be a JSON object, not an array");
            case 2 -> bad("empty arrays and objects", unit, "{}", "orgUnit is required");
            case 3 -> new Hostile("empty arrays and objects", unit, new byte[0], "the record has no value");
            default -> new Hostile("empty arrays and objects", unit, null, "the record has no value");
        };
    }

    private Hostile duplicateKeys(int n) {
        String unit = unit(n);
        String other = unit(n + 1);
        // which of the two would count? neither: the record is refused
        String text = "{\"eventId\": \"bad-" + n + "\", \"orgUnit\": \"" + unit + "\", \"orgUnit\": \"" + other
                + "\", \"indicator\": \"" + cumulative + "\", \"date\": \"" + today.minusDays(1) + "\", \"value\": 1}";
        return bad("duplicate keys", unit, text, "Duplicate field 'orgUnit'");
    }

    private Hostile unknownCode(int n) {
        String unit = unit(n);
        Map<String, Object> report = report(n, unit);
        if (n % 2 == 0) {
            report.put("orgUnit", unit + "-NOWHERE");
            return new Hostile("unknown codes", unit, json(report), "unknown org unit " + unit + "-NOWHERE");
        }
        report.put("indicator", "no.such.indicator");
        return new Hostile("unknown codes", unit, json(report), "unknown indicator no.such.indicator");
    }

    /** As large as the broker takes: a report with a note of a megabyte, or a megabyte of a code. */
    private Hostile largest(int n) {
        String unit = unit(n);
        Map<String, Object> report = report(n, unit);
        String field = n % 2 == 0 ? "note" : "orgUnit";
        report.put(field, "");
        report.put(field, "x".repeat(LARGEST_VALUE - json(report).length));
        return new Hostile("records as large as the broker takes", unit, json(report),
                field.equals("note") ? "note is longer than 1000 characters" : "orgUnit 'xxxxxxxxxx");
    }

    private Hostile withValueText(String fault, int n, String valueText, String reason) {
        return bad(fault, unit(n), goodReportText(n).replace("\"value\":" + n, "\"value\":" + valueText), reason);
    }

    /** A report that would be good, but with an eventId of the bad ones. */
    private Map<String, Object> report(int n, String unit) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eventId", "bad-" + n);
        report.put("orgUnit", unit);
        report.put("indicator", cumulative);
        report.put("date", today.minusDays(1).toString());
        report.put("value", n);
        return report;
    }

    private Map<String, Object> ratioReport(int n, String unit) {
        Map<String, Object> report = report(n, unit);
        report.remove("value");
        report.put("indicator", ratio);
        report.put("numerator", 1);
        report.put("denominator", 2);
        return report;
    }

    private String goodReportText(int n) {
        return new String(json(report(n, unit(n))), StandardCharsets.UTF_8);
    }

    private String unit(int n) {
        return units.get(n % units.size());
    }

    private static String put(Map<String, Object> report, String field, Object value, String reason) {
        report.put(field, value);
        return reason;
    }

    private static Hostile bad(String fault, String key, String value, String reason) {
        return new Hostile(fault, key, value.getBytes(StandardCharsets.UTF_8), reason);
    }

    // ---- the suite's own topics: garbage that every consumer of the topic must refuse ----

    /**
     * Garbage for a reference topic under {@code key}, bad for both services that read it (progress-service needs
     * less than report-service), each spoiling a valid state, so that what it names must not be stored.
     *
     * @param state the valid full state number {@code i} of the topic's type, as a map
     * @param codeField the field that names it ({@code code}, or a target's {@code indicator})
     * @param enumField a field that a word such as SIDEWAYS cannot fill
     */
    List<Hostile> referenceGarbage(String key, IntFunction<Map<String, Object>> state, String codeField,
            String enumField, int times) {
        List<Hostile> garbage = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            garbage.add(bad("malformed JSON", key, "{not json " + i, "malformed JSON"));
            garbage.add(bad("truncated JSON", key, text(state.apply(i)).substring(0, 10 + i), "end-of-input"));
            garbage.add(bad("JSON null", key, "null", "JSON null"));
            garbage.add(bad("empty array", key, "[]", "Cannot deserialize value"));
            Map<String, Object> wrongEnum = state.apply(i);
            wrongEnum.put(enumField, "SIDEWAYS");
            garbage.add(new Hostile("wrong types", key, json(wrongEnum), "SIDEWAYS"));
            Map<String, Object> noCode = state.apply(i);
            noCode.remove(codeField);
            garbage.add(new Hostile("required field missing", key, json(noCode), codeField));
            Map<String, Object> nul = state.apply(i);
            nul.put(codeField, nul.get(codeField) + "\u0000");
            garbage.add(new Hostile("NUL in a code (refused when read)", key, json(nul), "must not contain the character U+0000"));
            Map<String, Object> longCode = state.apply(i);
            longCode.put(codeField, longCode.get(codeField) + randomText(30_000));
            garbage.add(new Hostile("a code too long for an index", key, json(longCode), "could not be stored"));
            Map<String, Object> farFuture = state.apply(i);
            farFuture.put("changedAt", "+999999-01-01T00:00:00Z");
            garbage.add(new Hostile("impossible time (refused by PostgreSQL)", key, json(farFuture),
                    "could not be stored"));
            // under a field the type does not know, so that the parser, not the type, meets the depth
            garbage.add(bad("deeply nested JSON", key, "{\"deep\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                    "nesting depth"));
            garbage.add(bad("duplicate keys", key, text(state.apply(i)).replaceFirst("\\{", "{\"" + codeField + "\": \"x\", "),
                    "Duplicate field"));
        }
        return garbage;
    }

    /** Garbage for progress.recorded under {@code key}: only report-service reads it. */
    List<Hostile> recordedGarbage(String key, IntFunction<Map<String, Object>> state, int times) {
        List<Hostile> garbage = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            garbage.add(bad("malformed JSON", key, "{not json " + i, "malformed JSON"));
            garbage.add(bad("truncated JSON", key, text(state.apply(i)).substring(0, 10 + i), "end-of-input"));
            garbage.add(bad("JSON null", key, "null", "JSON null"));
            garbage.add(new Hostile("tombstone", key, null, "the record has no value"));
            Map<String, Object> wrongType = state.apply(i);
            wrongType.put("revision", "first");
            garbage.add(new Hostile("wrong types", key, json(wrongType),
                    "Cannot coerce String value (\"first\") to `int`"));
            Map<String, Object> missing = state.apply(i);
            missing.remove("date");
            garbage.add(new Hostile("required field missing", key, json(missing), "required fields missing: date"));
            Map<String, Object> yearZero = state.apply(i);
            yearZero.put("date", "0000-01-01");
            garbage.add(new Hostile("impossible date (refused by PostgreSQL)", key, json(yearZero), "could not be stored"));
            Map<String, Object> huge = state.apply(i);
            huge.put("value", new java.math.BigDecimal("1e200000"));
            garbage.add(new Hostile("huge number (refused by PostgreSQL)", key, json(huge), "could not be stored"));
            Map<String, Object> nul = state.apply(i);
            nul.put("indicator", nul.get("indicator") + "\u0000");
            garbage.add(new Hostile("NUL in a code (refused when read)", key, json(nul), "must not contain the character U+0000"));
            Map<String, Object> largest = state.apply(i);
            largest.put("orgUnit", largest.get("orgUnit") + randomText(LARGEST_VALUE - 1_000));
            garbage.add(new Hostile("records as large as the broker takes (a code too long for an index)", key,
                    json(largest), "could not be stored"));
            garbage.add(bad("duplicate keys", key, text(state.apply(i)).replaceFirst("\\{", "{\"date\": \"2026-01-01\", "),
                    "Duplicate field"));
        }
        return garbage;
    }

    /** Letters and digits that do not compress: an index entry of them is as long as they are. */
    private String randomText(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return new String(json(value), StandardCharsets.UTF_8);
    }
}
