package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Period period(String from, String to) {
        return new Period(day(from), day(to));
    }

    private static Period containing(Cadence cadence, String date) {
        return Period.containing(cadence, day(date));
    }

    @Test
    void dailyIsTheDateItself() {
        assertEquals(period("2026-04-15", "2026-04-15"), containing(Cadence.DAILY, "2026-04-15"));
    }

    @Test
    void weeklyStartsOnMonday() {
        assertEquals(period("2026-04-13", "2026-04-15"), containing(Cadence.WEEKLY, "2026-04-15"));
    }

    @Test
    void aMondayStartsItsOwnWeek() {
        assertEquals(period("2026-04-13", "2026-04-13"), containing(Cadence.WEEKLY, "2026-04-13"));
    }

    @Test
    void aSundayEndsTheWeekThatBeganSixDaysBefore() {
        assertEquals(period("2026-04-13", "2026-04-19"), containing(Cadence.WEEKLY, "2026-04-19"));
    }

    @Test
    void aWeekCrossesAMonthBoundary() {
        // Thursday 2 April 2026; the week began on Monday 30 March.
        assertEquals(period("2026-03-30", "2026-04-02"), containing(Cadence.WEEKLY, "2026-04-02"));
    }

    @Test
    void aWeekCrossesAYearBoundary() {
        // Friday 1 January 2027; the week began on Monday 28 December 2026.
        assertEquals(period("2026-12-28", "2027-01-01"), containing(Cadence.WEEKLY, "2027-01-01"));
        assertEquals(period("2026-12-28", "2027-01-03"), containing(Cadence.WEEKLY, "2027-01-03"));
    }

    @Test
    void dekadsStartOnTheFirstTheEleventhAndTheTwentyFirst() {
        assertEquals(period("2026-04-01", "2026-04-01"), containing(Cadence.DEKAD, "2026-04-01"));
        assertEquals(period("2026-04-01", "2026-04-10"), containing(Cadence.DEKAD, "2026-04-10"));
        assertEquals(period("2026-04-11", "2026-04-11"), containing(Cadence.DEKAD, "2026-04-11"));
        assertEquals(period("2026-04-11", "2026-04-20"), containing(Cadence.DEKAD, "2026-04-20"));
        assertEquals(period("2026-04-21", "2026-04-21"), containing(Cadence.DEKAD, "2026-04-21"));
    }

    @Test
    void theThirdDekadRunsToTheMonthsEnd() {
        assertEquals(period("2026-03-21", "2026-03-31"), containing(Cadence.DEKAD, "2026-03-31"));
        assertEquals(period("2026-04-21", "2026-04-30"), containing(Cadence.DEKAD, "2026-04-30"));
        assertEquals(period("2026-02-21", "2026-02-28"), containing(Cadence.DEKAD, "2026-02-28"));
        assertEquals(period("2028-02-21", "2028-02-29"), containing(Cadence.DEKAD, "2028-02-29"));
    }

    @Test
    void monthly() {
        assertEquals(period("2026-04-01", "2026-04-15"), containing(Cadence.MONTHLY, "2026-04-15"));
        assertEquals(period("2028-02-01", "2028-02-29"), containing(Cadence.MONTHLY, "2028-02-29"));
    }

    @Test
    void quartersAreCalendarQuarters() {
        assertEquals(period("2026-01-01", "2026-03-31"), containing(Cadence.QUARTERLY, "2026-03-31"));
        assertEquals(period("2026-04-01", "2026-04-01"), containing(Cadence.QUARTERLY, "2026-04-01"));
        assertEquals(period("2026-07-01", "2026-09-30"), containing(Cadence.QUARTERLY, "2026-09-30"));
        assertEquals(period("2026-10-01", "2026-12-31"), containing(Cadence.QUARTERLY, "2026-12-31"));
    }

    @Test
    void halvesAreJanuaryToJuneAndJulyToDecember() {
        assertEquals(period("2026-01-01", "2026-06-30"), containing(Cadence.HALF_YEAR, "2026-06-30"));
        assertEquals(period("2026-07-01", "2026-07-01"), containing(Cadence.HALF_YEAR, "2026-07-01"));
        assertEquals(period("2026-07-01", "2026-12-31"), containing(Cadence.HALF_YEAR, "2026-12-31"));
    }

    @Test
    void annualIsTheCalendarYear() {
        assertEquals(period("2026-01-01", "2026-01-01"), containing(Cadence.ANNUAL, "2026-01-01"));
        assertEquals(period("2028-01-01", "2028-02-29"), containing(Cadence.ANNUAL, "2028-02-29"));
        assertEquals(period("2026-01-01", "2026-12-31"), containing(Cadence.ANNUAL, "2026-12-31"));
    }

    @Test
    void previousDayForDaily() {
        assertEquals(period("2026-04-14", "2026-04-14"), containing(Cadence.DAILY, "2026-04-15").previous(Cadence.DAILY));
        assertEquals(period("2025-12-31", "2025-12-31"), containing(Cadence.DAILY, "2026-01-01").previous(Cadence.DAILY));
        assertEquals(period("2028-02-29", "2028-02-29"), containing(Cadence.DAILY, "2028-03-01").previous(Cadence.DAILY));
    }

    @Test
    void previousWeekIsTheWholeWeekEndingLastSunday() {
        assertEquals(period("2026-04-06", "2026-04-12"), containing(Cadence.WEEKLY, "2026-04-15").previous(Cadence.WEEKLY));
        assertEquals(period("2026-12-21", "2026-12-27"), containing(Cadence.WEEKLY, "2027-01-01").previous(Cadence.WEEKLY));
    }

    @Test
    void previousDekadOfTheFirstIsTheLastDekadOfTheMonthBefore() {
        assertEquals(period("2026-03-21", "2026-03-31"), containing(Cadence.DEKAD, "2026-04-05").previous(Cadence.DEKAD));
        assertEquals(period("2028-02-21", "2028-02-29"), containing(Cadence.DEKAD, "2028-03-01").previous(Cadence.DEKAD));
        assertEquals(period("2026-04-01", "2026-04-10"), containing(Cadence.DEKAD, "2026-04-15").previous(Cadence.DEKAD));
        assertEquals(period("2026-04-11", "2026-04-20"), containing(Cadence.DEKAD, "2026-04-30").previous(Cadence.DEKAD));
    }

    @Test
    void previousMonthQuarterHalfAndYearAreWhole() {
        assertEquals(period("2028-02-01", "2028-02-29"), containing(Cadence.MONTHLY, "2028-03-31").previous(Cadence.MONTHLY));
        assertEquals(period("2025-10-01", "2025-12-31"), containing(Cadence.QUARTERLY, "2026-02-10").previous(Cadence.QUARTERLY));
        assertEquals(period("2026-01-01", "2026-06-30"), containing(Cadence.HALF_YEAR, "2026-07-01").previous(Cadence.HALF_YEAR));
        assertEquals(period("2025-07-01", "2025-12-31"), containing(Cadence.HALF_YEAR, "2026-03-01").previous(Cadence.HALF_YEAR));
        assertEquals(period("2025-01-01", "2025-12-31"), containing(Cadence.ANNUAL, "2026-04-15").previous(Cadence.ANNUAL));
    }

    @Test
    void thePreviousPeriodIsTheWholePeriodEndingTheDayBeforeFrom() {
        LocalDate date = day("2026-04-15");
        for (Cadence cadence : Cadence.values()) {
            Period period = Period.containing(cadence, date);
            assertEquals(period.from().minusDays(1), period.previous(cadence).to(), cadence.name());
            LocalDate end = period.from().minusDays(1);
            assertEquals(new Period(cadence.start(end), cadence.end(end)), period.previous(cadence), cadence.name());
        }
    }

    @Test
    void daysCountsBothEnds() {
        assertEquals(1, containing(Cadence.DAILY, "2026-04-15").days());
        assertEquals(3, containing(Cadence.WEEKLY, "2026-04-15").days());
        assertEquals(9, containing(Cadence.DEKAD, "2028-02-29").days());
        assertEquals(366, containing(Cadence.ANNUAL, "2028-12-31").days());
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> period("2026-04-15", "2026-04-14"));
        assertThrows(IllegalArgumentException.class, () -> new Period(null, day("2026-04-14")));
    }
}
