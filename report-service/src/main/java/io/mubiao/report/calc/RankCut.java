package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.mubiao.events.Direction;

/**
 * The head and the tail of a ranking: {@code top} for commendation (通报表扬), {@code bottom} for criticism
 * and reminders (排位靠后). Units without data are in neither: they have no rank, and {@code notReported}
 * names them. A tie at the cut takes in every unit tied there, so that of two equal units neither is
 * singled out by its code: top 3 of 90, 80, 70, 70 lists four units. Likewise when all units are equal both
 * lists hold all of them.
 */
public final class RankCut {

    /** How many places a briefing lists when nobody says otherwise. */
    public static final int DEFAULT_PLACES = 3;

    /** @param rank the unit's competition rank in the full ranking (1 = best) */
    public record Entry(int rank, String orgUnit, String name, BigDecimal value) {
    }

    /** The top {@link #DEFAULT_PLACES}. */
    public static List<Entry> top(IndicatorFigures figures) {
        return top(figures, DEFAULT_PLACES);
    }

    /** The bottom {@link #DEFAULT_PLACES}. */
    public static List<Entry> bottom(IndicatorFigures figures) {
        return bottom(figures, DEFAULT_PLACES);
    }

    /** The units ranked {@code places} or better, best first, then by code. */
    public static List<Entry> top(IndicatorFigures figures, int places) {
        return cut(figures, places, figures.direction());
    }

    /**
     * The units within {@code places} of the bottom (their rank counted from the worst end is
     * {@code places} or better), worst first, then by code.
     */
    public static List<Entry> bottom(IndicatorFigures figures, int places) {
        Direction reversed = figures.direction() == Direction.LOWER_IS_BETTER ? Direction.HIGHER_IS_BETTER
                : Direction.LOWER_IS_BETTER;
        return cut(figures, places, reversed);
    }

    private static List<Entry> cut(IndicatorFigures figures, int places, Direction order) {
        if (places < 0) {
            throw new IllegalArgumentException("a list cannot hold " + places + " places");
        }
        List<UnitFigure> units = figures.units();
        List<BigDecimal> values = units.stream().map(UnitFigure::value).toList();
        List<Integer> ranks = CompetitionRanking.ranks(values, figures.direction());
        List<Integer> fromTheCut = CompetitionRanking.ranks(values, order);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (fromTheCut.get(i) != null && fromTheCut.get(i) <= places) {
                chosen.add(i);
            }
        }
        return chosen.stream()
                .sorted(Comparator.<Integer, Integer>comparing(fromTheCut::get)
                        .thenComparing(i -> units.get(i).orgUnit()))
                .map(i -> new Entry(ranks.get(i), units.get(i).orgUnit(), units.get(i).name(), units.get(i).value()))
                .toList();
    }

    private RankCut() {
    }
}
