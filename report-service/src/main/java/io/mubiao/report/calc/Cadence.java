package io.mubiao.report.calc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How often a briefing comes out (DESIGN.md, "Periods"), with the calendar periods it cuts the year into:
 * weeks run Monday to Sunday, dekads (旬) are days 1–10, 11–20 and 21 to the end of the month, quarters,
 * halves and years are calendar ones. Only the path words of API.md parse, so a URL has one spelling.
 */
public enum Cadence {
    DAILY("daily"),
    WEEKLY("weekly"),
    DEKAD("dekad"),
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    HALF_YEAR("half-year"),
    ANNUAL("annual");

    private final String path;

    Cadence(String path) {
        this.path = path;
    }

    /** The word used in {@code /api/briefings/{cadence}}. */
    public String path() {
        return path;
    }

    /** The cadence spelled {@code word} in a path; empty for anything else (a 404 for the resource). */
    public static Optional<Cadence> fromPath(String word) {
        return Arrays.stream(values()).filter(cadence -> cadence.path.equals(word)).findFirst();
    }

    /** As {@link #fromPath}, but an unknown word is an error that names the words accepted. */
    public static Cadence parse(String word) {
        return fromPath(word).orElseThrow(() -> new IllegalArgumentException("unknown cadence '" + word
                + "': use one of " + Arrays.stream(values()).map(Cadence::path).collect(Collectors.joining(", "))));
    }

    /** The first day of the period of this cadence that contains {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DEKAD -> date.withDayOfMonth(date.getDayOfMonth() <= 10 ? 1 : date.getDayOfMonth() <= 20 ? 11 : 21);
            case MONTHLY -> date.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case HALF_YEAR -> LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
            case ANNUAL -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /** The last day of the period of this cadence that contains {@code date} (the third dekad ends with the month). */
    public LocalDate end(LocalDate date) {
        return switch (this) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case DEKAD -> date.getDayOfMonth() <= 10 ? date.withDayOfMonth(10)
                    : date.getDayOfMonth() <= 20 ? date.withDayOfMonth(20)
                    : date.with(TemporalAdjusters.lastDayOfMonth());
            case MONTHLY -> date.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTERLY -> start(date).plusMonths(3).minusDays(1);
            case HALF_YEAR -> start(date).plusMonths(6).minusDays(1);
            case ANNUAL -> LocalDate.of(date.getYear(), 12, 31);
        };
    }
}
