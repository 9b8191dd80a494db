package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;

class RollUpTest {

    private static final Map<String, List<String>> TREE = Map.of(
            "P", List.of("A", "B", "C"),
            "C", List.of("C1", "C2"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Figure ratio(long numerator, long denominator) {
        return Figure.ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    private static BigDecimal shown(Figure figure) {
        return Precision.round(figure.value(), 2);
    }

    @Test
    void ratioRollsUpAsRatioOfSumsNotMeanOfRates() {
        // 50% of 100 and 10% of 900: the mean of the rates would be 30%, the ratio of sums is 14%.
        RollUp rollUp = new RollUp(Measure.RATIO, Map.of("P", List.of("A", "B")),
                Map.of("A", ratio(50, 100), "B", ratio(90, 900)));
        Figure parent = rollUp.valueOf("P");
        assertEquals(d("14.00"), shown(parent));
        assertEquals(d("140"), parent.numerator());
        assertEquals(d("1000"), parent.denominator());
    }

    @Test
    void ratioOfEqualDenominatorsEqualsTheMean() {
        RollUp rollUp = new RollUp(Measure.RATIO, Map.of("P", List.of("A", "B")),
                Map.of("A", ratio(50, 100), "B", ratio(10, 100)));
        assertEquals(d("30.00"), shown(rollUp.valueOf("P")));
    }

    @Test
    void ratioRollsUpThroughEveryLevel() {
        RollUp rollUp = new RollUp(Measure.RATIO, TREE,
                Map.of("A", ratio(1, 4), "C1", ratio(3, 4), "C2", ratio(2, 8)));
        assertEquals(d("41.67"), shown(rollUp.valueOf("C")));
        assertEquals(d("6"), rollUp.valueOf("P").numerator());
        assertEquals(d("16"), rollUp.valueOf("P").denominator());
        assertEquals(d("37.50"), shown(rollUp.valueOf("P")));
    }

    @Test
    void ownReportWinsOverTheRollUpOfChildren() {
        RollUp rollUp = new RollUp(Measure.RATIO, TREE,
                Map.of("C", ratio(9, 10), "C1", ratio(1, 10), "C2", ratio(1, 10)));
        assertEquals(d("90.00"), shown(rollUp.valueOf("C")));
        assertEquals(d("90.00"), shown(rollUp.valueOf("P")));
    }

    @Test
    void cumulativeRollsUpAsSum() {
        RollUp rollUp = new RollUp(Measure.CUMULATIVE, TREE,
                Map.of("A", Figure.of(d("12.5")), "B", Figure.of(d("7")), "C1", Figure.of(d("3")),
                        "C2", Figure.of(d("0.5"))));
        assertEquals(d("3.5"), rollUp.valueOf("C").value());
        assertEquals(d("23.0"), rollUp.valueOf("P").value());
    }

    @Test
    void cumulativeWithOwnReportOnTheMiddleLevel() {
        RollUp rollUp = new RollUp(Measure.CUMULATIVE, TREE,
                Map.of("A", Figure.of(d("1")), "C", Figure.of(d("10")), "C1", Figure.of(d("3"))));
        assertEquals(d("11"), rollUp.valueOf("P").value());
    }

    @Test
    void snapshotNeverRollsUp() {
        RollUp rollUp = new RollUp(Measure.SNAPSHOT, TREE, Map.of("A", Figure.of(d("8.5")), "B", Figure.of(d("6"))));
        assertNull(rollUp.valueOf("P"));
        assertEquals(d("8.5"), rollUp.valueOf("A").value());
    }

    @Test
    void snapshotUsesTheUnitsOwnReport() {
        RollUp rollUp = new RollUp(Measure.SNAPSHOT, TREE, Map.of("P", Figure.of(d("7.2")), "A", Figure.of(d("99"))));
        assertEquals(d("7.2"), rollUp.valueOf("P").value());
    }

    @Test
    void childrenWithoutDataAreLeftOut() {
        RollUp rollUp = new RollUp(Measure.RATIO, TREE, Map.of("B", ratio(1, 3)));
        assertEquals(d("33.33"), shown(rollUp.valueOf("P")));
        assertNull(rollUp.valueOf("C"));
    }

    @Test
    void noDataAnywhereGivesNoValue() {
        assertNull(new RollUp(Measure.RATIO, TREE, Map.of()).valueOf("P"));
        assertNull(new RollUp(Measure.CUMULATIVE, TREE, Map.of()).valueOf("P"));
        assertNull(new RollUp(Measure.RATIO, TREE, Map.of()).valueOf("unknown"));
    }

    @Test
    void zeroDenominatorsGiveNoRate() {
        assertNull(Figure.ratio(BigDecimal.ZERO, BigDecimal.ZERO));
        assertNull(RollUp.combine(Measure.RATIO, List.of(new Figure(null, d("0"), d("0")))));
    }

    @Test
    void ratioValueKeepsFullPrecisionUntilShown() {
        Figure third = ratio(1, 3);
        assertEquals(d("33.333"), Precision.round(third.value(), 3));
        assertEquals(d("33"), Precision.round(third.value(), 0));
    }

    @Test
    void aCycleInTheTreeEndsTheRecursion() {
        Map<String, List<String>> cyclic = new HashMap<>();
        cyclic.put("X", List.of("Y"));
        cyclic.put("Y", List.of("X", "Z"));
        RollUp rollUp = new RollUp(Measure.CUMULATIVE, cyclic, Map.of("Z", Figure.of(d("4"))));
        assertEquals(d("4"), rollUp.valueOf("X").value());
    }
}
