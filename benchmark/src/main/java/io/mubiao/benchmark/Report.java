package io.mubiao.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One report as a client sends it: a RATIO carries numerator and denominator, a CUMULATIVE its value (API.md).
 * {@link #storedValue()} is the value progress-service stores, so the COPY floor writes the same row.
 */
record Report(String eventId, String orgUnit, String indicator, LocalDate date, BigDecimal value, Long numerator,
        Long denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    boolean isRatio() {
        return numerator != null;
    }

    /** As progress.report holds it: 100 × numerator / denominator for a RATIO, at numeric(20,6)'s scale. */
    BigDecimal storedValue() {
        if (isRatio()) {
            return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 6,
                    RoundingMode.HALF_UP);
        }
        return value.setScale(6, RoundingMode.UNNECESSARY);
    }
}
