package io.mubiao.report.briefing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.report.calc.BehindMilestone;
import io.mubiao.report.calc.BelowAverage;
import io.mubiao.report.calc.Imbalance;
import io.mubiao.report.calc.Milestone;
import io.mubiao.report.calc.MostImproved;
import io.mubiao.report.calc.NotReported;
import io.mubiao.report.calc.Period;
import io.mubiao.report.calc.Projections;
import io.mubiao.report.calc.RankCut;
import io.mubiao.report.calc.Status;
import io.mubiao.report.ranking.RankingResult;

/**
 * The JSON briefing (API.md, "Briefing cadences"). Every list is keyed by indicator code, in the order of
 * {@code headline}; an indicator with nothing to list has an empty list.
 *
 * @param headline             the scope itself, per indicator
 * @param rankings             per indicator, the ranking of the units under the scope (as {@code /api/rankings})
 * @param imbalance            per indicator, the spread of attainment across the units when above 20 points
 *                             (zero or one entry)
 * @param imbalanceWithinUnits with {@code group} only: the units whose attainment differs by more than 20
 *                             points across the group's indicators; empty without a group
 */
public record Briefing(String scope, String scopeName, String cadence, Period period, List<Headline> headline,
        List<RankingResult> rankings, Map<String, List<RankCut.Entry>> top,
        Map<String, List<BelowAverage.Entry>> belowAverage, Map<String, List<BehindMilestone.Entry>> behindMilestone,
        Map<String, List<RankCut.Entry>> bottom, Map<String, List<NotReported.Entry>> notReported,
        Map<String, List<MostImproved.Entry>> mostImproved, Map<String, List<Imbalance.IndicatorSpread>> imbalance,
        Map<String, List<Projections.Entry>> projections, List<Imbalance.UnitSpread> imbalanceWithinUnits) {

    /**
     * One indicator for the scope.
     *
     * @param value         the scope's value as of {@code period.to} (its own report, else the roll-up: the
     *                      ranking's {@code parentValue})
     * @param previousValue the same as of the end of the previous period ({@code previousDate})
     * @param change        {@code value − previousValue}: points for RATIO, the amount added for CUMULATIVE, the
     *                      difference for SNAPSHOT; null without either
     * @param targetKind    the kind of the scope's target, null without one (GROWTH: expected, milestone and
     *                      gaps are changes over last year)
     * @param rank          the scope's rank among its parent's children (null for the root or without data)
     * @param of            how many children its parent has (null for the root)
     */
    public record Headline(String indicator, String name, String unit, Measure measure, Direction direction,
            int decimals, BigDecimal value, java.time.LocalDate previousDate, BigDecimal previousValue,
            BigDecimal change, BigDecimal yoyChange, BigDecimal yoyGrowth, TargetKind targetKind, BigDecimal expected,
            BigDecimal gapToExpected, Milestone milestone, BigDecimal gapToMilestone, Status status, Integer rank,
            Integer of) {
    }
}
