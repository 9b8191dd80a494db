package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unit's figures for one indicator as a briefing sees them, the input of the briefing lists. Figures
 * are as shown (rounded to the indicator's decimals), so that lists agree with the ranking table; for a
 * GROWTH target {@code expected}, {@code milestone.value} and {@code gapToMilestone} are changes over last
 * year, as in the ranking (callers leave {@code expected} and {@code milestone} out where value and target
 * are not comparable).
 *
 * @param value            the as-of value on the briefing date, null without data
 * @param previousValue    the as-of value at the end of the previous period ({@link Period#previous}), null
 *                         without data then
 * @param milestone        the next milestone due on or after the date, or null
 * @param gapToMilestone   how far short of that milestone (negative = ahead), null without one
 * @param reportedInPeriod whether the unit sent any report dated within the period
 * @param lastReportDate   the date of its latest report on or before the briefing date, null if none
 */
public record UnitFigure(String orgUnit, String name, BigDecimal value, BigDecimal previousValue,
        BigDecimal expected, Milestone milestone, BigDecimal gapToMilestone, Status status,
        boolean reportedInPeriod, LocalDate lastReportDate) {
}
