package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;

class YearOnYearTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void ratioChangeIsInPercentagePoints() {
        assertEquals(d("6.50"), YearOnYear.change(Measure.RATIO, d("41.20"), d("34.70"), 2));
        assertEquals(d("-2.10"), YearOnYear.change(Measure.RATIO, d("36.80"), d("38.90"), 2));
    }

    @Test
    void snapshotChangeIsInPoints() {
        assertEquals(d("1.5"), YearOnYear.change(Measure.SNAPSHOT, d("8.0"), d("6.5"), 1));
    }

    @Test
    void cumulativeChangeIsGrowthInPercent() {
        assertEquals(d("20.00"), YearOnYear.change(Measure.CUMULATIVE, d("120"), d("100"), 2));
        assertEquals(d("-25.00"), YearOnYear.change(Measure.CUMULATIVE, d("30"), d("40"), 2));
        assertEquals(d("33.33"), YearOnYear.change(Measure.CUMULATIVE, d("4"), d("3"), 2));
    }

    @Test
    void growthFromZeroHasNoPercentage() {
        assertNull(YearOnYear.change(Measure.CUMULATIVE, d("5"), d("0"), 2));
        assertEquals(d("5.00"), YearOnYear.change(Measure.RATIO, d("5"), d("0"), 2));
    }

    @Test
    void noDataLastYearOrNowGivesNoChange() {
        assertNull(YearOnYear.change(Measure.RATIO, d("5"), null, 2));
        assertNull(YearOnYear.change(Measure.CUMULATIVE, null, d("5"), 2));
    }

    @Test
    void sameDateLastYear() {
        assertEquals(LocalDate.of(2025, 4, 15), YearOnYear.sameDateLastYear(LocalDate.of(2026, 4, 15)));
        assertEquals(LocalDate.of(2025, 1, 1), YearOnYear.sameDateLastYear(LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2024, 12, 31), YearOnYear.sameDateLastYear(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void twentyNinthFebruaryComparesWithTwentyEighth() {
        assertEquals(LocalDate.of(2027, 2, 28), YearOnYear.sameDateLastYear(LocalDate.of(2028, 2, 29)));
        assertEquals(LocalDate.of(2028, 2, 28), YearOnYear.sameDateLastYear(LocalDate.of(2029, 2, 28)));
    }
}
