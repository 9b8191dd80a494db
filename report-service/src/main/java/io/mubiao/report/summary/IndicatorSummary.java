package io.mubiao.report.summary;

import java.math.BigDecimal;

import io.mubiao.events.TargetKind;
import io.mubiao.report.calc.Milestone;
import io.mubiao.report.calc.Status;

/**
 * One indicator of a unit summary (API.md). The figures are those of the unit's entry in the ranking of its
 * siblings, so they agree with {@code GET /api/rankings} to the digit.
 *
 * @param target the unit's target for the date's year, null without one
 * @param rank   the unit's rank among its siblings (the parent's children of the unit's kind); null without
 *               data, and for a root unit, which has no siblings
 * @param of     how many siblings were ranked, the unit included, ranked or not; null for a root unit
 */
public record IndicatorSummary(String indicator, String name, String unit, BigDecimal value, BigDecimal yoyChange,
        BigDecimal yoyGrowth, Target target, BigDecimal expected, BigDecimal gapToExpected, Milestone milestone,
        BigDecimal gapToMilestone, Status status, Integer rank, Integer of) {

    /** The year's target as set: its kind and year-end value. */
    public record Target(TargetKind kind, BigDecimal value) {
    }
}
