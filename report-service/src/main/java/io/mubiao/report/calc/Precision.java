package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How report figures are computed and shown: exact decimal arithmetic, rounded half-up at the end. */
public final class Precision {

    /** For divisions, whose quotients need not terminate; far beyond any shown digit. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    /** {@code value} rounded half-up to {@code decimals} places; null stays null. */
    public static BigDecimal round(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP);
    }

    private Precision() {
    }
}
