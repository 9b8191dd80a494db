package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.mubiao.events.Direction;

/**
 * The units that improved most over the period, from their value at the end of the previous period
 * ({@link Period#previous}) to their value now. The change is measured as year on year is: points for
 * RATIO and SNAPSHOT, growth in percent for CUMULATIVE, so a large county's bigger totals do not outweigh a
 * small county's faster progress. Only real improvements count (a fall for LOWER_IS_BETTER); ties at the
 * cut are all listed, as in {@link RankCut}.
 */
public final class MostImproved {

    /**
     * @param rank   competition rank by improvement (1 = most improved)
     * @param change signed change from {@code previousValue} to {@code value} (negative is the improvement for
     *               LOWER_IS_BETTER)
     */
    public record Entry(int rank, String orgUnit, String name, BigDecimal value, BigDecimal previousValue,
            BigDecimal change) {
    }

    /** The {@code places} most improved (ties at the cut included), most improved first, then by code. */
    public static List<Entry> of(IndicatorFigures figures, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("a list cannot hold " + places + " places");
        }
        List<UnitFigure> units = new ArrayList<>();
        List<BigDecimal> changes = new ArrayList<>();
        List<BigDecimal> improvements = new ArrayList<>();
        for (UnitFigure unit : figures.units()) {
            // Null without either value, or for a growth from zero, which has no percentage.
            BigDecimal change = YearOnYear.change(figures.measure(), unit.value(), unit.previousValue(),
                    figures.decimals());
            BigDecimal improvement = change == null ? null
                    : figures.direction() == Direction.LOWER_IS_BETTER ? change.negate() : change;
            if (improvement != null && improvement.signum() > 0) {
                units.add(unit);
                changes.add(change);
                improvements.add(improvement);
            }
        }
        List<Integer> ranks = CompetitionRanking.ranks(improvements, Direction.HIGHER_IS_BETTER);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (ranks.get(i) <= places) {
                UnitFigure unit = units.get(i);
                entries.add(new Entry(ranks.get(i), unit.orgUnit(), unit.name(), unit.value(), unit.previousValue(),
                        changes.get(i)));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::rank).thenComparing(Entry::orgUnit));
        return entries;
    }

    private MostImproved() {
    }
}
