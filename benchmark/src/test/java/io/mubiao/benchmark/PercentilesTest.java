package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRankSoEveryFigureWasMeasured() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            nanos.add(ms * 1_000_000);
        }
        Collections.shuffle(nanos);
        assertEquals(50.0, Percentiles.millis(nanos, 50));
        assertEquals(99.0, Percentiles.millis(nanos, 99));
        assertEquals(100.0, Percentiles.millis(nanos, 100));
    }

    @Test
    void ofFewSamplesP99IsTheMaximum() {
        List<Long> nanos = List.of(3_000_000L, 1_000_000L, 2_000_000L);
        assertEquals(2.0, Percentiles.millis(nanos, 50));
        assertEquals(3.0, Percentiles.millis(nanos, 99));
        assertEquals(1.0, Percentiles.millis(nanos, 0));
    }

    @Test
    void withoutSamplesSaysSo() {
        assertEquals(-1, Percentiles.millis(List.of(), 50));
    }
}
