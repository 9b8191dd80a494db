package io.mubiao.report.scorecard;

import java.math.BigDecimal;

import io.mubiao.events.Direction;

/**
 * The arrow of a scorecard cell: whether the value got better or worse since the compared date, whichever way
 * the indicator points (a falling rate of a LOWER_IS_BETTER indicator is IMPROVING).
 */
public enum Trend {
    IMPROVING,
    STEADY,
    WORSENING;

    /** Compares values as shown (already rounded); null when either is missing. */
    public static Trend of(Direction direction, BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return null;
        }
        int comparison = now.compareTo(before);
        if (comparison == 0) {
            return STEADY;
        }
        boolean higher = comparison > 0;
        return higher == (direction != Direction.LOWER_IS_BETTER) ? IMPROVING : WORSENING;
    }
}
