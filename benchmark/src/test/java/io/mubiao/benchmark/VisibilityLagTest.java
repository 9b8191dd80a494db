package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class VisibilityLagTest {

    private static final String RANKING = """
            {"indicator":"bench.cumulative.002","parent":"C1","date":"2026-11-30","parentValue":12345.67,
             "entries":[{"rank":1,"orgUnit":"K2","value":99999.99},
                        {"rank":2,"orgUnit":"K1","value":55.10,"status":"NO_TARGET"},
                        {"rank":3,"orgUnit":"K4","value":7},
                        {"rank":null,"orgUnit":"K3","value":null}]}""";

    private final JsonNode ranking;

    VisibilityLagTest() throws Exception {
        ranking = new ObjectMapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(RANKING);
    }

    @Test
    void readsTheUnitsValueExactly() {
        assertEquals(0, new BigDecimal("55.1").compareTo(VisibilityLag.shownValue(ranking, "K1").orElseThrow()));
        assertEquals(new BigDecimal("99999.99"), VisibilityLag.shownValue(ranking, "K2").orElseThrow());
        assertEquals(0, new BigDecimal("7.00").compareTo(VisibilityLag.shownValue(ranking, "K4").orElseThrow()));
    }

    @Test
    void aUnitWithoutDataOrWithoutAnEntryShowsNothing() {
        assertEquals(Optional.empty(), VisibilityLag.shownValue(ranking, "K3"));
        assertEquals(Optional.empty(), VisibilityLag.shownValue(ranking, "K9"));
    }

    @Test
    void rendersPercentilesOfTheVisibleSamplesAndCountsTheTimedOut() {
        String table = VisibilityLag.render(new VisibilityLag.Result(4,
                List.of(100_000_000L, 300_000_000L, 200_000_000L), 1, null));
        assertTrue(table.contains("| 4 | 3 | 1 | 200.0 | 300.0 | 300.0 | p99 < 1,000 ms |"), table);
        assertTrue(table.contains("a timed-out sample counts as failed"), table);
    }

    @Test
    void aSkippedStepSaysWhy() {
        String table = VisibilityLag.render(VisibilityLag.Result.skipped("skipped: no CUMULATIVE indicator"));
        assertTrue(table.contains("| – | – | – | – | – | – |"), table);
        assertTrue(table.contains("- skipped: no CUMULATIVE indicator"), table);
    }
}
