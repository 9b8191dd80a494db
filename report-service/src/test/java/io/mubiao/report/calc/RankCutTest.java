package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.higher;
import static io.mubiao.report.calc.UnitFigures.lower;
import static io.mubiao.report.calc.UnitFigures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankCutTest {

    private static List<String> codes(List<RankCut.Entry> entries) {
        return entries.stream().map(RankCut.Entry::orgUnit).toList();
    }

    private static final IndicatorFigures FIVE = higher("50",
            unit("A", "55.10"), unit("B", "38.90"), unit("C", "45.00"), unit("D", "20.00"), unit("E", "61.00"));

    @Test
    void topListsTheBestFirstWithTheirRank() {
        List<RankCut.Entry> top = RankCut.top(FIVE, 3);
        assertEquals(List.of("E", "A", "C"), codes(top));
        assertEquals(List.of(1, 2, 3), top.stream().map(RankCut.Entry::rank).toList());
        assertEquals(d("61.00"), top.get(0).value());
        assertEquals("name of E", top.get(0).name());
    }

    @Test
    void bottomListsTheWorstFirstWithTheirRankInTheFullRanking() {
        List<RankCut.Entry> bottom = RankCut.bottom(FIVE, 3);
        assertEquals(List.of("D", "B", "C"), codes(bottom));
        assertEquals(List.of(5, 4, 3), bottom.stream().map(RankCut.Entry::rank).toList());
    }

    @Test
    void threePlacesUnlessToldOtherwise() {
        assertEquals(codes(RankCut.top(FIVE, 3)), codes(RankCut.top(FIVE)));
        assertEquals(codes(RankCut.bottom(FIVE, 3)), codes(RankCut.bottom(FIVE)));
    }

    @Test
    void aTieAtTheCutTakesInEveryTiedUnit() {
        IndicatorFigures figures = higher(null, unit("A", "90"), unit("B", "80"), unit("C", "70"), unit("D", "70"),
                unit("E", "60"));
        assertEquals(List.of("A", "B", "C", "D"), codes(RankCut.top(figures, 3)));
        assertEquals(List.of("E", "C", "D"), codes(RankCut.bottom(figures, 2)));
    }

    @Test
    void aTieAboveTheCutDoesNotStretchIt() {
        // Ranks 1, 1, 3, 4: the top 3 are three units.
        IndicatorFigures figures = higher(null, unit("A", "90"), unit("B", "90"), unit("C", "80"), unit("D", "70"));
        assertEquals(List.of("A", "B", "C"), codes(RankCut.top(figures, 3)));
        assertEquals(List.of(1, 1, 3), RankCut.top(figures, 3).stream().map(RankCut.Entry::rank).toList());
        // Ranks from the bottom 1, 2, 3, 3: bottom 3 takes in both 90s.
        assertEquals(List.of("D", "C", "A", "B"), codes(RankCut.bottom(figures, 3)));
    }

    @Test
    void allEqualAreAllTopAndAllBottom() {
        IndicatorFigures figures = higher(null, unit("B", "5"), unit("A", "5.0"), unit("C", "5.00"), unit("D", "5"));
        assertEquals(List.of("A", "B", "C", "D"), codes(RankCut.top(figures, 1)));
        assertEquals(List.of("A", "B", "C", "D"), codes(RankCut.bottom(figures, 1)));
    }

    @Test
    void lowerIsBetterPutsTheSmallestOnTop() {
        IndicatorFigures figures = lower(null, unit("A", "3.5"), unit("B", "1.2"), unit("C", "9.9"), unit("D", "4"));
        assertEquals(List.of("B", "A"), codes(RankCut.top(figures, 2)));
        assertEquals(List.of("C", "D"), codes(RankCut.bottom(figures, 2)));
        assertEquals(List.of(4, 3), RankCut.bottom(figures, 2).stream().map(RankCut.Entry::rank).toList());
    }

    @Test
    void unitsWithoutDataAreNeitherTopNorBottom() {
        IndicatorFigures figures = higher(null, unit("A", null), unit("B", "10"), unit("C", "20"), unit("D", null));
        assertEquals(List.of("B", "C"), codes(RankCut.bottom(figures, 3)));
        assertEquals(List.of("C", "B"), codes(RankCut.top(figures, 3)));
    }

    @Test
    void fewerUnitsThanPlacesListsThemAll() {
        assertEquals(List.of("A"), codes(RankCut.bottom(higher(null, unit("A", "1")), 3)));
    }

    @Test
    void emptyInputAndNoPlacesGiveEmptyLists() {
        assertEquals(List.of(), RankCut.top(higher(null), 3));
        assertEquals(List.of(), RankCut.bottom(higher(null, unit("A", null)), 3));
        assertEquals(List.of(), RankCut.top(FIVE, 0));
    }

    @Test
    void negativePlacesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankCut.bottom(FIVE, -1));
    }
}
