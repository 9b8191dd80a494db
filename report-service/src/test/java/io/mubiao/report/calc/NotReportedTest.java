package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.day;
import static io.mubiao.report.calc.UnitFigures.higher;
import static io.mubiao.report.calc.UnitFigures.silent;
import static io.mubiao.report.calc.UnitFigures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

class NotReportedTest {

    private static List<String> codes(List<NotReported.Entry> entries) {
        return entries.stream().map(NotReported.Entry::orgUnit).toList();
    }

    @Test
    void listsTheSilentUnitsWithTheirStaleValue() {
        List<NotReported.Entry> entries = NotReported.of(higher(null,
                unit("A", "41.20"), silent(unit("B", "30.00"), "2026-04-10")));
        assertEquals(List.of("B"), codes(entries));
        assertEquals(d("30.00"), entries.get(0).value());
        assertEquals(day("2026-04-10"), entries.get(0).lastReportDate());
        assertEquals(5L, entries.get(0).daysSinceReport());
    }

    @Test
    void neverReportedFirstThenTheLongestSilentThenByCode() {
        List<NotReported.Entry> entries = NotReported.of(higher(null,
                silent(unit("A", "1"), "2026-04-12"), silent(unit("B", null), null), silent(unit("C", "2"), "2026-03-01"),
                silent(unit("D", "3"), "2026-04-12"), silent(unit("E", null), null)));
        assertEquals(List.of("B", "E", "C", "A", "D"), codes(entries));
        assertNull(entries.get(0).daysSinceReport());
        assertNull(entries.get(0).lastReportDate());
        assertEquals(45L, entries.get(2).daysSinceReport());
    }

    @Test
    void daysSinceCountTheLeapDay() {
        List<NotReported.Entry> entries = NotReported.of(UnitFigures.figures(Measure.RATIO, Direction.HIGHER_IS_BETTER,
                "2028-03-01", null, silent(unit("A", "1"), "2028-02-28")));
        assertEquals(2L, entries.get(0).daysSinceReport());
    }

    @Test
    void everyoneReportedNoList() {
        assertEquals(List.of(), NotReported.of(higher(null, unit("A", "1"), unit("B", null))));
    }

    @Test
    void emptyInputEmptyList() {
        assertEquals(List.of(), NotReported.of(higher(null)));
    }
}
