package io.mubiao.report.calc;

import static io.mubiao.report.calc.UnitFigures.d;
import static io.mubiao.report.calc.UnitFigures.day;
import static io.mubiao.report.calc.UnitFigures.figures;
import static io.mubiao.report.calc.UnitFigures.higher;
import static io.mubiao.report.calc.UnitFigures.lower;
import static io.mubiao.report.calc.UnitFigures.unit;
import static io.mubiao.report.calc.UnitFigures.withMilestone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

class BehindMilestoneTest {

    private static List<String> codes(List<BehindMilestone.Entry> entries) {
        return entries.stream().map(BehindMilestone.Entry::orgUnit).toList();
    }

    @Test
    void listsTheUnitsShortOfTheirMilestoneWithDaysLeft() {
        List<BehindMilestone.Entry> entries = BehindMilestone.of(higher("41.20",
                withMilestone(unit("A", "41.20"), "2026-04-30", "50", "8.80"),
                withMilestone(unit("B", "55.10"), "2026-04-30", "50", "-5.10")));
        assertEquals(List.of("A"), codes(entries));
        BehindMilestone.Entry entry = entries.get(0);
        assertEquals(15, entry.daysLeft());
        assertEquals(day("2026-04-30"), entry.due());
        assertEquals(d("50"), entry.milestoneValue());
        assertEquals(d("8.80"), entry.gapToMilestone());
        assertEquals(d("0.5867"), entry.neededPerDay());
    }

    @Test
    void aMilestoneJustReachedIsNotBehind() {
        assertEquals(List.of(), BehindMilestone.of(higher(null,
                withMilestone(unit("A", "50.00"), "2026-04-30", "50", "0.00"))));
    }

    @Test
    void aMilestoneDueTodayHasNoDaysLeftAndNoPace() {
        List<BehindMilestone.Entry> entries = BehindMilestone.of(higher(null,
                withMilestone(unit("A", "45.00"), "2026-04-15", "50", "5.00")));
        assertEquals(0, entries.get(0).daysLeft());
        assertNull(entries.get(0).neededPerDay());
    }

    @Test
    void theMostUrgentComeFirstThenTheLargestGapThenTheCode() {
        List<BehindMilestone.Entry> entries = BehindMilestone.of(higher(null,
                withMilestone(unit("A", "10"), "2026-06-30", "80", "70"),
                withMilestone(unit("B", "45"), "2026-04-30", "50", "5"),
                withMilestone(unit("C", "40"), "2026-04-30", "50", "10"),
                withMilestone(unit("D", "40"), "2026-04-30", "50", "10")));
        assertEquals(List.of("C", "D", "B", "A"), codes(entries));
    }

    @Test
    void lowerIsBetterUsesTheGapAsGiven() {
        List<BehindMilestone.Entry> entries = BehindMilestone.of(lower(null,
                withMilestone(unit("A", "7.5"), "2026-04-30", "5", "2.50"),
                withMilestone(unit("B", "4.0"), "2026-04-30", "5", "-1.00")));
        assertEquals(List.of("A"), codes(entries));
        assertEquals(d("0.1667"), entries.get(0).neededPerDay());
    }

    @Test
    void daysLeftCountTheLeapDay() {
        List<BehindMilestone.Entry> entries = BehindMilestone.of(figures(Measure.RATIO, Direction.HIGHER_IS_BETTER,
                "2028-02-20", null, withMilestone(unit("A", "10"), "2028-03-31", "20", "10")));
        assertEquals(40, entries.get(0).daysLeft());
    }

    @Test
    void unitsWithoutMilestoneOrDataAreLeftOut() {
        assertEquals(List.of(), BehindMilestone.of(higher(null, unit("A", "10"), unit("B", null))));
    }

    @Test
    void aMilestoneAlreadyPastIsLeftOut() {
        assertEquals(List.of(), BehindMilestone.of(higher(null,
                withMilestone(unit("A", "10"), "2026-03-31", "20", "10"))));
    }

    @Test
    void emptyInputEmptyList() {
        assertEquals(List.of(), BehindMilestone.of(higher(null)));
    }
}
