package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final ResultTable.Context CONTEXT = new ResultTable.Context("2026-11-29 22:00 UTC",
            "deploy/benchmark.sh --quick", new Machine(2, "cpu", "23.5 GiB", "java 17"), "1.00 1.00 1.00",
            "2.00 1.50 1.00", "15.20", "data", "per step");

    @Test
    void givesEachRateAsAShareOfTheCopyRate() {
        List<Measurement> results = List.of(
                Measurement.measured("REST 1 client", "POST", 10_000, 2_000_000_000L,
                        List.of(900_000_000L, 1_100_000_000L)),
                Measurement.notMeasured("Kafka produce to stored", "topic", Measurement.Status.SKIPPED, null),
                Measurement.measured("PostgreSQL COPY (floor)", "COPY", 10_000, 200_000_000L, List.of(200_000_000L)));
        String table = ResultTable.render(CONTEXT, results);
        assertTrue(table.contains("| REST 1 client | POST | 10,000 | 2.00 | 5,000 | 900 | 1,100 | 0.10× |"), table);
        assertTrue(table.contains("| Kafka produce to stored | topic | – | – | skipped | – | – | – |"), table);
        assertTrue(table.contains("| PostgreSQL COPY (floor) | COPY | 10,000 | 0.20 | 50,000 | 200 | 200 | 1.00× |"), table);
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddle() {
        Measurement m = Measurement.measured("x", "y", 4, 1, List.of(4_000_000L, 1_000_000L, 3_000_000L, 2_000_000L));
        assertEquals(2.0, m.p50Millis());
        assertEquals(4.0, m.maxMillis());
    }

    @Test
    void copyRowsCarryTheValueProgressServiceWouldStore() {
        Report ratio = new Report("e1", "U", "bench.ratio.001", LocalDate.of(2026, 1, 2), null, 1L, 3L);
        Report cumulative = new Report("e2", "U", "bench.cumulative.002", LocalDate.of(2026, 1, 2),
                new BigDecimal("12.50"), null, null);
        String csv = new String(CopyFloor.csv(List.of(ratio, cumulative), "2026-11-29T22:00:00Z"), StandardCharsets.UTF_8);
        assertEquals("e1,U,bench.ratio.001,2026-01-02,1,33.333333,1,3,,benchmark,2026-11-29T22:00:00Z\n"
                + "e2,U,bench.cumulative.002,2026-01-02,1,12.500000,,,,benchmark,2026-11-29T22:00:00Z\n", csv);
    }
}
