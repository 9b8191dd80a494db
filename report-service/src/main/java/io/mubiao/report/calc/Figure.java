package io.mubiao.report.calc;

import java.math.BigDecimal;

/**
 * What a unit reports for an indicator, or what its children roll up to. {@code numerator} and
 * {@code denominator} are set for RATIO indicators only, where {@code value} = 100 × numerator / denominator.
 */
public record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Figure of(BigDecimal value) {
        return new Figure(value, null, null);
    }

    /** A RATIO figure; null when the denominator is missing or zero, since there is no rate to show. */
    public static Figure ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return new Figure(HUNDRED.multiply(numerator).divide(denominator, Precision.DIVISION), numerator, denominator);
    }

    /** Whether the figure can enter a ratio of sums. */
    boolean hasParts() {
        return numerator != null && denominator != null;
    }
}
