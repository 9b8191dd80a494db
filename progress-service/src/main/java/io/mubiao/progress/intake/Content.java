package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a report says, with numbers at the stored scale (6), so that two reports saying the same thing are
 * equal whatever notation they arrived in. For a RATIO, {@code value} is 100 × numerator / denominator.
 */
public record Content(String orgUnit, String indicator, LocalDate date, BigDecimal value, BigDecimal numerator,
        BigDecimal denominator, String note) {

    /** The scale of every stored number: numeric(20,6). */
    public static final int SCALE = 6;

    public Key key() {
        return new Key(orgUnit, indicator, date);
    }

    /** What a correction supersedes: one unit's figure for one indicator on one day. */
    public record Key(String orgUnit, String indicator, LocalDate date) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byUnit = orgUnit.compareTo(other.orgUnit);
            if (byUnit != 0) {
                return byUnit;
            }
            int byIndicator = indicator.compareTo(other.indicator);
            return byIndicator != 0 ? byIndicator : date.compareTo(other.date);
        }
    }
}
