package io.mubiao.report.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mubiao.report.calc.Cadence;
import io.mubiao.report.calc.Period;

class DeliveryScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static Period p(String from, String to) {
        return new Period(d(from), d(to));
    }

    @Test
    void firesOnTheFirstDayOfEachPeriod() {
        assertTrue(DeliverySchedule.firesOn(Cadence.DAILY, d("2026-04-15")));
        assertTrue(DeliverySchedule.firesOn(Cadence.WEEKLY, d("2026-04-13")));
        assertFalse(DeliverySchedule.firesOn(Cadence.WEEKLY, d("2026-04-15")));
        for (String day : new String[] { "2026-04-01", "2026-04-11", "2026-04-21" }) {
            assertTrue(DeliverySchedule.firesOn(Cadence.DEKAD, d(day)), day);
        }
        assertFalse(DeliverySchedule.firesOn(Cadence.DEKAD, d("2026-04-12")));
        assertTrue(DeliverySchedule.firesOn(Cadence.MONTHLY, d("2026-05-01")));
        assertFalse(DeliverySchedule.firesOn(Cadence.MONTHLY, d("2026-05-02")));
        assertTrue(DeliverySchedule.firesOn(Cadence.QUARTERLY, d("2026-04-01")));
        assertFalse(DeliverySchedule.firesOn(Cadence.QUARTERLY, d("2026-05-01")));
        assertTrue(DeliverySchedule.firesOn(Cadence.HALF_YEAR, d("2026-07-01")));
        assertFalse(DeliverySchedule.firesOn(Cadence.HALF_YEAR, d("2026-04-01")));
        assertTrue(DeliverySchedule.firesOn(Cadence.ANNUAL, d("2027-01-01")));
    }

    @Test
    void aScheduledRunDeliversThePeriodThatEndedTheDayBefore() {
        assertEquals(p("2026-04-14", "2026-04-14"), DeliverySchedule.coveredBy(Cadence.DAILY, d("2026-04-15")));
        assertEquals(p("2026-04-06", "2026-04-12"), DeliverySchedule.coveredBy(Cadence.WEEKLY, d("2026-04-13")));
        assertEquals(p("2026-03-21", "2026-03-31"), DeliverySchedule.coveredBy(Cadence.DEKAD, d("2026-04-01")));
        assertEquals(p("2026-04-01", "2026-04-10"), DeliverySchedule.coveredBy(Cadence.DEKAD, d("2026-04-11")));
        assertEquals(p("2026-02-01", "2026-02-28"), DeliverySchedule.coveredBy(Cadence.MONTHLY, d("2026-03-01")));
        assertEquals(p("2026-01-01", "2026-03-31"), DeliverySchedule.coveredBy(Cadence.QUARTERLY, d("2026-04-01")));
        assertEquals(p("2026-01-01", "2026-06-30"), DeliverySchedule.coveredBy(Cadence.HALF_YEAR, d("2026-07-01")));
        assertEquals(p("2025-01-01", "2025-12-31"), DeliverySchedule.coveredBy(Cadence.ANNUAL, d("2026-01-01")));
    }

    @Test
    void aRunOffTheScheduleDeliversTheCurrentPeriodUpToYesterday() {
        assertEquals(p("2026-04-13", "2026-04-14"), DeliverySchedule.coveredBy(Cadence.WEEKLY, d("2026-04-15")));
        assertEquals(p("2026-04-11", "2026-04-14"), DeliverySchedule.coveredBy(Cadence.DEKAD, d("2026-04-15")));
    }

    @Test
    void dueFromTheTimeOfDayInTheZone() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 4, 13, 7, 59, 0, 0, SHANGHAI);
        assertEquals(Optional.empty(), DeliverySchedule.dueAt(Cadence.WEEKLY, EIGHT, LONG_AGO, monday));
        assertEquals(Optional.of(p("2026-04-06", "2026-04-12")),
                DeliverySchedule.dueAt(Cadence.WEEKLY, EIGHT, LONG_AGO, monday.withHour(8).withMinute(0)));
        assertEquals(Optional.of(p("2026-04-06", "2026-04-12")),
                DeliverySchedule.dueAt(Cadence.WEEKLY, EIGHT, LONG_AGO, monday.withHour(23)));
        assertEquals(Optional.empty(), DeliverySchedule.dueAt(Cadence.WEEKLY, EIGHT, LONG_AGO, monday.plusDays(1)));
        // 00:30 UTC on Monday is 08:30 in Shanghai: due there.
        assertEquals(Optional.of(p("2026-04-06", "2026-04-12")), DeliverySchedule.dueAt(Cadence.WEEKLY, EIGHT,
                LONG_AGO, Instant.parse("2026-04-13T00:30:00Z").atZone(SHANGHAI)));
        assertEquals(Optional.of(p("2026-04-12", "2026-04-12")),
                DeliverySchedule.dueAt(Cadence.DAILY, LocalTime.of(17, 30), LONG_AGO, monday.withHour(18)));
        assertEquals(Optional.empty(),
                DeliverySchedule.dueAt(Cadence.DAILY, LocalTime.of(17, 30), LONG_AGO, monday.withHour(17).withMinute(29)));
    }

    @Test
    void aSubscriptionMadeAfterTodaysRunWaitsForTheNext() {
        ZonedDateTime nine = ZonedDateTime.of(2026, 4, 15, 9, 0, 0, 0, SHANGHAI);
        assertEquals(Optional.empty(), DeliverySchedule.dueAt(Cadence.DAILY, EIGHT,
                nine.minusMinutes(30).toInstant(), nine));
        assertEquals(Optional.of(p("2026-04-15", "2026-04-15")), DeliverySchedule.dueAt(Cadence.DAILY, EIGHT,
                nine.minusMinutes(30).toInstant(), nine.plusDays(1)));
    }
}
