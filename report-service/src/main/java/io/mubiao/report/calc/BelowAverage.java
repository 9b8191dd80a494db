package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The units worse than their parent's value (低于平均水平), whichever way the indicator points. The parent's
 * value is its roll-up (a ratio of sums), not a mean of the units, as the circulars compare with it.
 */
public final class BelowAverage {

    /** @param gapToAverage how far short of the parent's value, always positive here */
    public record Entry(String orgUnit, String name, BigDecimal value, BigDecimal parentValue,
            BigDecimal gapToAverage) {
    }

    /** Worst first (largest gap), then by code; empty when the parent has no value. Units without data are left out. */
    public static List<Entry> of(IndicatorFigures figures) {
        BigDecimal parent = figures.parentValue();
        return figures.units().stream()
                .filter(unit -> Boolean.TRUE.equals(Gaps.isWorse(figures.direction(), unit.value(), parent)))
                .map(unit -> new Entry(unit.orgUnit(), unit.name(), unit.value(), parent,
                        Gaps.shortfall(figures.direction(), parent, unit.value(), figures.decimals())))
                .sorted(Comparator.comparing(Entry::gapToAverage).reversed().thenComparing(Entry::orgUnit))
                .toList();
    }

    private BelowAverage() {
    }
}
