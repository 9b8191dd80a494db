package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.figures;
import static io.mubiao.report.calc.UnitFigures.higher;
import static io.mubiao.report.calc.UnitFigures.lower;
import static io.mubiao.report.calc.UnitFigures.unit;
import static io.mubiao.report.calc.UnitFigures.withPrevious;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

class MostImprovedTest {

    private static List<String> codes(List<MostImproved.Entry> entries) {
        return entries.stream().map(MostImproved.Entry::orgUnit).toList();
    }

    @Test
    void ratiosImproveByPoints() {
        List<MostImproved.Entry> entries = MostImproved.of(higher(null,
                withPrevious(unit("A", "41.20"), "34.70"), withPrevious(unit("B", "38.90"), "36.80"),
                withPrevious(unit("C", "45.00"), "35.70")), 3);
        assertEquals(List.of("C", "A", "B"), codes(entries));
        assertEquals(d("9.30"), entries.get(0).change());
        assertEquals(d("35.70"), entries.get(0).previousValue());
        assertEquals(d("45.00"), entries.get(0).value());
        assertEquals(List.of(1, 2, 3), entries.stream().map(MostImproved.Entry::rank).toList());
    }

    @Test
    void onlyRealImprovementsCount() {
        List<MostImproved.Entry> entries = MostImproved.of(higher(null,
                withPrevious(unit("A", "40"), "40"), withPrevious(unit("B", "30"), "35"),
                withPrevious(unit("C", "31"), "30")), 3);
        assertEquals(List.of("C"), codes(entries));
    }

    @Test
    void lowerIsBetterImprovesByFalling() {
        List<MostImproved.Entry> entries = MostImproved.of(lower(null,
                withPrevious(unit("A", "3.00"), "5.00"), withPrevious(unit("B", "6.00"), "4.00"),
                withPrevious(unit("C", "4.50"), "5.00")), 3);
        assertEquals(List.of("A", "C"), codes(entries));
        assertEquals(d("-2.00"), entries.get(0).change());
    }

    @Test
    void cumulativeImprovesByGrowthInPercent() {
        // A big county adds 100 of 1000 (10%), a small one 30 of 100 (30%).
        List<MostImproved.Entry> entries = MostImproved.of(figures(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER,
                "2026-04-15", null, withPrevious(unit("BIG", "1100"), "1000"),
                withPrevious(unit("SMALL", "130"), "100")), 3);
        assertEquals(List.of("SMALL", "BIG"), codes(entries));
        assertEquals(d("30.00"), entries.get(0).change());
        assertEquals(d("10.00"), entries.get(1).change());
    }

    @Test
    void cumulativeGrowthFromZeroHasNoPercentAndIsLeftOut() {
        assertEquals(List.of(), MostImproved.of(figures(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER,
                "2026-04-15", null, withPrevious(unit("A", "12"), "0")), 3));
    }

    @Test
    void aTieAtTheCutTakesInEveryTiedUnit() {
        List<MostImproved.Entry> entries = MostImproved.of(higher(null,
                withPrevious(unit("A", "10"), "5"), withPrevious(unit("C", "12"), "10"),
                withPrevious(unit("B", "22"), "20"), withPrevious(unit("D", "21"), "20")), 2);
        assertEquals(List.of("A", "B", "C"), codes(entries));
        assertEquals(List.of(1, 2, 2), entries.stream().map(MostImproved.Entry::rank).toList());
    }

    @Test
    void unitsMissingEitherValueAreLeftOut() {
        assertEquals(List.of("C"), codes(MostImproved.of(higher(null,
                withPrevious(unit("A", null), "5"), withPrevious(unit("B", "10"), null),
                withPrevious(unit("C", "10"), "9")), 3)));
    }

    @Test
    void emptyInputEmptyList() {
        assertEquals(List.of(), MostImproved.of(higher(null), 3));
    }

    @Test
    void negativePlacesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MostImproved.of(higher(null), -1));
    }
}
