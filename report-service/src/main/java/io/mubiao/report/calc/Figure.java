package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a unit reports for an indicator, or what its children roll up to. {@code numerator} and
 * {@code denominator} are set for RATIO indicators only, where {@code value} = 100 × numerator / denominator.
 * A ratio's value is worked out when first asked for: a national roll-up adds the parts of thousands of
 * counties whose own rates nobody reads.
 */
public final class Figure {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal numerator;
    private final BigDecimal denominator;
    private volatile BigDecimal value;

    public Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        this.value = value;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Figure of(BigDecimal value) {
        return new Figure(value, null, null);
    }

    /** A RATIO figure; null when the denominator is missing or zero, since there is no rate to show. */
    public static Figure ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return new Figure(null, numerator, denominator);
    }

    public BigDecimal value() {
        BigDecimal known = value;
        if (known == null && numerator != null && denominator != null && denominator.signum() != 0) {
            known = HUNDRED.multiply(numerator).divide(denominator, Precision.DIVISION);
            value = known;
        }
        return known;
    }

    public BigDecimal numerator() {
        return numerator;
    }

    public BigDecimal denominator() {
        return denominator;
    }

    /** Whether the figure can enter a ratio of sums. */
    boolean hasParts() {
        return numerator != null && denominator != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Figure figure && Objects.equals(value(), figure.value())
                && Objects.equals(numerator, figure.numerator) && Objects.equals(denominator, figure.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value(), numerator, denominator);
    }

    @Override
    public String toString() {
        return "Figure[value=" + value() + ", numerator=" + numerator + ", denominator=" + denominator + "]";
    }
}
