package io.mubiao.benchmark;

import java.util.List;

/**
 * What one step measured: rows over wall-clock time (first send to last acknowledgement), and each batch's
 * latency where the step has batches. A step that did not run to the end says so instead of a figure.
 */
record Measurement(String step, String method, long rows, long nanos, List<Long> batchNanos, Status status, String note) {

    enum Status { MEASURED, TIMED_OUT, SKIPPED }

    static Measurement measured(String step, String method, long rows, long nanos, List<Long> batchNanos) {
        return new Measurement(step, method, rows, nanos, List.copyOf(batchNanos), Status.MEASURED, null);
    }

    static Measurement notMeasured(String step, String method, Status status, String note) {
        return new Measurement(step, method, 0, 0, List.of(), status, note);
    }

    Measurement withNote(String text) {
        return new Measurement(step, method, rows, nanos, batchNanos, status, text);
    }

    boolean hasRate() {
        return status == Status.MEASURED && nanos > 0;
    }

    double seconds() {
        return nanos / 1e9;
    }

    double rowsPerSecond() {
        return rows / seconds();
    }

    /** The median batch latency in milliseconds (the lower middle of an even count), or -1 without batches. */
    double p50Millis() {
        return Percentiles.millis(batchNanos, 50);
    }

    double maxMillis() {
        return Percentiles.millis(batchNanos, 100);
    }
}
