package io.mubiao.progress.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.problem.Problem.FieldError;
import io.mubiao.problem.ProblemException;

class ReportReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsOneReportObjectAsABatchOfOne() throws Exception {
        assertEquals(1, ReportReader.items(JSON.readTree("{\"orgUnit\": \"GL\"}"), 10).size());
    }

    @Test
    void readsAnArrayOfReports() throws Exception {
        assertEquals(3, ReportReader.items(JSON.readTree("[{}, {}, {}]"), 10).size());
    }

    @Test
    void refusesEmptyArrayAs422() throws Exception {
        JsonNode empty = JSON.readTree("[]");
        assertEquals(422, assertThrows(ProblemException.class, () -> ReportReader.items(empty, 10)).status());
    }

    @Test
    void refusesMoreItemsThanAllowedAs413() throws Exception {
        JsonNode three = JSON.readTree("[{}, {}, {}]");
        assertEquals(413, assertThrows(ProblemException.class, () -> ReportReader.items(three, 2)).status());
    }

    @Test
    void refusesAScalarOrMissingBodyAs400() throws Exception {
        JsonNode number = JSON.readTree("42");
        assertEquals(400, assertThrows(ProblemException.class, () -> ReportReader.items(number, 10)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> ReportReader.items(null, 10)).status());
    }

    @Test
    void namesTheStringGivenForANumberSoACsvCellIsRecognisable() throws Exception {
        ReportReader.Parsed parsed = ReportReader.read(3, JSON.readTree("""
                {"eventId": "e-3", "value": "abc", "numerator": true, "denominator": "1,5"}"""));
        assertEquals(List.of("value must be a number, not the string 'abc'", "numerator must be a number, not a boolean",
                "denominator must be a number, not the string '1,5'"),
                parsed.errors().stream().map(FieldError::message).toList());
        assertEquals(List.of(3, 3, 3), parsed.errors().stream().map(FieldError::index).toList());
        assertEquals(List.of("e-3", "e-3", "e-3"), parsed.errors().stream().map(FieldError::eventId).toList());
    }

    @Test
    void quotesAtMostTheStartOfALongString() throws Exception {
        ReportReader.Parsed parsed = ReportReader.read(0, JSON.readTree("{\"value\": \"" + "9".repeat(100) + "x\"}"));
        assertEquals("value must be a number, not the string '" + "9".repeat(40) + "…'",
                parsed.errors().get(0).message());
    }

    @Test
    void refusesTheNulCharacterThatPostgresTextCannotHoldInEveryTextField() throws Exception {
        ReportReader.Parsed parsed = ReportReader.read(0, JSON.readTree("""
                {"eventId": "e\\u0000", "orgUnit": "G\\u0000L", "indicator": "rate", "note": "a\\u0000b"}"""));
        assertEquals(List.of("eventId must not contain the character U+0000",
                "orgUnit must not contain the character U+0000", "note must not contain the character U+0000"),
                parsed.errors().stream().map(FieldError::message).toList());
        assertEquals(null, parsed.request().orgUnit());
    }
}
