package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;

/**
 * A unit's figure judged against its target on a date. For a GROWTH target every number here is a change
 * over last year (points for RATIO and SNAPSHOT, percent for CUMULATIVE) and the judged figure is that
 * change; for a VALUE target it is the value itself.
 */
public record Assessment(BigDecimal expected, BigDecimal gapToExpected, Milestone milestone,
        BigDecimal gapToMilestone, Status status) {

    private static final BigDecimal ONE_POINT = BigDecimal.ONE;
    private static final BigDecimal TWO_PERCENT = new BigDecimal("0.02");

    /**
     * @param plan  the unit's target for the date's year, or null
     * @param value the value as shown (rounded), or null without data
     * @param yoy   the change over last year as shown, or null
     */
    public static Assessment assess(Measure measure, Direction direction, int decimals, TargetPlan plan,
            LocalDate date, BigDecimal value, BigDecimal yoy) {
        if (plan == null) {
            return new Assessment(null, null, null, null, value == null ? Status.NO_DATA : Status.NO_TARGET);
        }
        BigDecimal judged = plan.kind() == TargetKind.GROWTH ? yoy : value;
        BigDecimal expected = Precision.round(plan.expectedOn(date), decimals);
        Milestone milestone = plan.nextMilestone(date);
        BigDecimal gapToExpected = Gaps.shortfall(direction, expected, judged, decimals);
        BigDecimal gapToMilestone = milestone == null ? null
                : Gaps.shortfall(direction, milestone.value(), judged, decimals);
        return new Assessment(expected, gapToExpected, milestone, gapToMilestone,
                status(gapToExpected, tolerance(measure, plan.kind(), expected)));
    }

    /** 1 point for rates and growth targets; 2% of the expected value for cumulative totals. */
    static BigDecimal tolerance(Measure measure, TargetKind kind, BigDecimal expected) {
        if (kind == TargetKind.VALUE && measure == Measure.CUMULATIVE) {
            return expected.abs().multiply(TWO_PERCENT);
        }
        return ONE_POINT;
    }

    /** AHEAD below −tolerance, BEHIND above +tolerance, ON_TRACK within; NO_DATA without a judged figure. */
    static Status status(BigDecimal gapToExpected, BigDecimal tolerance) {
        if (gapToExpected == null) {
            return Status.NO_DATA;
        }
        if (gapToExpected.compareTo(tolerance.negate()) < 0) {
            return Status.AHEAD;
        }
        return gapToExpected.compareTo(tolerance) > 0 ? Status.BEHIND : Status.ON_TRACK;
    }
}
