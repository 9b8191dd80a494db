package io.mubiao.targets.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.problem.ProblemException;

/** The CSV reader on its own: what a spreadsheet writes becomes rows numbered from 0 after the header. */
class OrgUnitCsvTest {

    private static OrgUnitCsv.Parsed parse(String csv) {
        return OrgUnitCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dropsTheByteOrderMarkAndReadsCrlfAndQuotedFields() {
        OrgUnitCsv.Parsed parsed = parse("\uFEFFcode,name,parent,kind\r\nA,\"x, \"\"y\"\"\",,\r\nB,\"two\r\nlines\",A,zone\r\n");
        assertEquals(List.of(new OrgUnitImportRow("A", "x, \"y\"", "", ""),
                new OrgUnitImportRow("B", "two\r\nlines", "A", "zone")), parsed.rows());
        assertTrue(parsed.errors().isEmpty());
    }

    @Test
    void readsColumnsByHeaderNameInAnyOrderAndCaseWithKindOptional() {
        OrgUnitCsv.Parsed parsed = parse("Parent, NAME ,Code\nA,b,C\n");
        assertEquals(List.of(new OrgUnitImportRow("C", "b", "A", null)), parsed.rows());
    }

    @Test
    void ignoresBlankLinesAtTheEndButNotInTheMiddle() {
        OrgUnitCsv.Parsed parsed = parse("code,name,parent\nA,a,\n\n,,\nB,b,A\n\n,,\n \n");
        assertEquals(4, parsed.rows().size());
        assertNull(parsed.rows().get(1));
        assertNull(parsed.rows().get(2));
        assertEquals("the row is empty", parsed.errors().get(1).message());
        assertEquals(1, parsed.errors().get(1).index());
        assertEquals("B", parsed.rows().get(3).code());
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRejectedByIndex() {
        OrgUnitCsv.Parsed parsed = parse("code,name,parent\nA,a,\nB,b,c,A\n");
        assertNull(parsed.rows().get(1));
        assertTrue(parsed.errors().get(1).message().startsWith("the row has 4 fields, the header 3"));
    }

    @Test
    void aShortRowLeavesTheMissingFieldsEmpty() {
        OrgUnitCsv.Parsed parsed = parse("code,name,parent,kind\nA,a\n");
        assertEquals(new OrgUnitImportRow("A", "a", null, null), parsed.rows().get(0));
    }

    @Test
    void missingUnknownOrRepeatedHeaderColumnsAre400() {
        for (String csv : List.of("", "\n\n", "A,a,\n", "code,name\nA,a\n", "code,name,parent,colour\n",
                "code,name,parent,code\n", "code;name;parent\n")) {
            ProblemException e = assertThrows(ProblemException.class, () -> parse(csv), csv);
            assertEquals(400, e.status(), csv);
            assertEquals("header", e.toProblem().errors().get(0).field(), csv);
        }
    }

    @Test
    void unclosedQuoteAndBytesThatAreNotUtf8Are400() {
        assertEquals(400, assertThrows(ProblemException.class, () -> parse("code,name,parent\nA,\"open,\n")).status());
        byte[] latin1 = "code,name,parent\nA,Zürich,\n".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException e = assertThrows(ProblemException.class, () -> OrgUnitCsv.parse(latin1));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not UTF-8"));
    }
}
