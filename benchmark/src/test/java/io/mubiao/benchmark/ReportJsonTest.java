package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void readsBackWhatItWrites() {
        Report ratio = new Report("e1", "U", "bench.ratio.001", LocalDate.of(2026, 1, 2), null, 1L, 3L);
        Report cumulative = new Report("e2", "U", "bench.cumulative.002", LocalDate.of(2026, 1, 2),
                new BigDecimal("12.50"), null, null);
        assertEquals(ratio, ReportJson.read(ReportJson.one(ratio)));
        assertEquals(cumulative, ReportJson.read(ReportJson.one(cumulative)));
    }

    @Test
    void keepsDecimalsExactAndSkipsWhatItDoesNotKnow() {
        byte[] json = """
                {"eventId":"e","orgUnit":"U","note":{"a":[1,2]},"indicator":"i","date":"2026-03-01",
                 "value":0.10,"numerator":null}""".getBytes(StandardCharsets.UTF_8);
        Report report = ReportJson.read(json);
        assertEquals(new BigDecimal("0.10"), report.value());
        assertEquals(null, report.numerator());
        assertEquals("i", report.indicator());
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThrows(Failure.class, () -> ReportJson.read("[1]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(Failure.class, () -> ReportJson.read("{\"date\":\"tomorrow\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
