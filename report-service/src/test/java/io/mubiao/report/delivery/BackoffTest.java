package io.mubiao.report.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void doublesAfterEachFailure() {
        assertEquals(MINUTE, Backoff.after(1, MINUTE, HOUR));
        assertEquals(Duration.ofMinutes(2), Backoff.after(2, MINUTE, HOUR));
        assertEquals(Duration.ofMinutes(4), Backoff.after(3, MINUTE, HOUR));
        assertEquals(Duration.ofMinutes(32), Backoff.after(6, MINUTE, HOUR));
    }

    @Test
    void neverLongerThanTheMaximum() {
        assertEquals(HOUR, Backoff.after(7, MINUTE, HOUR));
        assertEquals(HOUR, Backoff.after(1000, MINUTE, HOUR));
        assertEquals(HOUR, Backoff.after(1, Duration.ofHours(2), HOUR));
    }

    @Test
    void onlyAfterAFailure() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.after(0, MINUTE, HOUR));
    }
}
