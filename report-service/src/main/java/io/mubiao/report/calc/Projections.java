package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each unit will stand at its next milestone if it keeps its recent pace. The pace is the
 * least-squares slope of its recent as-of values against calendar days (the caller picks the window, e.g.
 * the last 7 or 10 days); with two points that is simply (value − value k days ago) / k, and with more, one
 * late or early report moves it less. The projection is today's value plus pace × days left, so a unit
 * whose milestone is due today is judged on its value. Whether it will be met follows the direction, as
 * gaps do.
 */
public final class Projections {

    /**
     * @param perDay       the recent pace, a signed change per day (two more decimals than the indicator)
     * @param neededPerDay the signed change per day that would just reach the milestone; null when due today
     * @param projected    the value expected on the due date at that pace
     * @param projectedGap how far short of the milestone the projection falls (negative = ahead)
     */
    public record Entry(String orgUnit, String name, BigDecimal value, LocalDate due, BigDecimal milestoneValue,
            long daysLeft, BigDecimal perDay, BigDecimal neededPerDay, BigDecimal projected,
            BigDecimal projectedGap, boolean willMeet) {
    }

    /**
     * One entry per unit with a value, a milestone due on or after the date and at least two dated values
     * on or before it in {@code recent} (by unit code; nulls skipped, a repeated date keeps the later one);
     * the worst projected gap first, then by code.
     */
    public static List<Entry> of(IndicatorFigures figures, Map<String, List<AsOfValue>> recent) {
        LocalDate date = figures.date();
        int decimals = figures.decimals();
        List<Entry> entries = new ArrayList<>();
        for (UnitFigure unit : figures.units()) {
            if (unit.value() == null || unit.milestone() == null || unit.milestone().value() == null
                    || unit.milestone().due().isBefore(date)) {
                continue;
            }
            BigDecimal slope = slope(recent.getOrDefault(unit.orgUnit(), List.of()), date);
            if (slope == null) {
                continue;
            }
            Milestone milestone = unit.milestone();
            long daysLeft = ChronoUnit.DAYS.between(date, milestone.due());
            BigDecimal projected = Precision.round(unit.value().add(slope.multiply(BigDecimal.valueOf(daysLeft))),
                    decimals);
            BigDecimal needed = daysLeft == 0 ? null
                    : Precision.round(milestone.value().subtract(unit.value())
                            .divide(BigDecimal.valueOf(daysLeft), Precision.DIVISION), decimals + 2);
            BigDecimal projectedGap = Gaps.shortfall(figures.direction(), milestone.value(), projected, decimals);
            entries.add(new Entry(unit.orgUnit(), unit.name(), unit.value(), milestone.due(), milestone.value(),
                    daysLeft, Precision.round(slope, decimals + 2), needed, projected, projectedGap,
                    projectedGap.signum() <= 0));
        }
        entries.sort(Comparator.comparing(Entry::projectedGap).reversed().thenComparing(Entry::orgUnit));
        return entries;
    }

    /**
     * The least-squares slope per day of the values on or before {@code date}, unrounded; null with fewer
     * than two dates. With x in days before the date: (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), exact but for the
     * one division.
     */
    static BigDecimal slope(List<AsOfValue> values, LocalDate date) {
        TreeMap<LocalDate, BigDecimal> points = new TreeMap<>();
        for (AsOfValue point : values) {
            if (point.value() != null && !point.date().isAfter(date)) {
                points.put(point.date(), point.value());
            }
        }
        if (points.size() < 2) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(points.size());
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumY = BigDecimal.ZERO;
        BigDecimal sumXY = BigDecimal.ZERO;
        BigDecimal sumXX = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> point : points.entrySet()) {
            BigDecimal x = BigDecimal.valueOf(ChronoUnit.DAYS.between(date, point.getKey()));
            BigDecimal y = point.getValue();
            sumX = sumX.add(x);
            sumY = sumY.add(y);
            sumXY = sumXY.add(x.multiply(y));
            sumXX = sumXX.add(x.multiply(x));
        }
        BigDecimal numerator = n.multiply(sumXY).subtract(sumX.multiply(sumY));
        BigDecimal denominator = n.multiply(sumXX).subtract(sumX.multiply(sumX));
        return numerator.divide(denominator, Precision.DIVISION);
    }

    private Projections() {
    }
}
