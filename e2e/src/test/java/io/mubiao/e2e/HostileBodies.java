package io.mubiao.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.mubiao.e2e.RunningSuite.Service;

/**
 * Generates bad requests for every write endpoint of the suite, by fault class: each one a valid request (on the
 * reference data {@link #seedCalls} creates) with one thing broken, and what the answer must say about it. A valid
 * template must be accepted, so each broken one is refused for the fault put in, not for something else.
 */
final class HostileBodies {

    static final String PROVINCE = "HX";
    static final String COUNTY = "HX-A";
    static final String OTHER_COUNTY = "HX-B";
    static final String RATE = "hx.rate";
    static final String INVESTMENT = "hx.investment";

    enum Fault {
        MALFORMED, TRUNCATED, WRONG_TYPE, HUGE_OR_TINY_NUMBER, NAN_OR_INFINITY, NEGATIVE, IMPOSSIBLE_DATE,
        BODY_OVER_10_MB, DEEP_NESTING, CODE_WITH_SQL, CODE_WITH_HTML, CONTROL_CHARACTERS, LONG_UNICODE,
        EMPTY_ARRAY, DUPLICATE_KEY, WRONG_MEDIA_TYPE
    }

    enum Endpoint {
        ORG_UNIT_PUT(Service.TARGET, "PUT"), ORG_UNIT_IMPORT(Service.TARGET, "POST"),
        ORG_UNIT_DELETE(Service.TARGET, "DELETE"),
        INDICATOR_PUT(Service.TARGET, "PUT"), TARGET_PUT(Service.TARGET, "PUT"), ALLOCATION_PUT(Service.TARGET, "PUT"),
        PROGRESS_POST(Service.PROGRESS, "POST"), CONTACTS_PUT(Service.REPORT, "PUT"),
        SUBSCRIPTION_POST(Service.REPORT, "POST"), SUBSCRIPTION_DELETE(Service.REPORT, "DELETE"),
        SUBSCRIPTION_RUN(Service.REPORT, "POST");

        final Service service;
        final String method;

        Endpoint(Service service, String method) {
            this.service = service;
            this.method = method;
        }
    }

    /** One bad request; {@code says} must be found in the problem's detail or its errors' fields and messages. */
    record Request(Fault fault, Endpoint endpoint, String path, String contentType, byte[] body, Set<Integer> statuses,
            Pattern says, String shown) {
    }

    // What an answer must say, per kind of fault.
    /** Jackson reads as it goes: a body whose first token is of the wrong shape is refused for its shape. */
    private static final Pattern MALFORMED_JSON = Pattern.compile("(?i)malformed JSON|expected a JSON (array|object)");
    private static final Pattern NOT_A_CODE = Pattern.compile(
            "(?i)letters, digits|not a code|\\[A-Za-z0-9\\._-\\]|unknown|does not exist|not found");
    private static final Pattern NESTING = Pattern.compile("(?i)nesting depth");
    private static final Pattern TOO_LARGE = Pattern.compile("(?i)larger than 10 MB");
    private static final Pattern NUL = Pattern.compile("U\\+0000");
    private static final String JSON = "application/json";
    private static final Set<Integer> BAD_REQUEST = Set.of(400);
    private static final Set<Integer> BAD_OR_INVALID = Set.of(400, 422);
    private static final Set<Integer> INVALID_OR_UNKNOWN = Set.of(400, 404, 422);

    /** A fixed subscription id that exists nowhere: what the run and delete endpoints are asked about. */
    private static final String NO_SUCH_SUBSCRIPTION = "987654321";

    private final int year;
    private final LocalDate yesterday;
    private final Map<Endpoint, Template> templates = new LinkedHashMap<>();

    /**
     * @param today today in the services' zone (Asia/Shanghai): progress refuses later dates
     */
    HostileBodies(LocalDate today) {
        this.yesterday = today.minusDays(1);
        this.year = yesterday.getYear();
        templates.put(Endpoint.ORG_UNIT_PUT, new Template("/api/org-units/HX-NEW", false, fields(
                "name", "\"Hostile county\"", "parent", q(PROVINCE), "kind", "\"region\"")));
        templates.put(Endpoint.ORG_UNIT_IMPORT, new Template("/api/org-units/import", true, fields(
                "code", "\"HX-IMPORTED\"", "name", "\"Imported\"", "parent", q(PROVINCE), "kind", "\"region\"")));
        templates.put(Endpoint.INDICATOR_PUT, new Template("/api/indicators/hx.new", false, fields(
                "name", "\"New indicator\"", "unit", "\"%\"", "measure", "\"RATIO\"",
                "direction", "\"HIGHER_IS_BETTER\"",
                "group", "\"hx\"", "decimals", "2")));
        templates.put(Endpoint.TARGET_PUT, new Template(targetPath(RATE, COUNTY, year), false, fields(
                "kind", "\"VALUE\"", "value", "80", "start", "10", "trajectory", "\"LINEAR\"",
                "milestones", "[{\"due\":\"" + year + "-06-30\",\"value\":50}]")));
        templates.put(Endpoint.ALLOCATION_PUT, new Template(targetPath(INVESTMENT, PROVINCE, year) + "/allocation",
                false, fields("children", "[{\"orgUnit\":\"" + COUNTY + "\",\"value\":60},"
                        + "{\"orgUnit\":\"" + OTHER_COUNTY + "\",\"value\":40}]")));
        templates.put(Endpoint.PROGRESS_POST, new Template("/api/progress", true, fields(
                "eventId", "\"hostile-1\"", "orgUnit", q(COUNTY), "indicator", q(RATE), "date", q(yesterday.toString()),
                "numerator", "3", "denominator", "4", "note", "\"a note\"")));
        templates.put(Endpoint.CONTACTS_PUT, new Template("/api/units/" + COUNTY + "/contacts", true, fields(
                "channel", "\"email\"", "address", "\"office@example.org\"", "lang", "\"en\"")));
        templates.put(Endpoint.SUBSCRIPTION_POST, new Template("/api/subscriptions", false, fields(
                "scope", q(PROVINCE), "cadence", "\"daily\"", "lang", "\"en\"", "format", "\"json\"",
                "channel", "\"email\"", "address", "\"chief@example.org\"", "time", "\"07:30\"")));
    }

    /** The valid requests the templates are made from, for the test to check that each is accepted as it is. */
    Map<Endpoint, String> validBodies() {
        Map<Endpoint, String> bodies = new LinkedHashMap<>();
        templates.forEach((endpoint, template) -> bodies.put(endpoint, template.json(template.fields)));
        return bodies;
    }

    String validPath(Endpoint endpoint) {
        return templates.get(endpoint).path;
    }

    /** The reference data every template relies on: PUTs to target-service, in order (path, body). */
    List<Map.Entry<String, String>> seedCalls() {
        return List.of(
                Map.entry("/api/org-units/" + PROVINCE, "{\"name\":\"Hostile province\"}"),
                Map.entry("/api/org-units/" + COUNTY, "{\"name\":\"County A\",\"parent\":\"" + PROVINCE + "\"}"),
                Map.entry("/api/org-units/" + OTHER_COUNTY, "{\"name\":\"County B\",\"parent\":\"" + PROVINCE + "\"}"),
                Map.entry("/api/indicators/" + RATE, "{\"name\":\"Filing rate\",\"unit\":\"%\",\"measure\":\"RATIO\","
                        + "\"direction\":\"HIGHER_IS_BETTER\",\"group\":\"hx\"}"),
                Map.entry("/api/indicators/" + INVESTMENT, "{\"name\":\"Investment\",\"unit\":\"CNY\","
                        + "\"measure\":\"CUMULATIVE\",\"direction\":\"HIGHER_IS_BETTER\",\"group\":\"hx\"}"),
                Map.entry(targetPath(INVESTMENT, PROVINCE, year), "{\"value\":100,\"milestones\":[{\"due\":\"" + year
                        + "-06-30\",\"value\":40}]}"),
                Map.entry(targetPath(RATE, PROVINCE, year), "{\"value\":50,\"milestones\":[]}"));
    }

    /** One valid report, so that progress and report-service have a row to keep. */
    String seedReport() {
        return "[{\"eventId\":\"hostile-seed\",\"orgUnit\":\"" + COUNTY + "\",\"indicator\":\"" + RATE
                + "\",\"date\":\"" + yesterday + "\",\"numerator\":1,\"denominator\":2}]";
    }

    List<Request> all() {
        List<Request> requests = new ArrayList<>();
        malformed(requests);
        truncated(requests);
        wrongTypes(requests);
        numbers(requests);
        negatives(requests);
        dates(requests);
        hugeBodies(requests);
        deepNesting(requests);
        codes(requests);
        emptyArrays(requests);
        duplicateKeys(requests);
        mediaTypes(requests);
        return requests;
    }

    // ------------------------------------------------------------------------------------------------ faults

    private void malformed(List<Request> out) {
        List<String> shapes = List.of("{", "}", "[", "]", "{\"name\" \"x\"}", "{'name':'x'}", "{name:\"x\"}",
                "{\"name\":\"x\",}", "[1,]", "{\"name\":}", "{:\"x\"}", "{\"name\":\"x\"}}", "nul", "tru", "\"",
                "{\"name\":\"a\\qb\"}", "{\"name\":\"\\uZZZZ\"}", "/* comment */ {}", "{\"a\":1} // comment",
                "{\"a\":1}{\"b\":2}", "<xml/>", "name=x&parent=y");
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            Template template = entry.getValue();
            for (String shape : shapes) {
                out.add(request(Fault.MALFORMED, entry.getKey(), template.path, shape, BAD_REQUEST, MALFORMED_JSON));
            }
            String valid = template.json(template.fields);
            // a valid request followed by garbage must not be read as the valid request
            for (String trailed : List.of(valid + " garbage", valid + valid)) {
                out.add(request(Fault.MALFORMED, entry.getKey(), template.path, trailed, BAD_REQUEST, MALFORMED_JSON));
            }
            // a raw control character inside a string, and bytes that are not UTF-8
            out.add(request(Fault.MALFORMED, entry.getKey(), template.path, valid.replaceFirst(":\"", ":\"\u0001"),
                    BAD_REQUEST, MALFORMED_JSON));
            byte[] notUtf8 = concat(valid.substring(0, valid.indexOf(":\"") + 2).getBytes(StandardCharsets.UTF_8),
                    new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }, valid.substring(valid.indexOf(":\"") + 2)
                            .getBytes(StandardCharsets.UTF_8));
            out.add(new Request(Fault.MALFORMED, entry.getKey(), template.path, JSON, notUtf8, BAD_REQUEST,
                    Pattern.compile("(?i)malformed JSON|UTF-8"), "invalid UTF-8 bytes in a string"));
        }
    }

    private void truncated(List<Request> out) {
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            Template template = entry.getValue();
            String valid = template.json(template.fields);
            int cuts = 12;
            for (int i = 1; i <= cuts; i++) {
                int at = Math.max(1, valid.length() * i / (cuts + 1));
                out.add(request(Fault.TRUNCATED, entry.getKey(), template.path, valid.substring(0, at), BAD_REQUEST,
                        MALFORMED_JSON));
            }
        }
    }

    private void wrongTypes(List<Request> out) {
        List<String> samples = List.of("5", "-1.5", "true", "false", "\"text\"", "{}", "[]", "[\"x\"]", "{\"a\":1}");
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            Template template = entry.getValue();
            for (String field : template.fields.keySet()) {
                String original = template.fields.get(field);
                for (String sample : samples) {
                    if (sameType(original, sample) || (field.equals("note") && sample.startsWith("\""))) {
                        continue;
                    }
                    out.add(request(Fault.WRONG_TYPE, entry.getKey(), template.path, template.with(field, sample),
                            BAD_OR_INVALID, Pattern.compile(Pattern.quote(field))));
                }
            }
            // the whole body of the wrong type
            for (String body : List.of("5", "\"text\"", "true", template.array ? "{}" : "[]")) {
                out.add(request(Fault.WRONG_TYPE, entry.getKey(), template.path, body, BAD_OR_INVALID,
                        Pattern.compile("(?i)expected|must be|is required")));
            }
        }
    }

    /** Fields that take numbers, per endpoint: huge, tiny and non-numbers go there. */
    private Map<Endpoint, List<String>> numberFields() {
        Map<Endpoint, List<String>> fields = new LinkedHashMap<>();
        fields.put(Endpoint.INDICATOR_PUT, List.of("decimals"));
        fields.put(Endpoint.TARGET_PUT, List.of("value", "start", "milestones"));
        fields.put(Endpoint.ALLOCATION_PUT, List.of("children"));
        fields.put(Endpoint.PROGRESS_POST, List.of("numerator", "denominator"));
        return fields;
    }

    /** The body of an endpoint with {@code number} (raw JSON) in one of its number fields. */
    private String withNumber(Endpoint endpoint, String field, String number) {
        Template template = templates.get(endpoint);
        return switch (field) {
            case "milestones" -> template.with(field, "[{\"due\":\"" + year + "-06-30\",\"value\":" + number + "}]");
            case "children" -> template.with(field, "[{\"orgUnit\":\"" + COUNTY + "\",\"value\":" + number
                    + "},{\"orgUnit\":\"" + OTHER_COUNTY + "\",\"value\":40}]");
            default -> template.with(field, number);
        };
    }

    private void numbers(List<Request> out) {
        List<String> huge = List.of("1e999999999", "-1e999999999", "1e-999999999", "-1e-999999999", "1e400", "1e-400",
                "4.9e-324", "1.7976931348623157e308", "123456789012345678901234567890", "99999999999999999999",
                "0.0000000000001", "1e2147483648", "1e-2147483649", "9".repeat(1001), "0." + "0".repeat(999) + "1",
                "18446744073709551616");
        Pattern says = Pattern.compile("(?i)digits|decimal|too large|out of range|beyond a limit|cannot|number");
        numberFields().forEach((endpoint, fields) -> {
            for (String field : fields) {
                for (String number : huge) {
                    out.add(request(Fault.HUGE_OR_TINY_NUMBER, endpoint, templates.get(endpoint).path,
                            withNumber(endpoint, field, number), BAD_OR_INVALID, says));
                }
            }
        });
        Pattern nan = Pattern.compile("(?i)NaN|Infinity|non-standard|number|numeric|unrecognized token");
        List<String> nans = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "INF", "\"NaN\"",
                "\"Infinity\"", "\"-Infinity\"", "\"1e3\"", "\"\"");
        numberFields().forEach((endpoint, fields) -> {
            for (String field : fields) {
                for (String token : nans) {
                    out.add(request(Fault.NAN_OR_INFINITY, endpoint, templates.get(endpoint).path,
                            withNumber(endpoint, field, token), BAD_OR_INVALID, nan));
                }
            }
        });
    }

    private void negatives(List<Request> out) {
        Template indicator = templates.get(Endpoint.INDICATOR_PUT);
        for (String number : List.of("-1", "-2147483648", "7", "-0.5")) {
            out.add(request(Fault.NEGATIVE, Endpoint.INDICATOR_PUT, indicator.path, indicator.with("decimals", number),
                    BAD_OR_INVALID, Pattern.compile("decimals")));
        }
        // a RATIO target is a percentage: 0 to 100
        for (String field : List.of("value", "start", "milestones")) {
            for (String number : List.of("-1", "-0.000001", "-100", "-99999999999999")) {
                out.add(request(Fault.NEGATIVE, Endpoint.TARGET_PUT, templates.get(Endpoint.TARGET_PUT).path,
                        withNumber(Endpoint.TARGET_PUT, field, number), Set.of(422),
                        Pattern.compile("not a percentage")));
            }
        }
        for (String field : List.of("numerator", "denominator")) {
            for (String number : List.of("-1", "-0.5", "-99999999999999")) {
                out.add(request(Fault.NEGATIVE, Endpoint.PROGRESS_POST, "/api/progress",
                        withNumber(Endpoint.PROGRESS_POST, field, number), Set.of(422),
                        Pattern.compile(field + " .*(negative|above 0)")));
            }
        }
        out.add(request(Fault.NEGATIVE, Endpoint.PROGRESS_POST, "/api/progress",
                withNumber(Endpoint.PROGRESS_POST, "denominator", "0"), Set.of(422), Pattern.compile("above 0")));
        // the children of a CUMULATIVE target must add up to the parent's 100
        for (String number : List.of("-60", "-1", "-0.000001")) {
            out.add(request(Fault.NEGATIVE, Endpoint.ALLOCATION_PUT, templates.get(Endpoint.ALLOCATION_PUT).path,
                    withNumber(Endpoint.ALLOCATION_PUT, "children", number), Set.of(422),
                    Pattern.compile("add up to")));
        }
        for (String badYear : List.of("-1", "-" + year, "0", "-2147483648")) {
            out.add(request(Fault.NEGATIVE, Endpoint.TARGET_PUT, targetPath(RATE, COUNTY, badYear),
                    templates.get(Endpoint.TARGET_PUT).valid(), INVALID_OR_UNKNOWN,
                    Pattern.compile("(?i)year|must be")));
            out.add(request(Fault.NEGATIVE, Endpoint.ALLOCATION_PUT, targetPath(INVESTMENT, PROVINCE, badYear)
                    + "/allocation", templates.get(Endpoint.ALLOCATION_PUT).valid(), INVALID_OR_UNKNOWN,
                    Pattern.compile("(?i)year|must be")));
        }
    }

    private void dates(List<Request> out) {
        List<String> impossible = List.of(year + "-02-30", year + "-13-01", year + "-00-10", year + "-04-31",
                year + "-06-00", year + "-1-5", year + "0415", year + "/04/15", "15.04." + year, "yesterday", "",
                "  ", year + "-04-15T00:00:00", "+999999999-12-31", "-0001-01-01", "0000-00-00",
                "\u0662\u0660\u0662\u0666-04-15", year + "-04-15\u0000");
        Template target = templates.get(Endpoint.TARGET_PUT);
        Template progress = templates.get(Endpoint.PROGRESS_POST);
        Pattern due = Pattern.compile("due|date|LocalDate");
        for (String date : impossible) {
            if (!date.isBlank() && !parses(date)) {
                out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.SUBSCRIPTION_RUN, "/api/subscriptions/"
                        + NO_SUCH_SUBSCRIPTION + "/run?date=" + encode(date), null, Set.of(400),
                        Pattern.compile("date")));
            }
            out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.TARGET_PUT, target.path, target.with("milestones",
                    "[{\"due\":" + q(date) + ",\"value\":50}]"), BAD_OR_INVALID, due));
            out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.PROGRESS_POST, progress.path,
                    progress.with("date", q(date)), BAD_OR_INVALID, Pattern.compile("date")));
        }
        // dates that exist but not where they are given
        for (String date : List.of((year + 1) + "-06-30", (year - 1) + "-12-31", "1899-12-31")) {
            out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.TARGET_PUT, target.path, target.with("milestones",
                    "[{\"due\":" + q(date) + ",\"value\":50}]"), Set.of(422), Pattern.compile("lies outside")));
        }
        out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.TARGET_PUT, target.path, target.with("milestones",
                "[{\"due\":\"" + year + "-06-30\",\"value\":50},{\"due\":\"" + year + "-03-31\",\"value\":60}]"),
                Set.of(422), Pattern.compile("ascending")));
        for (LocalDate date : List.of(yesterday.plusDays(2), yesterday.plusYears(1000), LocalDate.of(1899, 12, 31))) {
            out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.PROGRESS_POST, progress.path,
                    progress.with("date", q(date.toString())), Set.of(422),
                    Pattern.compile("in the future|before 1900")));
        }
        Template subscription = templates.get(Endpoint.SUBSCRIPTION_POST);
        for (String time : List.of("24:00", "25:61", "7:30", "07:30:00", "07h30", "-01:00", "noon")) {
            out.add(request(Fault.IMPOSSIBLE_DATE, Endpoint.SUBSCRIPTION_POST, subscription.path,
                    subscription.with("time", q(time)), Set.of(422), Pattern.compile("time")));
        }
    }

    private void hugeBodies(List<Request> out) {
        int size = 10 * 1024 * 1024 + 512 * 1024;
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            Template template = entry.getValue();
            // the body is refused by its length alone, before it is read: the type of the field does not matter
            String firstTextField = template.fields.keySet().iterator().next();
            String shell = template.json(replaced(template.fields, firstTextField, "\"@\""));
            int at = shell.indexOf("\"@\"") + 1;
            byte[] longText = concat(shell.substring(0, at).getBytes(StandardCharsets.UTF_8), filled(size, (byte) 'x'),
                    shell.substring(at + 1).getBytes(StandardCharsets.UTF_8));
            out.add(new Request(Fault.BODY_OVER_10_MB, entry.getKey(), template.path, JSON, longText, Set.of(413),
                    TOO_LARGE, "a " + size + "-byte " + firstTextField));
            byte[] spaces = filled(size, (byte) ' ');
            spaces[0] = '[';
            spaces[spaces.length - 1] = ']';
            out.add(new Request(Fault.BODY_OVER_10_MB, entry.getKey(), template.path, JSON, spaces, Set.of(413),
                    TOO_LARGE, "[ + " + size + " spaces + ]"));
        }
    }

    private void deepNesting(List<Request> out) {
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            Template template = entry.getValue();
            String path = template.path;
            // refused for its first token already where an object belongs, for its depth where an array does
            out.add(request(Fault.DEEP_NESTING, entry.getKey(), path, "[".repeat(100_000), BAD_REQUEST,
                    Pattern.compile("(?i)nesting depth|expected a JSON object, not an array")));
            // inside a field nobody reads, which the reader still has to get past
            for (String deep : List.of("[".repeat(100_000), "{\"a\":".repeat(50_000),
                    "[".repeat(1_200) + "]".repeat(1_200), "{\"a\":".repeat(1_100) + "1" + "}".repeat(1_100))) {
                Map<String, String> fields = new LinkedHashMap<>(template.fields);
                fields.put("extra", deep);
                out.add(request(Fault.DEEP_NESTING, entry.getKey(), path, template.json(fields), BAD_REQUEST, NESTING));
            }
        }
    }

    /** Where a code goes: paths, and body fields that must hold a code. */
    private void codes(List<Request> out) {
        Map<Fault, List<String>> values = new LinkedHashMap<>();
        values.put(Fault.CODE_WITH_SQL, List.of("x' OR '1'='1", "HX'; DROP TABLE target.org_unit; --",
                "1; DELETE FROM progress.report", "\" OR 1=1 --", "HX-A' --", "'); SELECT pg_sleep(10); --",
                "%' AND 1=1 AND '%'='", "HX-A;--", "$$; truncate report.observation; $$"));
        values.put(Fault.CODE_WITH_HTML, List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "\"><svg onload=alert(1)>", "&lt;b&gt;", "<!--", "HX-A<br>", "javascript:alert(1)"));
        values.put(Fault.CONTROL_CHARACTERS, List.of("HX\u0000A", "\u0000", "HX\r\nX-Injected: 1", "HX\tA",
                "\u001b[31mHX", "HX\u007f", "HX\u0008", "\u202eHX", "HX\u200b"));
        values.put(Fault.LONG_UNICODE, List.of("福".repeat(10_000), "😀".repeat(5_000), "Ｈ".repeat(65), "x".repeat(65),
                "\ud835\udd18".repeat(3_000), "e\u0301".repeat(2_000), "\ud800", "HX-\u00c4"));
        values.forEach((fault, codes) -> {
            for (String code : codes) {
                codeInPaths(out, fault, code);
                codeInBodies(out, fault, code);
            }
        });
        // text that is no code but may not hold U+0000 either, which PostgreSQL cannot store
        Map<Endpoint, List<String>> textFields = Map.of(Endpoint.ORG_UNIT_PUT, List.of("name"),
                Endpoint.ORG_UNIT_IMPORT, List.of("name"), Endpoint.INDICATOR_PUT, List.of("name", "unit"),
                Endpoint.PROGRESS_POST, List.of("eventId", "note"), Endpoint.CONTACTS_PUT, List.of("address"),
                Endpoint.SUBSCRIPTION_POST, List.of("address"));
        textFields.forEach((endpoint, fields) -> {
            Template template = templates.get(endpoint);
            for (String field : fields) {
                String value = template.fields.get(field);
                String withNul = value.substring(0, 2) + "\\u0000" + value.substring(2);
                out.add(request(Fault.CONTROL_CHARACTERS, endpoint, template.path, template.with(field, withNul),
                        BAD_OR_INVALID, NUL));
                // long text where a bounded one belongs
                int length = endpoint == Endpoint.PROGRESS_POST && field.equals("eventId") ? 129 : 1_001;
                String longText = q("長".repeat(length) + (field.equals("address") ? "@example.org" : ""));
                out.add(request(Fault.LONG_UNICODE, endpoint, template.path, template.with(field, longText),
                        Set.of(422), Pattern.compile("(?i)" + field + ".*(size|longer|at most|must be)"
                                + "|(size|longer|at most|must be).*" + field)));
            }
        });
    }

    private void codeInPaths(List<Request> out, Fault fault, String code) {
        // at most 300 characters: a request line beyond Vert.x's 4,096 bytes is refused before any route
        String c = encode(code.length() > 300 ? code.substring(0, 300) : code);
        Template target = templates.get(Endpoint.TARGET_PUT);
        Template allocation = templates.get(Endpoint.ALLOCATION_PUT);
        out.add(request(fault, Endpoint.ORG_UNIT_PUT, "/api/org-units/" + c,
                templates.get(Endpoint.ORG_UNIT_PUT).valid(), INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.ORG_UNIT_DELETE, "/api/org-units/" + c, null, INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.INDICATOR_PUT, "/api/indicators/" + c,
                templates.get(Endpoint.INDICATOR_PUT).valid(), INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.TARGET_PUT, "/api/targets/" + c + "/" + COUNTY + "/" + year, target.valid(),
                INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.TARGET_PUT, "/api/targets/" + RATE + "/" + c + "/" + year, target.valid(),
                INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.ALLOCATION_PUT,
                "/api/targets/" + INVESTMENT + "/" + c + "/" + year + "/allocation", allocation.valid(),
                INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.CONTACTS_PUT, "/api/units/" + c + "/contacts",
                templates.get(Endpoint.CONTACTS_PUT).valid(), INVALID_OR_UNKNOWN, NOT_A_CODE));
        out.add(request(fault, Endpoint.SUBSCRIPTION_DELETE, "/api/subscriptions/" + c, null, INVALID_OR_UNKNOWN,
                NOT_A_CODE));
        out.add(request(fault, Endpoint.SUBSCRIPTION_RUN, "/api/subscriptions/" + c + "/run", null, INVALID_OR_UNKNOWN,
                NOT_A_CODE));
    }

    private void codeInBodies(List<Request> out, Fault fault, String code) {
        Pattern says = code.indexOf('\u0000') >= 0 ? Pattern.compile(NOT_A_CODE.pattern() + "|U\\+0000")
                : NOT_A_CODE;
        String json = q(code);
        Map<Endpoint, List<String>> codeFields = new LinkedHashMap<>();
        codeFields.put(Endpoint.ORG_UNIT_PUT, List.of("parent", "kind"));
        codeFields.put(Endpoint.ORG_UNIT_IMPORT, List.of("code", "parent", "kind"));
        codeFields.put(Endpoint.INDICATOR_PUT, List.of("group"));
        codeFields.put(Endpoint.PROGRESS_POST, List.of("orgUnit", "indicator"));
        codeFields.put(Endpoint.SUBSCRIPTION_POST, List.of("scope"));
        codeFields.forEach((endpoint, fields) -> {
            Template template = templates.get(endpoint);
            for (String field : fields) {
                out.add(request(fault, endpoint, template.path, template.with(field, json), Set.of(400, 422), says));
            }
        });
        Template allocation = templates.get(Endpoint.ALLOCATION_PUT);
        out.add(request(fault, Endpoint.ALLOCATION_PUT, allocation.path, allocation.with("children",
                "[{\"orgUnit\":" + json + ",\"value\":60},{\"orgUnit\":\"" + OTHER_COUNTY + "\",\"value\":40}]"),
                Set.of(400, 422), says));
    }

    private void emptyArrays(List<Request> out) {
        Pattern empty = Pattern.compile("(?i)empty|no rows|at least one|must not be|size");
        out.add(request(Fault.EMPTY_ARRAY, Endpoint.PROGRESS_POST, "/api/progress", "[]", Set.of(422), empty));
        out.add(request(Fault.EMPTY_ARRAY, Endpoint.ORG_UNIT_IMPORT, "/api/org-units/import", "[]", Set.of(422),
                empty));
        Template allocation = templates.get(Endpoint.ALLOCATION_PUT);
        out.add(request(Fault.EMPTY_ARRAY, Endpoint.ALLOCATION_PUT, allocation.path, "{\"children\":[]}", Set.of(422),
                Pattern.compile("children")));
        // arrays of nothing useful: every item is refused
        for (String body : List.of("[[]]", "[{}]", "[null]", "[[], []]", "[{}, {}, {}]")) {
            out.add(request(Fault.EMPTY_ARRAY, Endpoint.PROGRESS_POST, "/api/progress", body, Set.of(422),
                    Pattern.compile("(?i)must be a JSON object|is required")));
            out.add(request(Fault.EMPTY_ARRAY, Endpoint.ORG_UNIT_IMPORT, "/api/org-units/import", body, BAD_OR_INVALID,
                    Pattern.compile("(?i)code|expected|required|empty")));
            out.add(request(Fault.EMPTY_ARRAY, Endpoint.CONTACTS_PUT, templates.get(Endpoint.CONTACTS_PUT).path, body,
                    BAD_OR_INVALID, Pattern.compile("(?i)channel|expected|required")));
            out.add(request(Fault.EMPTY_ARRAY, Endpoint.ALLOCATION_PUT, allocation.path, "{\"children\":" + body + "}",
                    BAD_OR_INVALID, Pattern.compile("children")));
        }
        for (Endpoint endpoint : List.of(Endpoint.ORG_UNIT_PUT, Endpoint.INDICATOR_PUT, Endpoint.TARGET_PUT,
                Endpoint.SUBSCRIPTION_POST)) {
            out.add(request(Fault.EMPTY_ARRAY, endpoint, templates.get(endpoint).path, "[]", BAD_REQUEST,
                    Pattern.compile("(?i)expected a JSON object, not an array")));
        }
        Template target = templates.get(Endpoint.TARGET_PUT);
        out.add(request(Fault.EMPTY_ARRAY, Endpoint.TARGET_PUT, target.path, target.with("milestones", "[[]]"),
                BAD_REQUEST, Pattern.compile("milestones")));
        out.add(request(Fault.EMPTY_ARRAY, Endpoint.TARGET_PUT, target.path, target.with("milestones", "[{}]"),
                Set.of(422), Pattern.compile("milestones")));
    }

    private void duplicateKeys(List<Request> out) {
        Pattern duplicate = Pattern.compile("(?i)duplicate field");
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            Template template = entry.getValue();
            for (String field : template.fields.keySet()) {
                // the same key again, with the same value and with another: neither may be guessed at
                String value = template.fields.get(field);
                for (String again : List.of(value, value.startsWith("\"") ? "\"other\"" : "null")) {
                    String object = template.object(template.fields);
                    String doubled = object.substring(0, object.length() - 1) + "," + q(field) + ":" + again + "}";
                    out.add(request(Fault.DUPLICATE_KEY, entry.getKey(), template.path,
                            template.array ? "[" + doubled + "]" : doubled, BAD_REQUEST, duplicate));
                }
            }
        }
        Template target = templates.get(Endpoint.TARGET_PUT);
        out.add(request(Fault.DUPLICATE_KEY, Endpoint.TARGET_PUT, target.path, target.with("milestones",
                "[{\"due\":\"" + year + "-06-30\",\"value\":50,\"value\":60}]"), BAD_REQUEST, duplicate));
        Template allocation = templates.get(Endpoint.ALLOCATION_PUT);
        out.add(request(Fault.DUPLICATE_KEY, Endpoint.ALLOCATION_PUT, allocation.path, allocation.with("children",
                "[{\"orgUnit\":\"" + COUNTY + "\",\"orgUnit\":\"" + OTHER_COUNTY + "\",\"value\":100}]"), BAD_REQUEST,
                duplicate));
    }

    private void mediaTypes(List<Request> out) {
        Pattern unsupported = Pattern.compile("(?i)media type");
        for (Map.Entry<Endpoint, Template> entry : templates.entrySet()) {
            byte[] valid = entry.getValue().valid().getBytes(StandardCharsets.UTF_8);
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/octet-stream")) {
                out.add(new Request(Fault.WRONG_MEDIA_TYPE, entry.getKey(), entry.getValue().path, type, valid,
                        Set.of(415), unsupported, entry.getValue().path + " as " + type));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A valid request body: one object, or an array holding one object, whose fields may be replaced. */
    private record Template(String path, boolean array, Map<String, String> fields) {

        String object(Map<String, String> values) {
            StringBuilder json = new StringBuilder("{");
            values.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append(q(name)).append(':')
                    .append(value));
            return json.append('}').toString();
        }

        String json(Map<String, String> values) {
            return array ? "[" + object(values) + "]" : object(values);
        }

        String valid() {
            return json(fields);
        }

        String with(String field, String value) {
            return json(replaced(fields, field, value));
        }
    }

    private static Map<String, String> replaced(Map<String, String> fields, String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Request request(Fault fault, Endpoint endpoint, String path, String body, Set<Integer> statuses,
            Pattern says) {
        String shown = body == null ? path : path + " " + (body.length() > 100 ? body.substring(0, 100) + "…" : body);
        return new Request(fault, endpoint, path, body == null ? null : JSON,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), statuses, says,
                shown.replaceAll("\\p{Cntrl}", "?"));
    }

    /** Whether a raw JSON sample has the type of the template's value (then it is no wrong type). */
    private static boolean sameType(String original, String sample) {
        return kind(original) == kind(sample);
    }

    private static char kind(String json) {
        char first = json.charAt(0);
        if (first == '-' || Character.isDigit(first)) {
            return '0';
        }
        return first == 'f' ? 't' : first;
    }

    /** A JSON string literal. */
    static String q(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (paired) {
                json.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                // control characters and a lone surrogate only as escapes: raw they would be malformed JSON
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** Percent-encodes every byte but unreserved characters, so that a path segment stays one segment. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private static boolean parses(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String targetPath(String indicator, String orgUnit, Object year) {
        return "/api/targets/" + indicator + "/" + orgUnit + "/" + year;
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
