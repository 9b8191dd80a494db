package io.mubiao.report.ranking;

import java.math.BigDecimal;

import io.mubiao.report.calc.Milestone;
import io.mubiao.report.calc.Status;

/**
 * One ranked unit (API.md). Gaps are "how far short" (negative = ahead) and rounded to the indicator's
 * decimals; for a GROWTH target {@code expected}, {@code milestone.value} and the two target gaps are
 * changes over last year. {@code rank} is null for a unit without data.
 *
 * @param yoyChange points for RATIO and SNAPSHOT, growth percent for CUMULATIVE
 * @param yoyGrowth growth percent, CUMULATIVE only
 */
public record RankingEntry(Integer rank, String orgUnit, String name, BigDecimal value, BigDecimal numerator,
        BigDecimal denominator, BigDecimal expected, BigDecimal gapToExpected, Milestone milestone,
        BigDecimal gapToMilestone, BigDecimal yoyChange, BigDecimal yoyGrowth, BigDecimal gapToAverage,
        BigDecimal gapToBest, Status status, Boolean belowAverage) {
}
