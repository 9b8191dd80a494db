package io.mubiao.progress.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
