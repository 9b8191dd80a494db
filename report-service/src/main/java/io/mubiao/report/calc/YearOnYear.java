package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.mubiao.events.Measure;

/**
 * Change against the same date last year: percentage points for RATIO and SNAPSHOT (rates are compared by
 * difference), growth in percent for CUMULATIVE (totals are compared by ratio).
 */
public final class YearOnYear {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The same date a year earlier; 29 February compares with 28 February. */
    public static LocalDate sameDateLastYear(LocalDate date) {
        return date.minusYears(1);
    }

    /**
     * The change from {@code lastYear} to {@code now}, rounded to {@code decimals}; null when last year has
     * no data, or for a growth from zero, which has no percentage.
     */
    public static BigDecimal change(Measure measure, BigDecimal now, BigDecimal lastYear, int decimals) {
        if (now == null || lastYear == null) {
            return null;
        }
        if (measure != Measure.CUMULATIVE) {
            return Precision.round(now.subtract(lastYear), decimals);
        }
        if (lastYear.signum() == 0) {
            return null;
        }
        return Precision.round(now.subtract(lastYear).multiply(HUNDRED).divide(lastYear.abs(), Precision.DIVISION),
                decimals);
    }

    private YearOnYear() {
    }
}
