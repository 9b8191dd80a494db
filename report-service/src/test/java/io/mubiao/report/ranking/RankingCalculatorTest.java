package io.mubiao.report.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.report.calc.Figure;
import io.mubiao.report.calc.Milestone;
import io.mubiao.report.calc.Status;
import io.mubiao.report.calc.TargetPlan;

class RankingCalculatorTest {

    private static final LocalDate DATE = LocalDate.of(2026, 4, 15);

    private static final RankingCalculator.IndicatorDef FILING_RATE = new RankingCalculator.IndicatorDef("rate", "%",
            Measure.RATIO, Direction.HIGHER_IS_BETTER, 2);

    /** P with regions A, B, C (C has children C1, C2) and a department D. */
    private static final List<RankingCalculator.Unit> UNITS = List.of(
            unit("P", null, "region", 2),
            unit("A", "P", "region", 3),
            unit("B", "P", "region", 3),
            unit("C", "P", "region", 3),
            unit("D", "P", "department", 3),
            unit("C1", "C", "region", 4),
            unit("C2", "C", "region", 4));

    private static RankingCalculator.Unit unit(String code, String parent, String kind, int level) {
        return new RankingCalculator.Unit(code, "name of " + code, parent, kind, level);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Figure ratio(long numerator, long denominator) {
        return Figure.ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    private static RankingResult rank(RankingCalculator.IndicatorDef indicator, Map<String, Figure> now,
            Map<String, Figure> lastYear, Integer level, String kind, Map<String, TargetPlan> targets) {
        RankingCalculator.Subtree tree = new RankingCalculator.Subtree(UNITS, now, lastYear, Map.of());
        return RankingCalculator.rank(indicator, "P", DATE, tree, RankingCalculator.entries(tree, "P", level, kind),
                targets);
    }

    private static RankingEntry entry(RankingResult result, String code) {
        return result.entries().stream().filter(e -> e.orgUnit().equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, Figure> filing() {
        // A 50%, B 10% of nine times as many, C from its child C1 at 30%; D and C2 without data.
        return Map.of("A", ratio(50, 100), "B", ratio(90, 900), "C1", ratio(30, 100));
    }

    @Test
    void parentValueIsTheRatioOfSums() {
        RankingResult result = rank(FILING_RATE, filing(), Map.of(), null, null, Map.of());
        // (50 + 90 + 30) / (100 + 900 + 100); the mean of the rates would be 30.00.
        assertEquals(d("15.45"), result.parentValue());
        assertEquals("%", result.unit());
        assertEquals(Direction.HIGHER_IS_BETTER, result.direction());
    }

    @Test
    void childrenRankByValueWithNoDataLast() {
        RankingResult result = rank(FILING_RATE, filing(), Map.of(), null, null, Map.of());
        assertEquals(List.of("A", "C", "B", "D"), result.entries().stream().map(RankingEntry::orgUnit).toList());
        assertEquals(Arrays.asList(1, 2, 3, null), result.entries().stream().map(RankingEntry::rank).toList());
        RankingEntry d = entry(result, "D");
        assertNull(d.value());
        assertEquals(Status.NO_DATA, d.status());
        assertNull(d.gapToAverage());
        assertNull(d.belowAverage());
    }

    @Test
    void aUnitWithoutOwnReportShowsItsChildrensRollUp() {
        RankingEntry c = entry(rank(FILING_RATE, filing(), Map.of(), null, null, Map.of()), "C");
        assertEquals(d("30.00"), c.value());
        assertEquals(d("30"), c.numerator());
        assertEquals(d("100"), c.denominator());
    }

    @Test
    void gapsToAverageAndBestAndBelowAverage() {
        RankingResult result = rank(FILING_RATE, filing(), Map.of(), null, null, Map.of());
        RankingEntry a = entry(result, "A");
        RankingEntry b = entry(result, "B");
        assertEquals(d("-34.55"), a.gapToAverage());
        assertEquals(d("0.00"), a.gapToBest());
        assertFalse(a.belowAverage());
        assertEquals(d("5.45"), b.gapToAverage());
        assertEquals(d("40.00"), b.gapToBest());
        assertTrue(b.belowAverage());
        assertEquals(Status.NO_TARGET, a.status());
    }

    @Test
    void tiesShareARank() {
        Map<String, Figure> now = Map.of("A", ratio(1, 2), "B", ratio(2, 4), "C", ratio(1, 4), "D", ratio(3, 4));
        RankingResult result = rank(FILING_RATE, now, Map.of(), null, null, Map.of());
        assertEquals(List.of("D", "A", "B", "C"), result.entries().stream().map(RankingEntry::orgUnit).toList());
        assertEquals(List.of(1, 2, 2, 4), result.entries().stream().map(RankingEntry::rank).toList());
    }

    @Test
    void lowerIsBetterRanksAndGapsTheOtherWay() {
        RankingCalculator.IndicatorDef complaints = new RankingCalculator.IndicatorDef("complaints", "件",
                Measure.CUMULATIVE, Direction.LOWER_IS_BETTER, 0);
        Map<String, Figure> now = Map.of("A", Figure.of(d("5")), "B", Figure.of(d("2")), "C", Figure.of(d("9")));
        RankingResult result = rank(complaints, now, Map.of(), null, null, Map.of());
        assertEquals(d("16"), result.parentValue());
        assertEquals(List.of("B", "A", "C", "D"), result.entries().stream().map(RankingEntry::orgUnit).toList());
        RankingEntry c = entry(result, "C");
        assertEquals(d("7"), c.gapToBest());
        assertEquals(d("-7"), c.gapToAverage());
        assertFalse(c.belowAverage());
    }

    @Test
    void levelRanksAllDescendantsAtThatLevel() {
        RankingResult result = rank(FILING_RATE, filing(), Map.of(), 4, null, Map.of());
        assertEquals(List.of("C1", "C2"), result.entries().stream().map(RankingEntry::orgUnit).toList());
        assertEquals(Arrays.asList(1, null), result.entries().stream().map(RankingEntry::rank).toList());
        assertEquals(d("15.45"), result.parentValue());
    }

    @Test
    void kindKeepsOnlyUnitsOfThatKind() {
        RankingResult result = rank(FILING_RATE, filing(), Map.of(), null, "department", Map.of());
        assertEquals(List.of("D"), result.entries().stream().map(RankingEntry::orgUnit).toList());
    }

    @Test
    void yearOnYearOfARatioIsInPoints() {
        RankingResult result = rank(FILING_RATE, filing(), Map.of("A", ratio(40, 100), "C2", ratio(10, 100)), null,
                null, Map.of());
        assertEquals(d("10.00"), entry(result, "A").yoyChange());
        assertEquals(d("20.00"), entry(result, "C").yoyChange());
        assertNull(entry(result, "A").yoyGrowth());
        assertNull(entry(result, "B").yoyChange());
    }

    @Test
    void yearOnYearOfACumulativeIsGrowthInPercent() {
        RankingCalculator.IndicatorDef investment = new RankingCalculator.IndicatorDef("investment", "亿元",
                Measure.CUMULATIVE, Direction.HIGHER_IS_BETTER, 2);
        RankingResult result = rank(investment, Map.of("A", Figure.of(d("135"))), Map.of("A", Figure.of(d("100"))),
                null, null, Map.of());
        assertEquals(d("35.00"), entry(result, "A").yoyChange());
        assertEquals(d("35.00"), entry(result, "A").yoyGrowth());
    }

    @Test
    void snapshotParentValueIsItsOwnReportOnly() {
        RankingCalculator.IndicatorDef gdp = new RankingCalculator.IndicatorDef("gdp-growth", "%", Measure.SNAPSHOT,
                Direction.HIGHER_IS_BETTER, 1);
        Map<String, Figure> children = Map.of("A", Figure.of(d("8")), "C1", Figure.of(d("9")));
        RankingResult withoutOwn = rank(gdp, children, Map.of(), null, null, Map.of());
        assertNull(withoutOwn.parentValue());
        assertNull(entry(withoutOwn, "C").value());
        Map<String, Figure> withOwn = new HashMap<>(children);
        withOwn.put("P", Figure.of(d("6.5")));
        assertEquals(d("6.5"), rank(gdp, withOwn, Map.of(), null, null, Map.of()).parentValue());
    }

    @Test
    void statusAgainstTheUnitsTarget() {
        TargetPlan plan = TargetPlan.of(2026, Measure.RATIO, TargetKind.VALUE, d("100"), null, Trajectory.LINEAR,
                List.of(new Milestone(LocalDate.of(2026, 3, 31), d("20")),
                        new Milestone(LocalDate.of(2026, 4, 30), d("50"))));
        RankingResult result = rank(FILING_RATE, filing(), Map.of(), null, null,
                Map.of("A", plan, "B", plan, "D", plan));
        RankingEntry a = entry(result, "A");
        assertEquals(d("35.00"), a.expected());
        assertEquals(d("-15.00"), a.gapToExpected());
        assertEquals(d("0.00"), a.gapToMilestone());
        assertEquals(Status.AHEAD, a.status());
        assertEquals(Status.BEHIND, entry(result, "B").status());
        assertEquals(Status.NO_TARGET, entry(result, "C").status());
        RankingEntry d = entry(result, "D");
        assertEquals(Status.NO_DATA, d.status());
        assertEquals(d("35.00"), d.expected());
    }

    @Test
    void noUnitsBelowTheParentGiveAnEmptyRanking() {
        RankingCalculator.Subtree tree = new RankingCalculator.Subtree(List.of(unit("P", null, "region", 1)), Map.of(),
                Map.of(), Map.of());
        RankingResult result = RankingCalculator.rank(FILING_RATE, "P", DATE, tree,
                RankingCalculator.entries(tree, "P", null, null), Map.of());
        assertEquals(List.of(), result.entries());
        assertNull(result.parentValue());
    }
}
