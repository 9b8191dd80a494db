package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.day;
import static io.mubiao.report.calc.UnitFigures.figures;
import static io.mubiao.report.calc.UnitFigures.higher;
import static io.mubiao.report.calc.UnitFigures.lower;
import static io.mubiao.report.calc.UnitFigures.unit;
import static io.mubiao.report.calc.UnitFigures.withMilestone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

class ProjectionsTest {

    /** Dates and values alternating: "2026-04-08", "34.2", "2026-04-15", "41.2". */
    private static List<AsOfValue> series(String... datesAndValues) {
        List<AsOfValue> values = new ArrayList<>();
        for (int i = 0; i < datesAndValues.length; i += 2) {
            values.add(new AsOfValue(day(datesAndValues[i]), d(datesAndValues[i + 1])));
        }
        return values;
    }

    private static List<String> codes(List<Projections.Entry> entries) {
        return entries.stream().map(Projections.Entry::orgUnit).toList();
    }

    @Test
    void twoPointsGiveTheSimplePace() {
        List<Projections.Entry> entries = Projections.of(
                higher(null, withMilestone(unit("A", "41.20"), "2026-04-30", "50", "8.80")),
                Map.of("A", series("2026-04-08", "34.20", "2026-04-15", "41.20")));
        Projections.Entry entry = entries.get(0);
        assertEquals(d("1.0000"), entry.perDay());
        assertEquals(15, entry.daysLeft());
        assertEquals(d("56.20"), entry.projected());
        assertEquals(d("-6.20"), entry.projectedGap());
        assertTrue(entry.willMeet());
        assertEquals(d("0.5867"), entry.neededPerDay());
        assertEquals(day("2026-04-30"), entry.due());
        assertEquals(d("50"), entry.milestoneValue());
    }

    @Test
    void morePointsGiveTheLeastSquaresSlope() {
        assertEquals(0, d("2").compareTo(Projections.slope(
                series("2026-04-13", "10", "2026-04-14", "13", "2026-04-15", "14"), day("2026-04-15"))));
        // Uneven spacing: (−4, 0), (−2, 1), (0, 5): slope 5/4.
        assertEquals(0, d("1.25").compareTo(Projections.slope(
                series("2026-04-11", "0", "2026-04-13", "1", "2026-04-15", "5"), day("2026-04-15"))));
    }

    @Test
    void aSlowPaceMissesTheMilestone() {
        List<Projections.Entry> entries = Projections.of(
                higher(null, withMilestone(unit("A", "30.00"), "2026-04-30", "50", "20.00")),
                Map.of("A", series("2026-04-05", "25.00", "2026-04-15", "30.00")));
        assertEquals(d("37.50"), entries.get(0).projected());
        assertEquals(d("12.50"), entries.get(0).projectedGap());
        assertFalse(entries.get(0).willMeet());
    }

    @Test
    void lowerIsBetterMeetsByFallingFarEnough() {
        List<Projections.Entry> entries = Projections.of(lower(null,
                withMilestone(unit("SLOW", "8.00"), "2026-05-05", "5", "3.00"),
                withMilestone(unit("FAST", "8.00"), "2026-05-05", "5", "3.00")),
                Map.of("SLOW", series("2026-04-14", "8.10", "2026-04-15", "8.00"),
                        "FAST", series("2026-04-14", "8.20", "2026-04-15", "8.00")));
        assertEquals(List.of("SLOW", "FAST"), codes(entries));
        assertEquals(d("6.00"), entries.get(0).projected());
        assertEquals(d("1.00"), entries.get(0).projectedGap());
        assertFalse(entries.get(0).willMeet());
        assertEquals(d("4.00"), entries.get(1).projected());
        assertTrue(entries.get(1).willMeet());
        assertEquals(d("-0.1500"), entries.get(1).neededPerDay());
        assertEquals(d("-0.2000"), entries.get(1).perDay());
    }

    @Test
    void aMilestoneDueTodayIsJudgedOnTheValue() {
        List<Projections.Entry> entries = Projections.of(higher(null,
                withMilestone(unit("A", "50.00"), "2026-04-15", "50", "0.00"),
                withMilestone(unit("B", "49.99"), "2026-04-15", "50", "0.01")),
                Map.of("A", series("2026-04-14", "40", "2026-04-15", "50.00"),
                        "B", series("2026-04-14", "40", "2026-04-15", "49.99")));
        assertEquals(List.of("B", "A"), codes(entries));
        assertEquals(0, entries.get(0).daysLeft());
        assertEquals(d("49.99"), entries.get(0).projected());
        assertNull(entries.get(0).neededPerDay());
        assertFalse(entries.get(0).willMeet());
        assertTrue(entries.get(1).willMeet());
    }

    @Test
    void daysLeftCountTheLeapDay() {
        List<Projections.Entry> entries = Projections.of(figures(Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER,
                "2028-02-28", null, withMilestone(unit("A", "100"), "2028-03-01", "110", "10")),
                Map.of("A", series("2028-02-27", "96", "2028-02-28", "100")));
        assertEquals(2, entries.get(0).daysLeft());
        assertEquals(d("108.00"), entries.get(0).projected());
        assertFalse(entries.get(0).willMeet());
    }

    @Test
    void missingValuesLaterDatesAndRepeatsAreHandled() {
        // The null and the day after the briefing are skipped; the repeated 04-14 keeps 12: slope 2.
        BigDecimal slope = Projections.slope(series("2026-04-13", "10", "2026-04-14", "99", "2026-04-14", "12",
                "2026-04-15", null, "2026-04-16", "50"), day("2026-04-15"));
        assertEquals(0, d("2").compareTo(slope));
    }

    @Test
    void fewerThanTwoDatesNoProjection() {
        assertNull(Projections.slope(series("2026-04-15", "10", "2026-04-15", "11"), day("2026-04-15")));
        assertEquals(List.of(), Projections.of(
                higher(null, withMilestone(unit("A", "41.20"), "2026-04-30", "50", "8.80")),
                Map.of("A", series("2026-04-15", "41.20"))));
    }

    @Test
    void unitsWithoutValueMilestoneOrSeriesAreLeftOut() {
        assertEquals(List.of(), Projections.of(higher(null,
                withMilestone(unit("A", null), "2026-04-30", "50", null),
                unit("B", "10"),
                withMilestone(unit("C", "10"), "2026-04-30", "50", "40"),
                withMilestone(unit("D", "10"), "2026-04-30", null, null)),
                Map.of("A", series("2026-04-14", "1", "2026-04-15", "2"),
                        "B", series("2026-04-14", "1", "2026-04-15", "2"),
                        "D", series("2026-04-14", "1", "2026-04-15", "2"))));
    }

    @Test
    void emptyInputEmptyList() {
        assertEquals(List.of(), Projections.of(higher(null), Map.of()));
    }
}
