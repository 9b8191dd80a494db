package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.higher;
import static io.mubiao.report.calc.UnitFigures.lower;
import static io.mubiao.report.calc.UnitFigures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BelowAverageTest {

    private static List<String> codes(List<BelowAverage.Entry> entries) {
        return entries.stream().map(BelowAverage.Entry::orgUnit).toList();
    }

    @Test
    void listsTheUnitsUnderTheParentsValueWorstFirst() {
        List<BelowAverage.Entry> entries = BelowAverage.of(higher("41.20",
                unit("A", "55.10"), unit("B", "38.90"), unit("C", "30.00"), unit("D", "41.20")));
        assertEquals(List.of("C", "B"), codes(entries));
        assertEquals(d("11.20"), entries.get(0).gapToAverage());
        assertEquals(d("2.30"), entries.get(1).gapToAverage());
        assertEquals(d("41.20"), entries.get(0).parentValue());
        assertEquals(d("30.00"), entries.get(0).value());
        assertEquals("name of C", entries.get(0).name());
    }

    @Test
    void aUnitEqualToTheAverageIsNotBelowIt() {
        assertEquals(List.of(), BelowAverage.of(higher("41.20", unit("A", "41.2"), unit("B", "41.20"))));
    }

    @Test
    void lowerIsBetterListsTheUnitsAboveTheParent() {
        List<BelowAverage.Entry> entries = BelowAverage.of(lower("5.00",
                unit("A", "4.00"), unit("B", "7.50"), unit("C", "5.01")));
        assertEquals(List.of("B", "C"), codes(entries));
        assertEquals(d("2.50"), entries.get(0).gapToAverage());
        assertEquals(d("0.01"), entries.get(1).gapToAverage());
    }

    @Test
    void tiedGapsAreOrderedByCode() {
        assertEquals(List.of("A", "B", "C"), codes(BelowAverage.of(higher("50",
                unit("C", "40"), unit("B", "40"), unit("A", "40.00")))));
    }

    @Test
    void unitsWithoutDataAreLeftOut() {
        assertEquals(List.of("B"), codes(BelowAverage.of(higher("50", unit("A", null), unit("B", "10")))));
    }

    @Test
    void noParentValueNoList() {
        assertEquals(List.of(), BelowAverage.of(higher(null, unit("A", "10"))));
    }

    @Test
    void emptyInputEmptyList() {
        assertEquals(List.of(), BelowAverage.of(higher("50")));
    }
}
