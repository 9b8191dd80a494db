package io.mubiao.progress.intake;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;

/**
 * Reads reports sent as {@code text/csv} into the JSON form of the same body, an array of report objects, so
 * that {@link ReportReader} and the validation see exactly what they see for JSON. UTF-8 (a leading byte order
 * mark is dropped), RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF). The
 * first record is the header: the report's field names (any case, any order; orgUnit, indicator and date
 * required). Each later record is one report, numbered from 0 like the items of a JSON array; a blank cell is an
 * absent field. A number column's cell becomes a JSON number when it reads as a decimal, and stays a string
 * otherwise, so that it is rejected as a JSON string would be. Blank records at the end of the file (as
 * spreadsheets write them) are dropped; a blank record elsewhere is a report with no fields.
 */
final class ReportCsv {

    static final List<String> COLUMNS = List.of("eventId", "orgUnit", "indicator", "date", "value", "numerator",
            "denominator", "note");
    static final List<String> REQUIRED = List.of("orgUnit", "indicator", "date");
    private static final Set<String> NUMBERS = Set.of("value", "numerator", "denominator");
    private static final String HEADER = "a header line naming the columns: orgUnit, indicator, date (required) and "
            + "eventId, value, numerator, denominator, note (optional), in any order";

    private static final CsvMapper MAPPER = CsvMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** One record of the file and the line it starts on (1 = the first line). */
    private record Record(int line, List<String> cells) {

        boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    private ReportCsv() {
    }

    /** The reports of a CSV body as a JSON array; a body that cannot be read as such is a 400 saying where. */
    static ArrayNode parse(byte[] body) {
        List<Record> records = records(decode(body));
        while (!records.isEmpty() && records.get(records.size() - 1).blank()) {
            records.remove(records.size() - 1);
        }
        if (records.isEmpty()) {
            throw badRequest("header", "the CSV is empty: its first line must be " + HEADER);
        }
        Map<String, Integer> columns = header(records.get(0));
        if (records.size() == 1) {
            throw ProblemException.invalid("the CSV has a header but no reports: send at least one row below it",
                    List.of());
        }
        ArrayNode reports = NODES.arrayNode(records.size() - 1);
        int width = records.get(0).cells().size();
        for (Record record : records.subList(1, records.size())) {
            List<String> cells = record.cells();
            for (int i = width; i < cells.size(); i++) {
                if (cells.get(i) != null && !cells.get(i).isBlank()) {
                    throw badRequest("csv", "line " + record.line() + " has " + cells.size() + " fields, the header "
                            + width + ": a comma inside a value needs the value in double quotes");
                }
            }
            ObjectNode report = NODES.objectNode();
            columns.forEach((name, column) -> {
                String cell = column < cells.size() ? cells.get(column) : null;
                if (cell != null && !cell.isBlank()) {
                    report.set(name, NUMBERS.contains(name) ? number(cell) : NODES.textNode(cell));
                }
            });
            reports.add(report);
        }
        return reports;
    }

    /** A decimal as a JSON number; anything else stays a string, for {@link ReportReader} to refuse. */
    private static com.fasterxml.jackson.databind.JsonNode number(String cell) {
        try {
            return NODES.numberNode(new BigDecimal(cell.strip()));
        } catch (NumberFormatException e) {
            return NODES.textNode(cell);
        }
    }

    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        int nextLine = 1;
        try (JsonParser parser = MAPPER.createParser(text)) {
            // without a schema each record is an array of strings
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                List<String> cells = new ArrayList<>();
                for (token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    cells.add(parser.getText());
                }
                records.add(new Record(nextLine, cells));
                nextLine = parser.currentTokenLocation().getLineNr() + 1;
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String where = line < 0 ? "" : line == nextLine ? " (line " + line + ")"
                    : " (line " + line + ", in the record that starts on line " + nextLine + ")";
            throw badRequest("csv", "malformed CSV: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw badRequest("csv", "the CSV could not be read: " + e.getMessage());
        }
        return records;
    }

    /** Column index by field name; a header that does not name the fields is a 400 naming what is wrong. */
    private static Map<String, Integer> header(Record header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> cells = header.cells();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            String name = COLUMNS.stream().filter(field -> field.toLowerCase(Locale.ROOT)
                    .equals(cell.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
            if (name == null) {
                unknown.add("'" + cell + "'");
            } else if (columns.putIfAbsent(name, i) != null) {
                throw badRequest("header", "the header names column " + name + " twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(field -> !columns.containsKey(field)).toList();
        if (!unknown.isEmpty()) {
            throw badRequest("header", "unknown column" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " in the header (line 1); the columns are " + String.join(", ", COLUMNS)
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)));
        }
        if (!missing.isEmpty()) {
            throw badRequest("header", "the header (line 1) lacks the required column"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + "; the first line must be "
                    + HEADER);
        }
        return columns;
    }

    private static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw badRequest("csv", "the CSV is not UTF-8; save it from the spreadsheet as \"CSV UTF-8\"");
        }
    }

    private static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", message, List.of(Problem.FieldError.of(field, message)));
    }
}
