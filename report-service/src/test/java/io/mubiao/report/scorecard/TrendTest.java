package io.mubiao.report.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;

class TrendTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aRisingValueImprovesWhenHigherIsBetterAndWorsensWhenLowerIsBetter() {
        assertEquals(Trend.IMPROVING, Trend.of(Direction.HIGHER_IS_BETTER, d("50.00"), d("40.00")));
        assertEquals(Trend.WORSENING, Trend.of(Direction.LOWER_IS_BETTER, d("50.00"), d("40.00")));
    }

    @Test
    void aFallingValueWorsensWhenHigherIsBetterAndImprovesWhenLowerIsBetter() {
        assertEquals(Trend.WORSENING, Trend.of(Direction.HIGHER_IS_BETTER, d("39.99"), d("40.00")));
        assertEquals(Trend.IMPROVING, Trend.of(Direction.LOWER_IS_BETTER, d("39.99"), d("40.00")));
    }

    @Test
    void equalValuesAreSteadyWhateverTheirScale() {
        assertEquals(Trend.STEADY, Trend.of(Direction.HIGHER_IS_BETTER, d("40.0"), d("40.00")));
        assertEquals(Trend.STEADY, Trend.of(Direction.LOWER_IS_BETTER, d("0"), d("0.00")));
    }

    @Test
    void aMissingValueHasNoTrend() {
        assertNull(Trend.of(Direction.HIGHER_IS_BETTER, null, d("1")));
        assertNull(Trend.of(Direction.HIGHER_IS_BETTER, d("1"), null));
        assertNull(Trend.of(Direction.LOWER_IS_BETTER, null, null));
    }
}
