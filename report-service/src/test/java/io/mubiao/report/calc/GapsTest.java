package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;

class GapsTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void higherIsBetterGapIsTargetMinusValue() {
        assertEquals(d("8.80"), Gaps.shortfall(Direction.HIGHER_IS_BETTER, d("50"), d("41.2"), 2));
        assertEquals(d("-5.10"), Gaps.shortfall(Direction.HIGHER_IS_BETTER, d("50"), d("55.1"), 2));
    }

    @Test
    void lowerIsBetterGapIsValueMinusTarget() {
        assertEquals(d("-8.80"), Gaps.shortfall(Direction.LOWER_IS_BETTER, d("50"), d("41.2"), 2));
        assertEquals(d("5.10"), Gaps.shortfall(Direction.LOWER_IS_BETTER, d("50"), d("55.1"), 2));
    }

    @Test
    void gapsRoundHalfUpToTheIndicatorsDecimals() {
        assertEquals(d("0.13"), Gaps.shortfall(Direction.HIGHER_IS_BETTER, d("1.125"), d("1"), 2));
        assertEquals(d("-0.13"), Gaps.shortfall(Direction.HIGHER_IS_BETTER, d("1"), d("1.125"), 2));
        assertEquals(d("3"), Gaps.shortfall(Direction.HIGHER_IS_BETTER, d("10"), d("7.5"), 0));
    }

    @Test
    void aMissingSideGivesNoGap() {
        assertNull(Gaps.shortfall(Direction.HIGHER_IS_BETTER, null, d("1"), 2));
        assertNull(Gaps.shortfall(Direction.HIGHER_IS_BETTER, d("1"), null, 2));
    }

    @Test
    void worseFollowsTheDirection() {
        assertTrue(Gaps.isWorse(Direction.HIGHER_IS_BETTER, d("10"), d("30")));
        assertFalse(Gaps.isWorse(Direction.HIGHER_IS_BETTER, d("30"), d("30")));
        assertFalse(Gaps.isWorse(Direction.HIGHER_IS_BETTER, d("50"), d("30")));
        assertTrue(Gaps.isWorse(Direction.LOWER_IS_BETTER, d("50"), d("30")));
        assertFalse(Gaps.isWorse(Direction.LOWER_IS_BETTER, d("10"), d("30")));
        assertNull(Gaps.isWorse(Direction.LOWER_IS_BETTER, null, d("30")));
        assertNull(Gaps.isWorse(Direction.LOWER_IS_BETTER, d("1"), null));
    }
}
