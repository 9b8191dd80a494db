package io.mubiao.report.calc;

import java.math.BigDecimal;

import io.mubiao.events.Direction;

/** "How far short": positive means behind, negative ahead, whichever way the indicator points. */
public final class Gaps {

    /**
     * {@code target − actual} for HIGHER_IS_BETTER, {@code actual − target} for LOWER_IS_BETTER, rounded to
     * {@code decimals}; null when either is missing.
     */
    public static BigDecimal shortfall(Direction direction, BigDecimal target, BigDecimal actual, int decimals) {
        if (target == null || actual == null) {
            return null;
        }
        BigDecimal gap = direction == Direction.LOWER_IS_BETTER ? actual.subtract(target) : target.subtract(actual);
        return Precision.round(gap, decimals);
    }

    /** Whether {@code actual} is strictly worse than {@code reference}; null when either is missing. */
    public static Boolean isWorse(Direction direction, BigDecimal actual, BigDecimal reference) {
        if (actual == null || reference == null) {
            return null;
        }
        int comparison = actual.compareTo(reference);
        return direction == Direction.LOWER_IS_BETTER ? comparison > 0 : comparison < 0;
    }

    private Gaps() {
    }
}
