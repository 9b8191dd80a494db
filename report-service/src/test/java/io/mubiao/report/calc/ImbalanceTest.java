package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.day;
import static io.mubiao.report.calc.UnitFigures.withExpected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

class ImbalanceTest {

    private static UnitFigure unit(String code, String value, String expected) {
        return withExpected(UnitFigures.unit(code, value), expected);
    }

    private static IndicatorFigures indicator(String code, Direction direction, UnitFigure... units) {
        return new IndicatorFigures(code, Measure.RATIO, direction, 2, day("2026-04-15"), null, List.of(units));
    }

    private static List<String> codes(List<Imbalance.UnitSpread> spreads) {
        return spreads.stream().map(Imbalance.UnitSpread::orgUnit).toList();
    }

    @Test
    void aUnitWhoseIndicatorsDivergeIsFlaggedWithItsWeakestAndStrongest() {
        List<Imbalance.UnitSpread> spreads = Imbalance.withinUnits(List.of(
                indicator("enterprise", Direction.HIGHER_IS_BETTER, unit("A", "41.2", "50"), unit("B", "50", "50")),
                indicator("individual", Direction.HIGHER_IS_BETTER, unit("A", "25", "50"), unit("B", "45", "50")),
                indicator("cooperative", Direction.HIGHER_IS_BETTER, unit("A", "45", "50"), unit("B", "48", "50"))),
                Imbalance.DEFAULT_THRESHOLD);
        assertEquals(List.of("A"), codes(spreads));
        Imbalance.UnitSpread a = spreads.get(0);
        assertEquals(d("40.00"), a.spread());
        assertEquals("individual", a.weakestIndicator());
        assertEquals(d("50.00"), a.weakestAttainment());
        assertEquals("cooperative", a.strongestIndicator());
        assertEquals(d("90.00"), a.strongestAttainment());
        assertEquals("name of A", a.name());
    }

    @Test
    void aSpreadAtTheThresholdIsNotFlagged() {
        List<IndicatorFigures> group = List.of(
                indicator("x", Direction.HIGHER_IS_BETTER, unit("A", "30", "50")),
                indicator("y", Direction.HIGHER_IS_BETTER, unit("A", "40", "50")));
        assertEquals(List.of(), Imbalance.withinUnits(group, BigDecimal.valueOf(20)));
        assertEquals(List.of("A"), codes(Imbalance.withinUnits(group, d("19.99"))));
    }

    @Test
    void directionsMixWithinAGroup() {
        // 80% of a rate to raise, 5.5 against 5 of a rate to lower (90%).
        List<Imbalance.UnitSpread> spreads = Imbalance.withinUnits(List.of(
                indicator("filing", Direction.HIGHER_IS_BETTER, unit("A", "40", "50")),
                indicator("anomaly", Direction.LOWER_IS_BETTER, unit("A", "5.5", "5"))), d("5"));
        assertEquals(d("10.00"), spreads.get(0).spread());
        assertEquals("filing", spreads.get(0).weakestIndicator());
        assertEquals("anomaly", spreads.get(0).strongestIndicator());
    }

    @Test
    void largestSpreadFirstThenByCodeAndTiedEndsGoToTheFirstIndicator() {
        List<Imbalance.UnitSpread> spreads = Imbalance.withinUnits(List.of(
                indicator("y", Direction.HIGHER_IS_BETTER, unit("C", "10", "50"), unit("B", "10", "50"),
                        unit("A", "10", "50")),
                indicator("x", Direction.HIGHER_IS_BETTER, unit("C", "40", "50"), unit("B", "40", "50"),
                        unit("A", "50", "50")),
                indicator("w", Direction.HIGHER_IS_BETTER, unit("A", "10", "50"))), d("10"));
        assertEquals(List.of("A", "B", "C"), codes(spreads));
        assertEquals("w", spreads.get(0).weakestIndicator());
    }

    @Test
    void indicatorsWithoutDataOrExpectationAreLeftOutAndOneIsNoSpread() {
        assertEquals(List.of(), Imbalance.withinUnits(List.of(
                indicator("x", Direction.HIGHER_IS_BETTER, unit("A", "10", "50")),
                indicator("y", Direction.HIGHER_IS_BETTER, unit("A", null, "50")),
                indicator("z", Direction.HIGHER_IS_BETTER, unit("A", "40", "0"))), d("1")));
    }

    @Test
    void emptyGroupNoList() {
        assertEquals(List.of(), Imbalance.withinUnits(List.of(), Imbalance.DEFAULT_THRESHOLD));
        assertEquals(List.of(), Imbalance.withinUnits(List.of(indicator("x", Direction.HIGHER_IS_BETTER)),
                Imbalance.DEFAULT_THRESHOLD));
    }

    @Test
    void anIndicatorWhoseUnitsDivergeNamesTheWeakestAndStrongestUnit() {
        Optional<Imbalance.IndicatorSpread> spread = Imbalance.acrossUnits(indicator("enterprise",
                Direction.HIGHER_IS_BETTER, unit("A", "41.2", "50"), unit("B", "20", "40"), unit("C", "60", "50"),
                unit("D", null, "50")), Imbalance.DEFAULT_THRESHOLD);
        assertTrue(spread.isPresent());
        assertEquals("enterprise", spread.get().indicator());
        assertEquals(d("70.00"), spread.get().spread());
        assertEquals("B", spread.get().weakestUnit());
        assertEquals("name of B", spread.get().weakestName());
        assertEquals(d("50.00"), spread.get().weakestAttainment());
        assertEquals("C", spread.get().strongestUnit());
        assertEquals(d("120.00"), spread.get().strongestAttainment());
    }

    @Test
    void acrossUnitsLowerIsBetterAndTiesGoToTheFirstCode() {
        Optional<Imbalance.IndicatorSpread> spread = Imbalance.acrossUnits(indicator("anomaly",
                Direction.LOWER_IS_BETTER, unit("B", "8", "5"), unit("A", "8", "5"), unit("C", "2", "5"),
                unit("D", "2", "5")), Imbalance.DEFAULT_THRESHOLD);
        assertEquals("A", spread.get().weakestUnit());
        assertEquals(d("40.00"), spread.get().weakestAttainment());
        assertEquals("C", spread.get().strongestUnit());
        assertEquals(d("160.00"), spread.get().strongestAttainment());
        assertEquals(d("120.00"), spread.get().spread());
    }

    @Test
    void acrossUnitsBelowTheThresholdOrWithOneUnitIsEmpty() {
        assertEquals(Optional.empty(), Imbalance.acrossUnits(indicator("x", Direction.HIGHER_IS_BETTER,
                unit("A", "45", "50"), unit("B", "50", "50")), Imbalance.DEFAULT_THRESHOLD));
        assertEquals(Optional.empty(), Imbalance.acrossUnits(indicator("x", Direction.HIGHER_IS_BETTER,
                unit("A", "5", "50"), unit("B", null, "50")), Imbalance.DEFAULT_THRESHOLD));
        assertEquals(Optional.empty(), Imbalance.acrossUnits(indicator("x", Direction.HIGHER_IS_BETTER),
                Imbalance.DEFAULT_THRESHOLD));
    }
}
