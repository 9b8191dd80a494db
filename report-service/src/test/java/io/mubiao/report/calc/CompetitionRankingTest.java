package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Direction;

class CompetitionRankingTest {

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void tiesShareARankAndTheNextSkips() {
        assertEquals(Arrays.asList(1, 2, 2, 4), CompetitionRanking.ranks(values("90", "80", "80", "70"),
                Direction.HIGHER_IS_BETTER));
    }

    @Test
    void ranksAreReturnedInTheOrderGiven() {
        assertEquals(Arrays.asList(4, 2, 1, 2), CompetitionRanking.ranks(values("10", "30", "40", "30"),
                Direction.HIGHER_IS_BETTER));
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirst() {
        assertEquals(Arrays.asList(3, 1, 2), CompetitionRanking.ranks(values("5.5", "1.2", "3"),
                Direction.LOWER_IS_BETTER));
    }

    @Test
    void lowerIsBetterWithTies() {
        assertEquals(Arrays.asList(1, 1, 3, 4, 4), CompetitionRanking.ranks(values("1", "1", "2", "3", "3"),
                Direction.LOWER_IS_BETTER));
    }

    @Test
    void unitsWithoutDataHaveNoRank() {
        assertEquals(Arrays.asList(null, 1, null, 2), CompetitionRanking.ranks(values(null, "9", null, "3"),
                Direction.HIGHER_IS_BETTER));
    }

    @Test
    void valuesCompareNumericallyWhateverTheirScale() {
        assertEquals(Arrays.asList(1, 1), CompetitionRanking.ranks(values("2.0", "2.00"), Direction.HIGHER_IS_BETTER));
    }

    @Test
    void allEqualAllFirst() {
        assertEquals(Arrays.asList(1, 1, 1), CompetitionRanking.ranks(values("5", "5", "5"), Direction.LOWER_IS_BETTER));
    }

    @Test
    void emptyAndAllMissing() {
        assertEquals(List.of(), CompetitionRanking.ranks(List.of(), Direction.HIGHER_IS_BETTER));
        assertEquals(Arrays.asList(null, null), CompetitionRanking.ranks(values(null, null), Direction.HIGHER_IS_BETTER));
    }

    @Test
    void negativeValuesRankByDirection() {
        assertEquals(Arrays.asList(2, 1, 3), CompetitionRanking.ranks(values("-1", "0.5", "-3"),
                Direction.HIGHER_IS_BETTER));
    }

    @Test
    void bestFollowsTheDirection() {
        assertEquals(new BigDecimal("9"), CompetitionRanking.best(values("3", null, "9", "1"), Direction.HIGHER_IS_BETTER));
        assertEquals(new BigDecimal("1"), CompetitionRanking.best(values("3", null, "9", "1"), Direction.LOWER_IS_BETTER));
        assertNull(CompetitionRanking.best(values(null, null), Direction.HIGHER_IS_BETTER));
    }
}
