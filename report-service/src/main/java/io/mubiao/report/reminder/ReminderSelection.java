package io.mubiao.report.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.mubiao.report.calc.Milestone;

/**
 * Who is reminded of what on a day, after the cut-off: for each indicator a unit has a target for, the unit
 * is reminded when nothing under it was reported dated that day, and when it is short of a milestone due
 * within the window (0 days left: due today), naming the gap and the days left.
 */
public final class ReminderSelection {

    public enum Reason {
        NOT_REPORTED, BEHIND_MILESTONE
    }

    /**
     * What is known of one indicator of a unit on the day.
     *
     * @param lastReport     the latest report on or before the day (the unit's or below it); null if none
     * @param milestone      the next milestone of a VALUE target due on or after the day; null without one
     * @param gapToMilestone how far short of it (positive = short), null without a value
     */
    public record Facts(String indicator, String name, String unit, boolean reportedToday, LocalDate lastReport,
            Milestone milestone, BigDecimal gapToMilestone) {
    }

    /** One line of a reminder; {@code due}, {@code milestoneValue}, {@code gap}, {@code daysLeft} for milestones. */
    public record Item(Reason reason, String indicator, String name, String unit, LocalDate lastReport, LocalDate due,
            BigDecimal milestoneValue, BigDecimal gap, Long daysLeft) {
    }

    /** By indicator code; for each, not reported before behind milestone. */
    public static List<Item> select(List<Facts> facts, LocalDate day, int windowDays) {
        List<Item> items = new ArrayList<>();
        for (Facts f : facts.stream().sorted(Comparator.comparing(Facts::indicator)).toList()) {
            if (!f.reportedToday()) {
                items.add(new Item(Reason.NOT_REPORTED, f.indicator(), f.name(), f.unit(), f.lastReport(), null, null,
                        null, null));
            }
            if (f.milestone() != null && f.gapToMilestone() != null && f.gapToMilestone().signum() > 0) {
                long daysLeft = ChronoUnit.DAYS.between(day, f.milestone().due());
                if (daysLeft >= 0 && daysLeft <= windowDays) {
                    items.add(new Item(Reason.BEHIND_MILESTONE, f.indicator(), f.name(), f.unit(), f.lastReport(),
                            f.milestone().due(), f.milestone().value(), f.gapToMilestone(), daysLeft));
                }
            }
        }
        return items;
    }

    private ReminderSelection() {
    }
}
