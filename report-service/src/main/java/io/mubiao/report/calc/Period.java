package io.mubiao.report.calc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The stretch a briefing covers, {@code from} to {@code to} inclusive (API.md): as of a date, from the first
 * day of the period containing it to the date itself. Kept to the two fields of the API's {@code period};
 * the cadence is passed where it matters.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period runs from a date to the same or a later date, not "
                    + from + " to " + to);
        }
    }

    /** The period of {@code cadence} as of {@code date}: its first day up to {@code date}. */
    public static Period containing(Cadence cadence, LocalDate date) {
        return new Period(cadence.start(date), date);
    }

    /**
     * The whole period of {@code cadence} just before this one, ending the day before {@code from}. Its
     * {@code to} is the comparison date for "change over the period" and trend arrows: the value as of the
     * end of the previous period, so a week's change is what was gained since last Sunday, whatever
     * weekday the briefing is as of. For DAILY it is the day before.
     */
    public Period previous(Cadence cadence) {
        LocalDate end = from.minusDays(1);
        return new Period(cadence.start(end), end);
    }

    /** Calendar days covered, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
