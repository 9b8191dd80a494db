package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;

class AttainmentTest {

    @Test
    void higherIsBetterIsValueOverExpected() {
        assertEquals(d("82.40"), Attainment.of(Direction.HIGHER_IS_BETTER, d("41.2"), d("50")));
        assertEquals(d("110.20"), Attainment.of(Direction.HIGHER_IS_BETTER, d("55.1"), d("50")));
        assertEquals(d("33.33"), Attainment.of(Direction.HIGHER_IS_BETTER, d("1"), d("3")));
        assertEquals(d("0.00"), Attainment.of(Direction.HIGHER_IS_BETTER, d("0"), d("3")));
    }

    @Test
    void lowerIsBetterMirrorsTheShortfall() {
        assertEquals(d("90.00"), Attainment.of(Direction.LOWER_IS_BETTER, d("5.5"), d("5")));
        assertEquals(d("120.00"), Attainment.of(Direction.LOWER_IS_BETTER, d("4"), d("5")));
        assertEquals(d("200.00"), Attainment.of(Direction.LOWER_IS_BETTER, d("0"), d("5")));
    }

    @Test
    void aNegativeExpectedValueMeasuresAgainstItsSize() {
        // A growth target of −5% reached at −3%: 2 points ahead of 5.
        assertEquals(d("140.00"), Attainment.of(Direction.HIGHER_IS_BETTER, d("-3"), d("-5")));
    }

    @Test
    void noValueOrNothingExpectedHasNoAttainment() {
        assertNull(Attainment.of(Direction.HIGHER_IS_BETTER, null, d("50")));
        assertNull(Attainment.of(Direction.HIGHER_IS_BETTER, d("1"), null));
        assertNull(Attainment.of(Direction.HIGHER_IS_BETTER, d("1"), d("0.00")));
    }
}
