package io.mubiao.report.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.mubiao.report.calc.Cadence;
import io.mubiao.report.calc.Period;

/**
 * When a subscription's circular goes out and which period it covers. The schedule fires on the first day of
 * each period of the cadence (daily: every day; weekly: Monday; dekad: the 1st, 11th and 21st; monthly: the
 * 1st; quarterly, half-year and annual: the first day after the period ended), at the subscription's time of
 * day, and sends the circular of the period that ended the day before: a daily circular at 08:00 is about
 * yesterday, whose reports are in, not about a today that has hardly begun.
 */
public final class DeliverySchedule {

    /** Whether the schedule of {@code cadence} fires on {@code day}. */
    public static boolean firesOn(Cadence cadence, LocalDate day) {
        return cadence.start(day).equals(day);
    }

    /** The period a run on {@code day} delivers: the whole period of {@code cadence} that ended before it. */
    public static Period coveredBy(Cadence cadence, LocalDate day) {
        LocalDate end = day.minusDays(1);
        return new Period(cadence.start(end), end);
    }

    /**
     * The period due at {@code now}: the schedule fired today at {@code time} or earlier, and the subscription
     * existed then (a subscription made at 10:00 does not get this morning's circular). Later ticks of the same
     * day find the same period, which the delivery log holds once.
     */
    public static Optional<Period> dueAt(Cadence cadence, LocalTime time, Instant createdAt, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        if (!firesOn(cadence, today)) {
            return Optional.empty();
        }
        ZonedDateTime firing = today.atTime(time).atZone(now.getZone());
        if (now.isBefore(firing) || createdAt.isAfter(firing.toInstant())) {
            return Optional.empty();
        }
        return Optional.of(coveredBy(cadence, today));
    }

    private DeliverySchedule() {
    }
}
