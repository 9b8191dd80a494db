package io.mubiao.progress.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;

class ReportCsvTest {

    @Test
    void readsColumnsInAnyOrderAndCaseAsReportFields() {
        ArrayNode reports = parse("""
                DATE,indicator, orgUnit ,numerator,denominator
                2026-04-15,rate,GL,5510,10000
                """);
        assertEquals(1, reports.size());
        JsonNode report = reports.get(0);
        assertEquals("GL", report.get("orgUnit").textValue());
        assertEquals("rate", report.get("indicator").textValue());
        assertEquals("2026-04-15", report.get("date").textValue());
        assertEquals(new BigDecimal("5510"), report.get("numerator").decimalValue());
        assertTrue(report.get("numerator").isBigDecimal());
    }

    @Test
    void dropsTheByteOrderMarkAndReadsCrlf() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] text = "orgUnit,indicator,date,value\r\nGL,invest,2026-04-15,1.5\r\nMH,invest,2026-04-15,2\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(text, 0, body, bom.length, text.length);

        ArrayNode reports = ReportCsv.parse(body);
        assertEquals(2, reports.size());
        assertEquals("GL", reports.get(0).get("orgUnit").textValue());
        assertEquals(new BigDecimal("2"), reports.get(1).get("value").decimalValue());
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        ArrayNode reports = parse("orgUnit,indicator,date,value,note\n"
                + "GL,invest,2026-04-15,1,\"as of 17:00, \"\"provisional\"\"\nsecond line\"\n");
        assertEquals("as of 17:00, \"provisional\"\nsecond line", reports.get(0).get("note").textValue());
    }

    @Test
    void leavesEmptyCellsAndMissingTrailingCellsOut() {
        ArrayNode reports = parse("""
                eventId,orgUnit,indicator,date,value,numerator,denominator,note
                ,GL,rate,2026-04-15,,1,2,
                e-2,GL,rate,2026-04-15
                """);
        assertEquals(List.of("orgUnit", "indicator", "date", "numerator", "denominator"),
                fieldNames(reports.get(0)));
        assertEquals(List.of("eventId", "orgUnit", "indicator", "date"), fieldNames(reports.get(1)));
    }

    @Test
    void keepsDecimalsExactAndLeavesWhatIsNotANumberAString() {
        ArrayNode reports = parse("""
                orgUnit,indicator,date,value
                GL,invest,2026-04-15,0.1
                GL,invest,2026-04-15,1e30
                GL,invest,2026-04-15,1.000000001
                GL,invest,2026-04-15,"1,5"
                GL,invest,2026-04-15,abc
                """);
        assertEquals(new BigDecimal("0.1"), reports.get(0).get("value").decimalValue());
        assertEquals(new BigDecimal("1e30"), reports.get(1).get("value").decimalValue());
        assertEquals(new BigDecimal("1.000000001"), reports.get(2).get("value").decimalValue());
        assertEquals("1,5", reports.get(3).get("value").textValue());
        assertEquals("abc", reports.get(4).get("value").textValue());
    }

    @Test
    void dropsBlankLinesAtTheEndButKeepsABlankRowInTheMiddleAsAnEmptyReport() {
        ArrayNode reports = parse("orgUnit,indicator,date\nGL,rate,2026-04-15\n\nMH,rate,2026-04-15\n\n\n");
        assertEquals(3, reports.size());
        assertEquals(0, reports.get(1).size());
    }

    @Test
    void refusesAnUnknownColumnNamingIt() {
        Problem problem = refused(400, "orgUnit,indicator,date,rate\nGL,rate,2026-04-15,5\n");
        assertEquals("unknown column 'rate' in the header (line 1); the columns are eventId, orgUnit, indicator, "
                + "date, value, numerator, denominator, note", problem.detail());
        assertEquals("header", problem.errors().get(0).field());
    }

    @Test
    void refusesAHeaderWithoutARequiredColumn() {
        assertTrue(refused(400, "orgUnit,indicator,value\nGL,rate,5\n").detail()
                .startsWith("the header (line 1) lacks the required column date;"));
    }

    @Test
    void refusesAColumnNamedTwice() {
        assertEquals("the header names column value twice",
                refused(400, "orgUnit,indicator,date,value,Value\n").detail());
    }

    @Test
    void refusesAnEmptyBodyOrOneWithoutHeader() {
        assertTrue(refused(400, "").detail().startsWith("the CSV is empty"));
        assertTrue(refused(400, "\n\n").detail().startsWith("the CSV is empty"));
        assertTrue(refused(400, "GL,rate,2026-04-15,5\n").detail().startsWith("unknown columns 'GL', 'rate'"));
    }

    @Test
    void refusesAHeaderWithoutRowsAs422LikeAnEmptyArray() {
        assertEquals("the CSV has a header but no reports: send at least one row below it",
                refused(422, "orgUnit,indicator,date,value\r\n").detail());
    }

    @Test
    void refusesBrokenQuotingSayingWhere() {
        assertEquals("malformed CSV: Missing closing quote for value (line 5, in the record that starts on line 3)",
                refused(400, "orgUnit,indicator,date,note\nGL,rate,2026-04-15,ok\nGL,rate,2026-04-15,\"open\n\n")
                        .detail());
        assertTrue(refused(400, "orgUnit,indicator,date,note\nGL,rate,2026-04-15,\"a\"b\n").detail()
                .endsWith("(line 2)"));
    }

    @Test
    void refusesARowWithMoreValuesThanTheHeaderButNotEmptyTrailingCells() {
        assertEquals("line 3 has 5 fields, the header 4: a comma inside a value needs the value in double quotes",
                refused(400, "orgUnit,indicator,date,note\nGL,rate,2026-04-15,ok\nGL,rate,2026-04-15,a,b\n").detail());
        assertEquals(1, parse("orgUnit,indicator,date,note\nGL,rate,2026-04-15,ok,,\n").size());
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        byte[] gbk = { 'o', 'r', 'g', 'U', 'n', 'i', 't', '\n', (byte) 0xB8, (byte) 0xA3 };
        assertTrue(assertThrows(ProblemException.class, () -> ReportCsv.parse(gbk)).getMessage()
                .startsWith("the CSV is not UTF-8"));
    }

    private static ArrayNode parse(String csv) {
        return ReportCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem refused(int status, String csv) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(csv));
        assertEquals(status, e.status(), e.getMessage());
        return e.toProblem();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
