package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uneven progress (不平衡): measured on {@link Attainment}, the percent of the expected value reached, so
 * that indicators and units with different targets compare. The measure is the spread, the highest
 * attainment minus the lowest, in percentage points: plain to read in a circular ("the cooperatives trail
 * the enterprises by 32 points") and exact in decimals, where a coefficient of variation would need a
 * square root. A spread is flagged when it is strictly above the threshold ({@link #DEFAULT_THRESHOLD}
 * unless given). Units or indicators without an attainment (no data, nothing expected yet) are left out;
 * a spread needs at least two attainments.
 * <ul>
 * <li>{@link #withinUnits}: for each unit, across the indicators of a group (enterprises, individual
 * businesses, cooperatives);</li>
 * <li>{@link #acrossUnits}: for one indicator, across the units.</li>
 * </ul>
 */
public final class Imbalance {

    /** Points of attainment between the best and the worst above which a spread is worth a line. */
    public static final BigDecimal DEFAULT_THRESHOLD = BigDecimal.valueOf(20);

    /** A unit whose indicators are uneven: its weakest and strongest indicator of the group. */
    public record UnitSpread(String orgUnit, String name, BigDecimal spread, String weakestIndicator,
            BigDecimal weakestAttainment, String strongestIndicator, BigDecimal strongestAttainment) {
    }

    /** An indicator whose units are uneven: its weakest and strongest unit. */
    public record IndicatorSpread(String indicator, BigDecimal spread, String weakestUnit, String weakestName,
            BigDecimal weakestAttainment, String strongestUnit, String strongestName, BigDecimal strongestAttainment) {
    }

    private record Point(String code, String name, BigDecimal attainment) {
    }

    /**
     * The units whose spread across the group's indicators is above {@code threshold}, largest spread
     * first, then by code. Ties for weakest or strongest go to the first indicator code.
     */
    public static List<UnitSpread> withinUnits(List<IndicatorFigures> group, BigDecimal threshold) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Point>> byUnit = new LinkedHashMap<>();
        for (IndicatorFigures figures : group) {
            for (UnitFigure unit : figures.units()) {
                names.putIfAbsent(unit.orgUnit(), unit.name());
                BigDecimal attainment = Attainment.of(figures.direction(), unit.value(), unit.expected());
                if (attainment != null) {
                    byUnit.computeIfAbsent(unit.orgUnit(), u -> new ArrayList<>())
                            .add(new Point(figures.indicator(), null, attainment));
                }
            }
        }
        List<UnitSpread> result = new ArrayList<>();
        byUnit.forEach((orgUnit, points) -> spread(points, threshold).ifPresent(ends -> result.add(
                new UnitSpread(orgUnit, names.get(orgUnit), ends[1].attainment().subtract(ends[0].attainment()),
                        ends[0].code(), ends[0].attainment(), ends[1].code(), ends[1].attainment()))));
        result.sort(Comparator.comparing(UnitSpread::spread).reversed().thenComparing(UnitSpread::orgUnit));
        return result;
    }

    /**
     * The spread of one indicator across its units when above {@code threshold}; empty otherwise. Ties for
     * weakest or strongest go to the first unit code.
     */
    public static Optional<IndicatorSpread> acrossUnits(IndicatorFigures figures, BigDecimal threshold) {
        List<Point> points = new ArrayList<>();
        for (UnitFigure unit : figures.units()) {
            BigDecimal attainment = Attainment.of(figures.direction(), unit.value(), unit.expected());
            if (attainment != null) {
                points.add(new Point(unit.orgUnit(), unit.name(), attainment));
            }
        }
        return spread(points, threshold).map(ends -> new IndicatorSpread(figures.indicator(),
                ends[1].attainment().subtract(ends[0].attainment()), ends[0].code(), ends[0].name(),
                ends[0].attainment(), ends[1].code(), ends[1].name(), ends[1].attainment()));
    }

    /** The lowest and the highest point when there are two or more and they are more than threshold apart. */
    private static Optional<Point[]> spread(List<Point> points, BigDecimal threshold) {
        if (points.size() < 2) {
            return Optional.empty();
        }
        Comparator<Point> byAttainment = Comparator.comparing(Point::attainment);
        Comparator<Point> byCode = Comparator.comparing(Point::code);
        Point lowest = points.stream().min(byAttainment.thenComparing(byCode)).orElseThrow();
        Point highest = points.stream().min(byAttainment.reversed().thenComparing(byCode)).orElseThrow();
        BigDecimal spread = highest.attainment().subtract(lowest.attainment());
        return spread.compareTo(threshold) > 0 ? Optional.of(new Point[] {lowest, highest}) : Optional.empty();
    }

    private Imbalance() {
    }
}
