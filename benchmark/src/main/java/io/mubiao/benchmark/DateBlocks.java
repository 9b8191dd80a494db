package io.mubiao.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out blocks of past dates, newest first, each step its own: a step's reports are then first reports of
 * their (unit, indicator, date), never corrections of an earlier step or run, which would cost more (a revision
 * lookup per key) and make runs incomparable. A run starts below the earliest date already reported.
 */
final class DateBlocks {

    private LocalDate next;

    /** @param before the first date handed out is the day before this one */
    DateBlocks(LocalDate before) {
        this.next = before.minusDays(1);
    }

    /** {@code days} consecutive dates, the newest first. */
    List<LocalDate> take(int days) {
        List<LocalDate> dates = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            dates.add(next);
            next = next.minusDays(1);
        }
        return dates;
    }
}
