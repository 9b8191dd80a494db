package io.mubiao.targets.orgunit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;

/**
 * Reads an org-unit import sent as {@code text/csv}: UTF-8 (a leading byte order mark is dropped), RFC 4180
 * (quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF), a header line
 * {@code code,name,parent[,kind]} (names trimmed, any case, any order), then one unit per record. Records
 * are numbered from 0 after the header, as the rows of a JSON import are; blank records at the end of the
 * file (as spreadsheets write them) are dropped, a blank record elsewhere is a rejected row.
 */
final class OrgUnitCsv {

    /** The rows in file order ({@code null} where the record itself is broken) and the broken records' errors. */
    record Parsed(List<OrgUnitImportRow> rows, Map<Integer, Problem.FieldError> errors) {
    }

    static final String HEADER = "code,name,parent[,kind]";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private OrgUnitCsv() {
    }

    static Parsed parse(byte[] body) {
        String text = decode(body);
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            throw badRequest("csv", "malformed CSV: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw badRequest("csv", "the CSV could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // Jackson wraps parse errors met while iterating
            Throwable cause = e.getCause() instanceof JsonProcessingException json ? json : e;
            throw badRequest("csv", "malformed CSV: " + cause.getMessage());
        }
        while (!records.isEmpty() && blank(records.get(records.size() - 1))) {
            records.remove(records.size() - 1);
        }
        if (records.isEmpty()) {
            throw badRequest("header", "the CSV is empty: its first line must be the header " + HEADER);
        }
        Map<String, Integer> columns = header(records.get(0));

        List<OrgUnitImportRow> rows = new ArrayList<>(records.size() - 1);
        Map<Integer, Problem.FieldError> errors = new HashMap<>();
        int width = records.get(0).length;
        for (int i = 1; i < records.size(); i++) {
            String[] record = records.get(i);
            int index = i - 1;
            if (blank(record)) {
                rows.add(null);
                errors.put(index, new Problem.FieldError(index, null, null, "the row is empty"));
            } else if (record.length > width) {
                rows.add(null);
                errors.put(index, new Problem.FieldError(index, null, null, "the row has " + record.length
                        + " fields, the header " + width + " (a comma in a name needs quotes)"));
            } else {
                rows.add(new OrgUnitImportRow(field(record, columns.get("code")), field(record, columns.get("name")),
                        field(record, columns.get("parent")), field(record, columns.get("kind"))));
            }
        }
        return new Parsed(rows, errors);
    }

    /** Column index by name; a header that is not {@code code,name,parent[,kind]} is a 400 naming what is wrong. */
    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].strip().toLowerCase(Locale.ROOT);
            if (!List.of("code", "name", "parent", "kind").contains(name)) {
                unknown.add("'" + names[i] + "'");
            } else if (columns.putIfAbsent(name, i) != null) {
                throw badRequest("header", "the header names column " + name + " twice; it must be " + HEADER);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("code", "name", "parent")) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            String found = String.join(",", names);
            throw badRequest("header", "the first line must be the header " + HEADER + ", found '" + found + "'"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)));
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

    private static String field(String[] record, Integer column) {
        return column == null || column >= record.length ? null : record[column];
    }

    private static boolean blank(String[] record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", message, List.of(Problem.FieldError.of(field, message)));
    }
}
