package io.mubiao.report.calc;

import java.math.BigDecimal;

import io.mubiao.events.Direction;

/**
 * How much of the expected value a unit has reached, in percent: {@code 100 × (1 − shortfall / |expected|)},
 * with the shortfall as in {@link Gaps}. For HIGHER_IS_BETTER that is plainly value / expected; for
 * LOWER_IS_BETTER it mirrors it (10% over the expected value is 90% attainment), which keeps the measure
 * linear and defined at a value of zero. It puts indicators of different units and scales on one footing.
 */
public final class Attainment {

    /** Attainment is shown with two decimals, whatever the indicator's. */
    public static final int DECIMALS = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Percent of the expected value reached; null without a value, or when nothing (zero) is expected yet. */
    public static BigDecimal of(Direction direction, BigDecimal value, BigDecimal expected) {
        if (value == null || expected == null || expected.signum() == 0) {
            return null;
        }
        BigDecimal shortfall = direction == Direction.LOWER_IS_BETTER ? value.subtract(expected)
                : expected.subtract(value);
        BigDecimal share = shortfall.divide(expected.abs(), Precision.DIVISION);
        return Precision.round(HUNDRED.multiply(BigDecimal.ONE.subtract(share)), DECIMALS);
    }

    private Attainment() {
    }
}
