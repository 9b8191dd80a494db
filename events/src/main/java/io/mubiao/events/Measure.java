package io.mubiao.events;

/** How an indicator is reported and rolled up (API.md). */
public enum Measure {
    /** Reported as numerator and denominator; value = 100 × numerator / denominator; rolls up as a ratio of sums. */
    RATIO,
    /** A running total for the year; rolls up as a sum. */
    CUMULATIVE,
    /** A figure reported as is; never rolled up. */
    SNAPSHOT
}
