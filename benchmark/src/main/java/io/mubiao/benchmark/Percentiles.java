package io.mubiao.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Nearest-rank percentiles of latencies in nanoseconds, shown in milliseconds: the smallest sample at or above the
 * given share of the samples, so p50 of an even count is the lower middle and p100 the maximum, and every figure
 * is one that was measured.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** @return the percentile in milliseconds, or -1 without samples */
    static double millis(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
