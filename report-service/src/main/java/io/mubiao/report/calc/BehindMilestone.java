package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The units short of their next milestone (倒计时): the reminder list. Days left count from the briefing
 * date to the due date, so a milestone due today has 0 days left and no daily pace can still close it.
 */
public final class BehindMilestone {

    /**
     * @param gapToMilestone how far short, positive
     * @param daysLeft       calendar days from the briefing date to the due date
     * @param neededPerDay   the gap spread over the days left (two more decimals than the indicator), null
     *                       when due today
     */
    public record Entry(String orgUnit, String name, BigDecimal value, LocalDate due, BigDecimal milestoneValue,
            BigDecimal gapToMilestone, long daysLeft, BigDecimal neededPerDay) {
    }

    /** Most urgent first (fewest days left), then the largest gap, then by code. */
    public static List<Entry> of(IndicatorFigures figures) {
        LocalDate date = figures.date();
        return figures.units().stream()
                .filter(unit -> unit.milestone() != null && unit.gapToMilestone() != null
                        && unit.gapToMilestone().signum() > 0 && !unit.milestone().due().isBefore(date))
                .map(unit -> {
                    long daysLeft = ChronoUnit.DAYS.between(date, unit.milestone().due());
                    BigDecimal perDay = daysLeft == 0 ? null
                            : Precision.round(unit.gapToMilestone().divide(BigDecimal.valueOf(daysLeft),
                                    Precision.DIVISION), figures.decimals() + 2);
                    return new Entry(unit.orgUnit(), unit.name(), unit.value(), unit.milestone().due(),
                            unit.milestone().value(), unit.gapToMilestone(), daysLeft, perDay);
                })
                .sorted(Comparator.comparingLong(Entry::daysLeft)
                        .thenComparing(Entry::gapToMilestone, Comparator.reverseOrder())
                        .thenComparing(Entry::orgUnit))
                .toList();
    }

    private BehindMilestone() {
    }
}
